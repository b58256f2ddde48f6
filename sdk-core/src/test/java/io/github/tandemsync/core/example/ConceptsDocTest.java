package io.github.tandemsync.core.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/concepts.md quotes InMemoryConnector; this keeps the quote identical to the tested code. */
class ConceptsDocTest {

  private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

  @Test
  void conceptsDocQuotesTheConnectorVerbatim() throws IOException {
    String source = Files.readString(MODULE.resolve("src/test/java/io/github/tandemsync/core/example/InMemoryConnector.java"), StandardCharsets.UTF_8);
    String doc = Files.readString(MODULE.resolveSibling("docs").resolve("concepts.md"), StandardCharsets.UTF_8);
    String quoted = source.substring(source.indexOf("/** A complete connector"));

    assertTrue(doc.contains("```java\n" + quoted + "```\n"),
        "docs/concepts.md must quote InMemoryConnector.java from its class comment to the end, unchanged; re-copy it after editing the connector");
  }
}
