package io.github.tandemsync.salesforce.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.salesforce.SalesforceMetadata;
import io.github.tandemsync.salesforce.SalesforceNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every custom object and field the default mapping uses is defined in the shipped metadata. */
class MetadataConsistencyTest {
  private static final MappingContext CTX = new MappingContext(SalesforceNaming.defaults(), "GBP", "A");

  @Test
  void metadataDefinesEveryMappedCustomField() throws IOException {
    Path src = SalesforceMetadata.sourceDirectory();
    assertTrue(Files.exists(SalesforceMetadata.projectDirectory().resolve("sfdx-project.json")));
    assertTrue(Files.exists(src.resolve("permissionsets/Tandem_Integration.permissionset-meta.xml")));
    String permissions = Files.readString(src.resolve("permissionsets/Tandem_Integration.permissionset-meta.xml"));
    List<String> missing = new ArrayList<>();
    for (EntityMapping<?> m : DefaultMappings.all().values()) {
      check(src, m.object, m.keyNativeFields, missing, permissions);
      m.fields.forEach(f -> {
        check(src, m.object, f.nativeFields, missing, permissions);
        f.refs.forEach(r -> check(src, r.targetObject(), List.of(r.targetField()), missing, permissions));
      });
      m.externalIdField.ifPresent(ext -> {
        if (!m.keyNativeFields.isEmpty()) {
          Path file = src.resolve("objects/" + m.object + "/fields/" + ext + ".field-meta.xml");
          try {
            String xml = Files.readString(file);
            if (!xml.contains("<externalId>true</externalId>") || !xml.contains("<unique>true</unique>")) {
              missing.add(m.object + "." + ext + " is not a Unique External ID");
            }
          } catch (IOException e) {
            missing.add(m.object + "." + ext);
          }
        }
      });
      m.lines.ifPresent(l -> {
        l.textLinesField().ifPresent(f -> check(src, m.object, List.of(f), missing, permissions));
        check(src, l.object(), List.of(l.externalIdField(), l.parentField()), missing, "");
        l.fields().forEach(f -> check(src, l.object(), f.nativeFields, missing, permissions));
        if (l.childRelationship().endsWith("__r")) {
          try {
            String parent = Files.readString(src.resolve("objects/" + l.object() + "/fields/" + l.parentField() + ".field-meta.xml"));
            String rel = l.childRelationship().substring(0, l.childRelationship().length() - 3);
            if (!parent.contains("<relationshipName>" + rel + "</relationshipName>")) {
              missing.add(l.object() + "." + l.parentField() + " relationship name " + rel);
            }
          } catch (IOException e) {
            missing.add(l.object() + "." + l.parentField());
          }
        }
      });
      if (m.object.endsWith("__c") && !Files.exists(src.resolve("objects/" + m.object + "/" + m.object + ".object-meta.xml"))) {
        missing.add(m.object + " object definition");
      }
    }
    assertTrue(missing.isEmpty(), () -> "missing from metadata: " + missing);
    assertTrue(new RecordMapper<>(DefaultMappings.order(), CTX, List.of(), List.of()).selectFields().contains("ERP_Id__c"));
  }

  private static void check(Path src, String object, List<String> fields, List<String> missing, String permissions) {
    for (String f : fields) {
      if (!f.endsWith("__c") || f.equals(object)) {
        if (!f.endsWith("__c")) {
          continue;
        }
      }
      if (!Files.exists(src.resolve("objects/" + object + "/fields/" + f + ".field-meta.xml"))) {
        missing.add(object + "." + f);
      } else if (!permissions.isEmpty() && !permissions.contains("<field>" + object + "." + f + "</field>")) {
        missing.add("permission for " + object + "." + f);
      }
    }
  }
}
