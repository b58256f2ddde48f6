package io.github.tandemsync.salesforce;

import io.github.tandemsync.core.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Salesforce metadata the connector expects in the org — every custom object and field of the
 * default mapping, External ID fields marked Unique, and the {@code Tandem_Integration} permission
 * set — as an SFDX project ({@code sfdx-project.json} plus {@code force-app/main/default}),
 * deployable with {@code sf project deploy start --source-dir force-app}. See
 * {@code docs/salesforce-metadata.md}.
 */
public final class SalesforceMetadata {
  private static final String ROOT = "io/github/tandemsync/salesforce/metadata";
  private static volatile Path extracted;

  private SalesforceMetadata() {}

  /**
   * The SFDX project directory (the folder holding {@code sfdx-project.json}). When the connector
   * runs from a jar, the project is extracted once per JVM to a temporary directory.
   */
  public static Path projectDirectory() {
    Path dir = extracted;
    if (dir != null) {
      return dir;
    }
    synchronized (SalesforceMetadata.class) {
      if (extracted == null) {
        extracted = locate();
      }
      return extracted;
    }
  }

  /** The SFDX source directory ({@code force-app/main/default}) with {@code objects/} and {@code permissionsets/}. */
  public static Path sourceDirectory() {
    return projectDirectory().resolve("force-app").resolve("main").resolve("default");
  }

  private static Path extract(Path source) throws IOException {
    Path target = Files.createTempDirectory("tandem-salesforce-metadata-");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          try (InputStream in = Files.newInputStream(p)) {
            Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    return target;
  }

  private static Path locate() {
    URL marker = SalesforceMetadata.class.getClassLoader().getResource(ROOT + "/sfdx-project.json");
    if (marker == null) {
      throw new ConfigurationException("the Salesforce metadata is missing from the connector's classpath (" + ROOT + ")");
    }
    try {
      URI uri = marker.toURI();
      if (uri.getScheme().equals("file")) {
        return Path.of(uri).getParent();
      }
      FileSystem jar;
      boolean opened;
      try {
        jar = FileSystems.newFileSystem(uri, Map.of());
        opened = true;
      } catch (FileSystemAlreadyExistsException e) {
        jar = FileSystems.getFileSystem(uri);
        opened = false;
      }
      try {
        return extract(jar.getPath("/" + ROOT));
      } finally {
        if (opened) {
          jar.close();
        }
      }
    } catch (URISyntaxException | IOException e) {
      throw new UncheckedIOException(new IOException("cannot extract the Salesforce metadata", e));
    }
  }
}
