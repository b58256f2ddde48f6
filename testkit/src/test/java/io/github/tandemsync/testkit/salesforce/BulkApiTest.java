package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Bulk API 2.0 ingest and query jobs (reference §11). */
class BulkApiTest extends SandboxFixture {

  private JsonNode waitFor(String kind, String id, Set<String> states) throws InterruptedException {
    for (int attempt = 0; attempt < 200; attempt++) {
      JsonNode job = http.get("/jobs/" + kind + "/" + id).json();
      if (states.contains(job.get("state").asText())) {
        return job;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("job " + id + " did not reach " + states);
  }

  private static List<List<String>> csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '"') {
          if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = !quoted;
          }
        } else if (c == ',' && !quoted) {
          cells.add(cell.toString());
          cell.setLength(0);
        } else {
          cell.append(c);
        }
      }
      cells.add(cell.toString());
      rows.add(cells);
    }
    return rows;
  }

  @Test
  void upsertJobWithRelationshipColumnsFailedRowsAndShuffledResults() throws Exception {
    String parent = sf.data().insert("Account", Map.of("Name", "Parent", "ERP_Id__c", "C-PARENT"));
    SfHttp.Response created = http.send("POST", http.data("/jobs/ingest"), SfHttp.JSON.writeValueAsString(SfHttp.object("object",
        "Account", "operation", "upsert", "externalIdFieldName", "ERP_Id__c", "contentType", "CSV", "columnDelimiter", "COMMA",
        "lineEnding", "LF")), Map.of("Content-Type", "application/json", "Sforce-Call-Options", "client=tandem-bulk"));
    assertEquals(200, created.status(), created.body());
    JsonNode job = created.json();
    String id = job.get("id").asText();
    assertEquals("Open", job.get("state").asText());
    assertEquals("services/data/v65.0/jobs/ingest/" + id + "/batches", job.get("contentUrl").asText());

    StringBuilder data = new StringBuilder("ERP_Id__c,Name,Parent.ERP_Id__c,NumberOfEmployees\n");
    for (int i = 0; i < 30; i++) {
      if (i == 7) {
        data.append("C-7,,C-PARENT,1\n");
      } else if (i == 11) {
        data.append("C-11,\"Bad, employees\",,lots\n");
      } else if (i == 13) {
        data.append("C-13,Orphan,C-NONE,1\n");
      } else {
        data.append("C-").append(i).append(",\"Customer ").append(i).append(", \"\"quoted\"\"\",C-PARENT,").append(i).append('\n');
      }
    }
    SfHttp.Response upload = http.send("PUT", http.data("/jobs/ingest/" + id + "/batches"), data.toString(),
        Map.of("Content-Type", "text/csv"));
    assertEquals(201, upload.status(), upload.body());
    assertEquals("INVALIDJOBSTATE", http.send("PUT", http.data("/jobs/ingest/" + id + "/batches"), data.toString(),
        Map.of("Content-Type", "text/csv")).errorCode(), "one upload per job");
    assertEquals(400, http.get("/jobs/ingest/" + id + "/successfulResults/").status(), "no results before the job completes");

    SfHttp.Response close = http.patch("/jobs/ingest/" + id, SfHttp.object("state", "UploadComplete"));
    assertEquals(200, close.status());
    JsonNode done = waitFor("ingest", id, Set.of("JobComplete", "Failed"));
    assertEquals("JobComplete", done.get("state").asText(), done.toString());
    assertEquals(30, done.get("numberRecordsProcessed").asInt());
    assertEquals(3, done.get("numberRecordsFailed").asInt());

    List<List<String>> success = csv(http.get("/jobs/ingest/" + id + "/successfulResults/").body());
    assertEquals(List.of("sf__Id", "sf__Created", "ERP_Id__c", "Name", "Parent.ERP_Id__c", "NumberOfEmployees"), success.get(0));
    assertEquals(28, success.size());
    List<String> order = new ArrayList<>();
    for (List<String> row : success.subList(1, success.size())) {
      assertTrue(row.get(0).startsWith("001"));
      assertEquals("true", row.get(1));
      order.add(row.get(2));
    }
    List<String> sorted = new ArrayList<>(order);
    sorted.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(2)), Integer.parseInt(b.substring(2))));
    assertNotEquals(sorted, order, "results are not in input order");
    assertTrue(success.stream().anyMatch(r -> r.get(3).equals("Customer 3, \"quoted\"")), "original values come back unchanged");

    List<List<String>> failed = csv(http.get("/jobs/ingest/" + id + "/failedResults/").body());
    assertEquals(List.of("sf__Id", "sf__Error", "ERP_Id__c", "Name", "Parent.ERP_Id__c", "NumberOfEmployees"), failed.get(0));
    Map<String, String> errors = new HashMap<>();
    for (List<String> row : failed.subList(1, failed.size())) {
      errors.put(row.get(2), row.get(1));
    }
    assertTrue(errors.get("C-7").startsWith("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --"), errors.get("C-7"));
    assertTrue(errors.get("C-11").startsWith("INVALID_FIELD:"), errors.get("C-11"));
    assertTrue(errors.get("C-13").contains("C-NONE"), errors.get("C-13"));
    assertEquals(List.of("ERP_Id__c", "Name", "Parent.ERP_Id__c", "NumberOfEmployees"),
        csv(http.get("/jobs/ingest/" + id + "/unprocessedrecords/").body()).get(0));

    SandboxRecord customer = sf.data().list("Account").stream().filter(r -> r.string("ERP_Id__c").orElse("").equals("C-3"))
        .findFirst().orElseThrow();
    assertEquals(parent, customer.string("ParentId").orElseThrow());
    assertEquals("com/salesforce/api/bulkapi/65.0;client=tandem-bulk", customer.lastChangeOrigin().orElseThrow());
    assertEquals("tandem-bulk", customer.lastWriterClient().orElseThrow());

    http.version = "52.0";
    assertEquals(List.of("sf__Error", "ERP_Id__c", "Name", "Parent.ERP_Id__c", "NumberOfEmployees"),
        csv(http.get("/jobs/ingest/" + id + "/failedResults/").body()).get(0), "sf__Id in failed results from v53");
    http.version = SfHttp.VERSION;
    assertTrue(sf.usage().counted(ResourceKind.BULK) >= 6, "every Bulk request counts");
  }

  @Test
  void unknownColumnsFailTheJobAndAbortedJobsLeaveRowsUnprocessed() throws Exception {
    String id = http.post("/jobs/ingest", SfHttp.object("object", "Account", "operation", "insert")).json().get("id").asText();
    http.send("PUT", http.data("/jobs/ingest/" + id + "/batches"), "Name,Nope__c\nA,1\n", Map.of("Content-Type", "text/csv"));
    http.patch("/jobs/ingest/" + id, SfHttp.object("state", "UploadComplete"));
    JsonNode failed = waitFor("ingest", id, Set.of("JobComplete", "Failed"));
    assertEquals("Failed", failed.get("state").asText());
    assertTrue(failed.get("errorMessage").asText().contains("Nope__c"));
    assertEquals(0, sf.data().list("Account").size());

    String aborted = http.post("/jobs/ingest", SfHttp.object("object", "Account", "operation", "insert")).json().get("id").asText();
    http.send("PUT", http.data("/jobs/ingest/" + aborted + "/batches"), "Name\nA\nB\n", Map.of("Content-Type", "text/csv"));
    assertEquals("Aborted", http.patch("/jobs/ingest/" + aborted, SfHttp.object("state", "Aborted")).json().get("state").asText());
    assertEquals("INVALIDJOBSTATE", http.patch("/jobs/ingest/" + aborted, SfHttp.object("state", "UploadComplete")).errorCode());

    SfHttp.Response badOperation = http.post("/jobs/ingest", SfHttp.object("object", "Account", "operation", "merge"));
    assertEquals(400, badOperation.status());
    SfHttp.Response noExternalId = http.post("/jobs/ingest", SfHttp.object("object", "Account", "operation", "upsert"));
    assertEquals(400, noExternalId.status());
  }

  @Test
  void updateAndDeleteJobsUseIds() throws Exception {
    String a = sf.data().insert("Account", Map.of("Name", "A"));
    String b = sf.data().insert("Account", Map.of("Name", "B"));
    String update = http.post("/jobs/ingest", SfHttp.object("object", "Account", "operation", "update", "lineEnding", "CRLF",
        "columnDelimiter", "SEMICOLON")).json().get("id").asText();
    http.send("PUT", http.data("/jobs/ingest/" + update + "/batches"), "Id;Phone;Website\r\n" + a + ";123;#N/A\r\n" + b + ";;x\r\n",
        Map.of("Content-Type", "text/csv"));
    http.patch("/jobs/ingest/" + update, SfHttp.object("state", "UploadComplete"));
    assertEquals("JobComplete", waitFor("ingest", update, Set.of("JobComplete", "Failed")).get("state").asText());
    assertEquals("123", sf.data().find(a).orElseThrow().string("Phone").orElseThrow());
    assertTrue(sf.data().find(b).orElseThrow().string("Phone").isEmpty(), "an empty cell leaves the field alone");

    String delete = http.post("/jobs/ingest", SfHttp.object("object", "Account", "operation", "delete")).json().get("id").asText();
    http.send("PUT", http.data("/jobs/ingest/" + delete + "/batches"), "Id\n" + a + "\n", Map.of("Content-Type", "text/csv"));
    http.patch("/jobs/ingest/" + delete, SfHttp.object("state", "UploadComplete"));
    waitFor("ingest", delete, Set.of("JobComplete"));
    assertTrue(sf.data().find(a).orElseThrow().deleted());
    assertEquals(204, http.delete("/jobs/ingest/" + delete).status());
    assertEquals(404, http.get("/jobs/ingest/" + delete).status());
  }

  @Test
  void queryJobsPageWithLocators() throws Exception {
    for (int i = 0; i < 25; i++) {
      sf.data().insert("Account", Map.of("Name", "Account " + i, "ERP_Id__c", "C-" + i));
    }
    SfHttp.Response created = http.post("/jobs/query", SfHttp.object("operation", "query",
        "query", "SELECT ERP_Id__c, Name, Owner.Name, CreatedDate FROM Account"));
    assertEquals(200, created.status(), created.body());
    String id = created.json().get("id").asText();
    waitFor("query", id, Set.of("JobComplete"));

    Set<String> seen = new TreeSet<>();
    String locator = "";
    int pages = 0;
    while (true) {
      SfHttp.Response page = http.get("/jobs/query/" + id + "/results?maxRecords=10" + (locator.isEmpty() ? "" : "&locator=" + locator));
      assertEquals(200, page.status(), page.body());
      List<List<String>> rows = csv(page.body());
      assertEquals(List.of("ERP_Id__c", "Name", "Owner.Name", "CreatedDate"), rows.get(0), "columns keep the SELECT order");
      assertEquals(rows.size() - 1, Integer.parseInt(page.header("Sforce-NumberOfRecords").orElseThrow()));
      rows.subList(1, rows.size()).forEach(r -> seen.add(r.get(0)));
      assertEquals("2026-03-02T09:00:00.000Z", rows.get(1).get(3));
      pages++;
      locator = page.header("Sforce-Locator").orElseThrow();
      if (locator.equals("null")) {
        break;
      }
    }
    assertEquals(3, pages);
    assertEquals(25, seen.size());

    http.version = "64.0";
    assertEquals(409, http.get("/jobs/query/" + id + "/results").status(), "read results with the version that created the job");
    http.version = SfHttp.VERSION;

    SfHttp.Response badQuery = http.post("/jobs/query", SfHttp.object("operation", "query", "query", "SELECT Nope FROM Account"));
    assertEquals(400, badQuery.status());
    assertEquals("INVALID_FIELD", badQuery.errorCode());
    assertEquals(400, http.post("/jobs/query", SfHttp.object("operation", "query", "query", "SELECT COUNT() FROM Account")).status());
  }
}
