package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tandemsync.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom objects and fields deployed from SFDX source format (src/test/resources/salesforce-sandbox/sfdx). */
class MetadataDeploymentTest extends SandboxFixture {

  private Map<String, JsonNode> fields(String type) {
    Map<String, JsonNode> fields = new HashMap<>();
    http.get("/sobjects/" + type + "/describe").json().get("fields").forEach(f -> fields.put(f.get("name").asText(), f));
    return fields;
  }

  @Test
  void customFieldsOnStandardObjectsAppearInDescribe() {
    Map<String, JsonNode> account = fields("Account");
    JsonNode erpId = account.get("ERP_Id__c");
    assertEquals("string", erpId.get("type").asText());
    assertEquals(40, erpId.get("length").asInt());
    assertTrue(erpId.get("externalId").asBoolean());
    assertTrue(erpId.get("unique").asBoolean());
    assertTrue(erpId.get("custom").asBoolean());
    JsonNode credit = account.get("Credit_Limit__c");
    assertEquals("currency", credit.get("type").asText());
    assertEquals(16, credit.get("precision").asInt());
    assertEquals(2, credit.get("scale").asInt());
    JsonNode band = account.get("Price_Band__c");
    assertEquals("picklist", band.get("type").asText());
    assertTrue(band.get("restrictedPicklist").asBoolean());
    assertEquals(3, band.get("picklistValues").size());
    assertEquals("textarea", account.get("Notes__c").get("type").asText());
    assertEquals("boolean", account.get("On_Stop__c").get("type").asText());
    assertFalse(account.get("On_Stop__c").get("nillable").asBoolean());
    JsonNode name = account.get("Name");
    assertFalse(name.get("nillable").asBoolean());
    assertTrue(name.get("createable").asBoolean());
    assertFalse(account.get("SystemModstamp").get("updateable").asBoolean());
  }

  @Test
  void customObjectsGetAKeyPrefixAutoNumbersAndRelationships() {
    JsonNode global = http.get("/sobjects/").json();
    JsonNode invoice = null;
    for (JsonNode sobject : global.get("sobjects")) {
      if (sobject.get("name").asText().equals("Invoice__c")) {
        invoice = sobject;
      }
    }
    assertTrue(invoice != null && invoice.get("custom").asBoolean());
    assertTrue(invoice.get("keyPrefix").asText().startsWith("a0"), invoice.get("keyPrefix").asText());

    String account = http.create("Account", SfHttp.object("Name", "Acme", "ERP_Id__c", "C-1"));
    String first = http.create("Invoice__c", SfHttp.object("Amount__c", 12.5, "Account__c", account));
    assertTrue(first.startsWith(invoice.get("keyPrefix").asText()));
    String second = http.create("Invoice__c", "{\"Amount__c\": 1, \"Account__r\": {\"ERP_Id__c\": \"C-1\"}}");
    assertEquals("INV-00001", http.get("/sobjects/Invoice__c/" + first).json().get("Name").asText());
    assertEquals("INV-00002", http.get("/sobjects/Invoice__c/" + second).json().get("Name").asText());
    assertEquals("REQUIRED_FIELD_MISSING", http.post("/sobjects/Invoice__c", SfHttp.object("Account__c", account)).errorCode());
    assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", http.post("/sobjects/Invoice__c", SfHttp.object("Amount__c", 1, "Name", "x")).errorCode(),
        "an auto-number name is read-only");

    JsonNode lookup = fields("Invoice__c").get("Account__c");
    assertEquals("reference", lookup.get("type").asText());
    assertEquals("Account__r", lookup.get("relationshipName").asText());
    assertEquals("Account", lookup.get("referenceTo").get(0).asText());

    String line = http.create("Invoice_Line__c", SfHttp.object("Invoice__c", first, "Quantity__c", 1.2345));
    JsonNode lineRecord = http.get("/sobjects/Invoice_Line__c/" + line).json();
    assertEquals(line, lineRecord.get("Name").asText(), "a text name left empty becomes the record id");
    assertEquals("1.235", lineRecord.get("Quantity__c").toString(), "numbers are rounded to the field's scale");
    assertFalse(fields("Invoice_Line__c").containsKey("OwnerId"), "master-detail children have no owner");
    assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE",
        http.patch("/sobjects/Invoice_Line__c/" + line, SfHttp.object("Invoice__c", second)).errorCode(), "not reparentable");
    SfHttp.Response children = http.query("SELECT Name, (SELECT Quantity__c FROM Lines__r) FROM Invoice__c WHERE Id = '" + first + "'");
    assertEquals(1, children.json().get("records").get(0).get("Lines__r").get("totalSize").asInt());

    assertEquals(204, http.delete("/sobjects/Invoice__c/" + first).status());
    assertTrue(sf.data().find(line).orElseThrow().deleted(), "master-detail delete cascades");
    sf.data().undelete(first);
    assertFalse(sf.data().find(line).orElseThrow().deleted(), "and undelete restores the children");
    sf.data().delete(account);
    assertTrue(sf.data().find(second).orElseThrow().string("Account__c").isEmpty(), "a lookup is cleared when its parent is deleted");
  }

  @Test
  void badMetadataIsAConfigurationError(@TempDir Path dir) throws IOException {
    Path field = dir.resolve("objects/Thing__c/fields/Bad__c.field-meta.xml");
    Files.createDirectories(field.getParent());
    Files.writeString(dir.resolve("objects/Thing__c/Thing__c.object-meta.xml"),
        "<CustomObject xmlns=\"http://soap.sforce.com/2006/04/metadata\"><label>Thing</label></CustomObject>");
    Files.writeString(field, "<CustomField xmlns=\"http://soap.sforce.com/2006/04/metadata\"><fullName>Bad__c</fullName>"
        + "<type>Hologram</type></CustomField>");
    ConfigurationException unsupported = assertThrows(ConfigurationException.class,
        () -> SalesforceSandbox.builder().deployMetadata(dir).build());
    assertTrue(unsupported.getMessage().contains("Hologram"), unsupported.getMessage());
    assertTrue(unsupported.getMessage().contains("Bad__c"), unsupported.getMessage());

    Files.writeString(field, "<CustomField xmlns=\"http://soap.sforce.com/2006/04/metadata\"><fullName>Bad__c</fullName>"
        + "<type>Lookup</type><referenceTo>Missing__c</referenceTo><relationshipName>Things</relationshipName></CustomField>");
    assertThrows(ConfigurationException.class, () -> SalesforceSandbox.builder().deployMetadata(dir).build());
    assertThrows(ConfigurationException.class, () -> SalesforceSandbox.builder().deployMetadata(dir.resolve("nowhere")).build());
  }
}
