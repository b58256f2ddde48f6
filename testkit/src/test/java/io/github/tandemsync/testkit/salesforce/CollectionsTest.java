package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sObject Collections (reference §7). */
class CollectionsTest extends SandboxFixture {

  private static ObjectNode record(String type, Object... keyValues) {
    ObjectNode record = SfHttp.object(keyValues);
    ObjectNode copy = SfHttp.JSON.createObjectNode();
    copy.putObject("attributes").put("type", type);
    copy.setAll(record);
    return copy;
  }

  private static ObjectNode body(boolean allOrNone, ObjectNode... records) {
    ObjectNode body = SfHttp.object("allOrNone", allOrNone);
    ArrayNode array = body.putArray("records");
    for (ObjectNode record : records) {
      array.add(record);
    }
    return body;
  }

  @Test
  void createReturnsOneResultPerRecordInOrderWith200EvenOnFailures() {
    SfHttp.Response response = http.post("/composite/sobjects", body(false,
        record("Account", "Name", "One"),
        record("Account", "Phone", "no name"),
        record("Contact", "LastName", "Smith"),
        record("Account", "Name", "Four", "Nope__c", "x"),
        record("Account", "Name", "Five")));
    assertEquals(200, response.status(), response.body());
    JsonNode results = response.json();
    assertEquals(5, results.size());
    assertTrue(results.get(0).get("success").asBoolean());
    assertTrue(results.get(0).get("id").asText().startsWith("001"));
    assertEquals(0, results.get(0).get("errors").size());
    assertFalse(results.get(1).get("success").asBoolean());
    assertEquals("REQUIRED_FIELD_MISSING", results.get(1).get("errors").get(0).get("statusCode").asText());
    assertEquals("Name", results.get(1).get("errors").get(0).get("fields").get(0).asText());
    assertTrue(results.get(2).get("id").asText().startsWith("003"), "mixed types are allowed");
    assertEquals("INVALID_FIELD", results.get(3).get("errors").get(0).get("statusCode").asText(), "unknown fields fail the record only");
    assertTrue(results.get(4).get("success").asBoolean());
    assertEquals(2, sf.data().list("Account").size());
    assertEquals(1, sf.usage().counted(ResourceKind.COLLECTIONS), "the whole request is one call");

    SfHttp.Response allFailed = http.post("/composite/sobjects", body(false, record("Account"), record("Account")));
    assertEquals(200, allFailed.status(), "HTTP 200 even when every record failed");
  }

  @Test
  void allOrNoneRollsBackAndMarksTheInnocentRecords() {
    sf.data().insert("Account", Map.of("Name", "Existing", "ERP_Id__c", "C-TAKEN"));
    SfHttp.Response response = http.post("/composite/sobjects", body(true,
        record("Account", "Name", "A", "ERP_Id__c", "C-A"),
        record("Account", "Name", "B", "ERP_Id__c", "C-TAKEN"),
        record("Account", "Name", "C", "ERP_Id__c", "C-C")));
    JsonNode results = response.json();
    assertEquals(200, response.status());
    assertEquals("ALL_OR_NONE_OPERATION_ROLLED_BACK", results.get(0).get("errors").get(0).get("statusCode").asText());
    assertEquals("DUPLICATE_VALUE", results.get(1).get("errors").get(0).get("statusCode").asText());
    assertEquals("ALL_OR_NONE_OPERATION_ROLLED_BACK", results.get(2).get("errors").get(0).get("statusCode").asText());
    assertFalse(results.get(0).has("id"));
    assertEquals(1, sf.data().list("Account").size(), "nothing was written");
  }

  @Test
  void moreThan200RecordsFailTheWholeRequest() {
    ObjectNode[] records = new ObjectNode[201];
    for (int i = 0; i < records.length; i++) {
      records[i] = record("Account", "Name", "n" + i);
    }
    SfHttp.Response response = http.post("/composite/sobjects", body(false, records));
    assertEquals(400, response.status());
    assertEquals("EXCEEDED_ID_LIMIT", response.errorCode());
    assertEquals(0, sf.data().list("Account").size());
  }

  @Test
  void aJsonTypeErrorFailsTheWholeRequest() {
    SfHttp.Response response = http.post("/composite/sobjects", body(false,
        record("Account", "Name", "ok"), record("Account", "Name", "bad", "NumberOfEmployees", "many")));
    assertEquals(400, response.status());
    assertEquals("JSON_PARSER_ERROR", response.errorCode());
    assertEquals(0, sf.data().list("Account").size());
  }

  @Test
  void upsert450RecordsTakesExactlyThreeCollectionCalls() {
    for (int round = 0; round < 2; round++) {
      sf.resetUsage();
      int created = 0;
      for (int start = 0; start < 450; start += 200) {
        ObjectNode body = SfHttp.object("allOrNone", false);
        ArrayNode array = body.putArray("records");
        for (int i = start; i < Math.min(450, start + 200); i++) {
          array.add(record("Account", "ERP_Id__c", "C-" + i, "Name", "Customer " + i + " r" + round));
        }
        SfHttp.Response response = http.patch("/composite/sobjects/Account/ERP_Id__c", body);
        assertEquals(200, response.status(), response.body());
        for (JsonNode result : response.json()) {
          assertTrue(result.get("success").asBoolean(), result.toString());
          created += result.get("created").asBoolean() ? 1 : 0;
        }
      }
      assertEquals(round == 0 ? 450 : 0, created);
      assertEquals(3, sf.usage().counted(ResourceKind.COLLECTIONS));
      assertEquals(3, sf.usage().total());
    }
    assertEquals(450, sf.data().list("Account").size());
  }

  @Test
  void upsertReportsDuplicatesAndMissingKeysPerRecord() {
    SfHttp.Response response = http.patch("/composite/sobjects/Account/ERP_Id__c", body(false,
        record("Account", "ERP_Id__c", "C-1", "Name", "a"),
        record("Account", "ERP_Id__c", "c-1", "Name", "b"),
        record("Account", "Name", "no key"),
        record("Account", "ERP_Id__c", "C-2", "Name", "ok")));
    JsonNode results = response.json();
    assertEquals("DUPLICATE_EXTERNAL_ID", results.get(0).get("errors").get(0).get("statusCode").asText());
    assertEquals("DUPLICATE_EXTERNAL_ID", results.get(1).get("errors").get(0).get("statusCode").asText());
    assertEquals("MISSING_ARGUMENT", results.get(2).get("errors").get(0).get("statusCode").asText());
    assertTrue(results.get(3).get("created").asBoolean());
    SfHttp.Response notExternal = http.patch("/composite/sobjects/Account/Name", body(false, record("Account", "Name", "x")));
    assertEquals(400, notExternal.status());
    assertEquals("INVALID_FIELD", notExternal.errorCode());
  }

  @Test
  void updateDeleteAndRetrieve() {
    String a = sf.data().insert("Account", Map.of("Name", "A"));
    String b = sf.data().insert("Account", Map.of("Name", "B"));
    SfHttp.Response update = http.patch("/composite/sobjects", body(false,
        record("Account", "id", a, "Phone", "1"),
        record("Account", "Phone", "2"),
        record("Account", "id", "001000000000000AAA", "Phone", "3")));
    JsonNode results = update.json();
    assertTrue(results.get(0).get("success").asBoolean());
    assertEquals("MISSING_ARGUMENT", results.get(1).get("errors").get(0).get("statusCode").asText());
    assertFalse(results.get(2).get("success").asBoolean());

    SfHttp.Response retrieve = http.get("/composite/sobjects/Account?ids=" + a + "," + b + ",001000000000000AAA&fields=Name,Phone");
    assertEquals(200, retrieve.status(), retrieve.body());
    assertEquals("1", retrieve.json().get(0).get("Phone").asText());
    assertEquals("B", retrieve.json().get(1).get("Name").asText());
    assertTrue(retrieve.json().get(2).isNull(), "unknown ids give null");
    SfHttp.Response retrievePost = http.post("/composite/sobjects/Account", SfHttp.object("ids", List.of(b), "fields", List.of("Name")));
    assertEquals("B", retrievePost.json().get(0).get("Name").asText());

    SfHttp.Response delete = http.delete("/composite/sobjects?ids=" + a + ",bad-id&allOrNone=false");
    assertEquals(200, delete.status());
    assertEquals(a, delete.json().get(0).get("id").asText());
    assertTrue(delete.json().get(0).get("success").asBoolean());
    assertEquals("MALFORMED_ID", delete.json().get(1).get("errors").get(0).get("statusCode").asText());
    SfHttp.Response again = http.delete("/composite/sobjects?ids=" + a + "," + b + "&allOrNone=true");
    assertEquals("ENTITY_IS_DELETED", again.json().get(0).get("errors").get(0).get("statusCode").asText());
    assertEquals("ALL_OR_NONE_OPERATION_ROLLED_BACK", again.json().get(1).get("errors").get(0).get("statusCode").asText());
    assertFalse(sf.data().find(b).orElseThrow().deleted());
  }
}
