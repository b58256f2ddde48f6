package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sObject rows and rows by external id (reference §6), validation codes and shapes (§12). */
class SObjectRowsTest extends SandboxFixture {

  @Test
  void createReadUpdateDelete() {
    SfHttp.Response created = http.post("/sobjects/Account", SfHttp.object("Name", "Acme", "BillingCity", "York"));
    assertEquals(201, created.status());
    JsonNode body = created.json();
    String id = body.get("id").asText();
    assertEquals(18, id.length());
    assertTrue(id.startsWith("001"));
    assertTrue(body.get("success").asBoolean());
    assertEquals(0, body.get("errors").size());

    JsonNode record = http.get("/sobjects/Account/" + id).json();
    assertEquals("Acme", record.get("Name").asText());
    assertEquals("2026-03-02T09:00:00.000+0000", record.get("SystemModstamp").asText());
    assertTrue(record.get("Phone").isNull());
    assertEquals(id, http.get("/sobjects/Account/" + id.substring(0, 15)).json().get("Id").asText(), "15-character ids work");

    JsonNode some = http.get("/sobjects/Account/" + id + "?fields=Name,BillingCity").json();
    assertEquals("York", some.get("BillingCity").asText());
    assertFalse(some.has("Phone"));
    assertEquals("INVALID_FIELD", http.get("/sobjects/Account/" + id + "?fields=Nope").errorCode());

    clock.advance(Duration.ofMinutes(5));
    assertEquals(204, http.patch("/sobjects/Account/" + id, SfHttp.object("BillingCity", "Leeds")).status());
    JsonNode updated = http.get("/sobjects/Account/" + id).json();
    assertEquals("Leeds", updated.get("BillingCity").asText());
    assertEquals("2026-03-02T09:05:00.000+0000", updated.get("LastModifiedDate").asText());

    assertEquals(204, http.delete("/sobjects/Account/" + id).status());
    SfHttp.Response gone = http.get("/sobjects/Account/" + id);
    assertEquals(404, gone.status());
    assertEquals("ENTITY_IS_DELETED", gone.errorCode());
    assertEquals("ENTITY_IS_DELETED", http.delete("/sobjects/Account/" + id).errorCode());
    assertEquals(404, http.get("/sobjects/Account/001000000000000AAA").status());
    assertEquals("NOT_FOUND", http.get("/sobjects/Account/not-an-id").errorCode());
  }

  @Test
  void upsertByExternalIdAnswers201Then200And300And404() {
    SfHttp.Response created = http.patch("/sobjects/Account/ERP_Id__c/C-ABAP01", SfHttp.object("Name", "Abap Ltd"));
    assertEquals(201, created.status(), created.body());
    assertTrue(created.json().get("created").asBoolean());
    String id = created.json().get("id").asText();

    SfHttp.Response updated = http.patch("/sobjects/Account/ERP_Id__c/c-abap01", SfHttp.object("Name", "Abap Limited"));
    assertEquals(200, updated.status(), "case-insensitive external id matched");
    assertFalse(updated.json().get("created").asBoolean());
    assertEquals(id, updated.json().get("id").asText());
    assertEquals("Abap Limited", sf.data().find(id).orElseThrow().string("Name").orElseThrow());
    assertEquals("C-ABAP01", sf.data().find(id).orElseThrow().string("ERP_Id__c").orElseThrow(), "the external id was set on create");

    http.version = "45.0";
    assertEquals(204, http.patch("/sobjects/Account/ERP_Id__c/C-ABAP01", SfHttp.object("Phone", "1")).status(),
        "before v46 an upsert-update answers 204");
    http.version = SfHttp.VERSION;

    // Code__c is an external id without Unique: duplicates are possible.
    String one = sf.data().insert("Account", Map.of("Name", "One", "Code__c", "DUP"));
    String two = sf.data().insert("Account", Map.of("Name", "Two", "Code__c", "DUP"));
    SfHttp.Response multiple = http.patch("/sobjects/Account/Code__c/DUP", SfHttp.object("Name", "?"));
    assertEquals(300, multiple.status());
    assertEquals(2, multiple.json().size());
    assertTrue(multiple.json().toString().contains("/services/data/v65.0/sobjects/Account/" + one));
    assertTrue(multiple.json().toString().contains("/services/data/v65.0/sobjects/Account/" + two));
    assertEquals(300, http.get("/sobjects/Account/Code__c/DUP").status());

    SfHttp.Response updateOnly = http.patch("/sobjects/Account/ERP_Id__c/C-NEW?updateOnly=true", SfHttp.object("Name", "x"));
    assertEquals(404, updateOnly.status());
    assertEquals("NOT_FOUND", updateOnly.errorCode());
    assertEquals(0, sf.data().list("Account").stream().filter(r -> r.string("ERP_Id__c").orElse("").equals("C-NEW")).count());

    SfHttp.Response inBody = http.patch("/sobjects/Account/ERP_Id__c/C-X", SfHttp.object("Name", "x", "ERP_Id__c", "C-X"));
    assertEquals(400, inBody.status(), "the external id field must not be in the body");
    SfHttp.Response notExternal = http.patch("/sobjects/Account/Phone/123", SfHttp.object("Name", "x"));
    assertEquals(404, notExternal.status());
    assertEquals("NOT_FOUND", notExternal.errorCode());

    assertEquals("Abap Limited", http.get("/sobjects/Account/ERP_Id__c/C-ABAP01").json().get("Name").asText());
    assertEquals(201, http.post("/sobjects/Account/Id", SfHttp.object("Name", "Created via /Id")).status());
  }

  @Test
  void validationErrorsHaveSalesforceCodesAndFields() {
    assertTopLevel(http.post("/sobjects/Account", SfHttp.object("Phone", "1")), 400, "REQUIRED_FIELD_MISSING", "Name");
    assertTopLevel(http.post("/sobjects/Account", SfHttp.object("Name", "x", "Nope__c", 1)), 400, "INVALID_FIELD", null);
    assertTopLevel(http.post("/sobjects/Account", SfHttp.object("Name", "x", "CreatedDate", "2020-01-01T00:00:00Z")), 400,
        "INVALID_FIELD_FOR_INSERT_UPDATE", "CreatedDate");
    assertTopLevel(http.post("/sobjects/Account", SfHttp.object("Name", "x".repeat(256))), 400, "STRING_TOO_LONG", "Name");
    assertTopLevel(http.post("/sobjects/Account", SfHttp.object("Name", "x", "Price_Band__c", "Z")), 400,
        "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Price_Band__c");
    assertTopLevel(http.post("/sobjects/Account", SfHttp.object("Name", "x", "AnnualRevenue", "lots")), 400, "JSON_PARSER_ERROR", null);
    assertTopLevel(http.post("/sobjects/Account", "{\"Name\": \"x\""), 400, "JSON_PARSER_ERROR", null);
    assertTopLevel(http.post("/sobjects/Contact", SfHttp.object("LastName", "x", "AccountId", "12345")), 400, "MALFORMED_ID", "AccountId");
    assertTopLevel(http.post("/sobjects/Contact", SfHttp.object("LastName", "x", "AccountId", "001000000000000AAA")), 400,
        "INVALID_CROSS_REFERENCE_KEY", "AccountId");
    assertTopLevel(http.post("/sobjects/Contact", SfHttp.object("LastName", "x", "Email", "not-an-email")), 400,
        "INVALID_EMAIL_ADDRESS", "Email");
    assertTopLevel(http.post("/sobjects/Account", SfHttp.object("Name", "x", "Credit_Limit__c", 1e20)), 400,
        "NUMBER_OUTSIDE_VALID_RANGE", "Credit_Limit__c");
    String account = http.create("Account", SfHttp.object("Name", "Parent", "ERP_Id__c", "C-1"));
    assertTopLevel(http.post("/sobjects/Account", SfHttp.object("Name", "x", "ERP_Id__c", "c-1")), 400, "DUPLICATE_VALUE", "ERP_Id__c");
    sf.data().delete(account);
    assertTopLevel(http.post("/sobjects/Contact", SfHttp.object("LastName", "x", "AccountId", account)), 400, "ENTITY_IS_DELETED",
        "AccountId");
    assertTopLevel(http.patch("/sobjects/Account/" + account, SfHttp.object("Name", "y")), 404, "ENTITY_IS_DELETED", null);
    assertTopLevel(http.patch("/sobjects/Contact/" + http.create("Contact", SfHttp.object("LastName", "a")), SfHttp.object("LastName", null)),
        400, "REQUIRED_FIELD_MISSING", "LastName");
  }

  @Test
  void relationshipsByExternalIdAndIsoDatesInBodies() {
    String account = http.create("Account", SfHttp.object("Name", "Parent", "ERP_Id__c", "C-ABAP01"));
    SfHttp.Response contact = http.post("/sobjects/Contact", "{\"LastName\":\"Smith\",\"Account\":{\"ERP_Id__c\":\"C-ABAP01\"}}");
    assertEquals(201, contact.status(), contact.body());
    assertEquals(account, sf.data().find(contact.json().get("id").asText()).orElseThrow().string("AccountId").orElseThrow());
    SfHttp.Response missing = http.post("/sobjects/Contact", "{\"LastName\":\"Smith\",\"Account\":{\"ERP_Id__c\":\"C-NONE\"}}");
    assertEquals("INVALID_FIELD", missing.errorCode());
    assertTrue(missing.message().contains("C-NONE"));

    for (String text : new String[] {"2025-05-20T20:49:32.000Z", "2025-05-20T20:49:32Z", "2025-05-20T21:49:32.000+01:00",
        "2025-05-20T20:49:32.000+00:00", "2025-05-20T16:49:32-04:00"}) {
      String invoice = http.create("Invoice__c", SfHttp.object("Amount__c", 1, "Invoice_Date__c", "2025-05-20", "Sent_At__c", text));
      JsonNode read = http.get("/sobjects/Invoice__c/" + invoice + "?fields=Sent_At__c,Invoice_Date__c").json();
      assertEquals("2025-05-20T20:49:32.000+0000", read.get("Sent_At__c").asText(), text);
      assertEquals("2025-05-20", read.get("Invoice_Date__c").asText());
    }
    assertEquals("JSON_PARSER_ERROR", http.post("/sobjects/Invoice__c", SfHttp.object("Amount__c", 1, "Sent_At__c", "20/05/2025"))
        .errorCode());
  }

  @Test
  void conditionalUpdatesAnswer412WhenTheRecordChangedSince() {
    String id = http.create("Account", SfHttp.object("Name", "Acme"));
    String before = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(clock.instant());
    clock.advance(Duration.ofMinutes(1));
    sf.data().update(id, Map.of("Phone", "0113 496 0000"));
    SfHttp.Response stale = http.patch("/sobjects/Account/" + id, SfHttp.object("Name", "Mine"), Map.of("If-Unmodified-Since", before));
    assertEquals(412, stale.status());
    String now = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(clock.instant());
    assertEquals(204, http.patch("/sobjects/Account/" + id, SfHttp.object("Name", "Mine"), Map.of("If-Unmodified-Since", now)).status());
    assertEquals(304, http.get("/sobjects/Account/" + id, Map.of("If-Modified-Since", now)).status());
  }

  @Test
  void systemFieldsAndEchoOriginsAreRecorded() {
    SfHttp.Response created = http.send("POST", http.data("/sobjects/Account"), "{\"Name\":\"Acme\"}",
        Map.of("Content-Type", "application/json", "Sforce-Call-Options", "client=tandem-install-1"));
    String id = created.json().get("id").asText();
    SandboxRecord record = sf.data().find(id).orElseThrow();
    assertEquals("tandem-install-1", record.lastWriterClient().orElseThrow());
    assertEquals("com/salesforce/api/rest/65.0;client=tandem-install-1", record.lastChangeOrigin().orElseThrow());
    String integrationUser = record.string("LastModifiedById").orElseThrow();
    assertEquals(integrationUser, record.string("OwnerId").orElseThrow(), "the owner defaults to the API user");

    clock.advance(Duration.ofSeconds(30));
    sf.data().update(id, Map.of("Phone", "1"));
    SandboxRecord edited = sf.data().find(id).orElseThrow();
    assertTrue(edited.lastWriterClient().isEmpty(), "a UI edit has no API client");
    assertTrue(edited.lastChangeOrigin().isEmpty());
    assertFalse(edited.string("LastModifiedById").orElseThrow().equals(integrationUser), "the UI user edited it");
    assertEquals(clock.instant(), edited.systemModstamp());
    assertEquals(START, edited.instant("CreatedDate").orElseThrow());
  }

  private static void assertTopLevel(SfHttp.Response response, int status, String code, String field) {
    assertEquals(status, response.status(), response.body());
    assertTrue(response.json().isArray(), response.body());
    assertEquals(code, response.errorCode(), response.body());
    if (field != null) {
      assertEquals(field, response.json().get(0).get("fields").get(0).asText(), response.body());
    }
  }
}
