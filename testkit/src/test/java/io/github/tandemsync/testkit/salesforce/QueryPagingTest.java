package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Query paging (reference §5.2–5.4): nextRecordsUrl until done, short pages, snapshots and locator expiry. */
class QueryPagingTest extends SandboxFixture {
  private static final long SEED = 4500L;

  private void createAccounts(int count) {
    Random random = new Random(SEED);
    System.out.println("QueryPagingTest data seed: " + SEED);
    for (int start = 0; start < count; start += 200) {
      ObjectNode body = SfHttp.object("allOrNone", true);
      ArrayNode records = body.putArray("records");
      for (int i = start; i < Math.min(count, start + 200); i++) {
        ObjectNode record = records.addObject();
        record.putObject("attributes").put("type", "Account");
        record.put("Name", "Account " + i);
        record.put("ERP_Id__c", "C-" + i);
        record.put("NumberOfEmployees", random.nextInt(1000));
        if (i % 7 == 0) {
          record.put("Notes__c", "long text " + i);
        }
      }
      SfHttp.Response response = http.post("/composite/sobjects", body);
      assertEquals(200, response.status(), response.body());
    }
  }

  @Test
  void pagesOf4500RowsFollowNextRecordsUrlUntilDone() {
    createAccounts(4500);
    List<Integer> pageSizes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    SfHttp.Response page = http.get("/query?q=" + SfHttp.encode("SELECT Id, Name FROM Account ORDER BY Name"),
        Map.of("Sforce-Query-Options", "batchSize=1500"));
    while (true) {
      assertEquals(200, page.status(), page.body());
      JsonNode body = page.json();
      assertEquals(4500, body.get("totalSize").asInt(), "totalSize counts the whole result");
      pageSizes.add(body.get("records").size());
      body.get("records").forEach(r -> seen.add(r.get("Id").asText()));
      if (body.get("done").asBoolean()) {
        assertFalse(body.has("nextRecordsUrl"));
        break;
      }
      String next = body.get("nextRecordsUrl").asText();
      assertTrue(next.matches("/services/data/v65\\.0/query/01g[0-9A-Za-z]{15}-\\d+"), next);
      page = http.send("GET", next, "", Map.of("Sforce-Query-Options", "batchSize=1500"));
    }
    assertEquals(List.of(1500, 1500, 1500), pageSizes);
    assertEquals(4500, seen.size());

    // The same 4,500 rows with a long text area selected: the server returns short pages.
    int pages = 0;
    int rows = 0;
    page = http.query("SELECT Id, Notes__c FROM Account");
    while (true) {
      JsonNode body = page.json();
      int size = body.get("records").size();
      pages++;
      rows += size;
      if (body.get("done").asBoolean()) {
        break;
      }
      assertEquals(200, size, "2000 asked, 200 served, and paging goes on");
      page = http.send("GET", body.get("nextRecordsUrl").asText(), "", Map.of());
    }
    assertEquals(4500, rows);
    assertEquals(23, pages);
    assertEquals(3 + 23, sf.usage().counted(ResourceKind.QUERY), "every page is one call");
  }

  @Test
  void longTextAreasCapPagesAt200AndOnlyDoneEndsPaging() {
    createAccounts(450);
    SfHttp.Response page = http.query("SELECT Id, Notes__c FROM Account");
    List<Integer> pageSizes = new ArrayList<>();
    int total = 0;
    while (true) {
      JsonNode body = page.json();
      pageSizes.add(body.get("records").size());
      total += body.get("records").size();
      if (body.get("done").asBoolean()) {
        break;
      }
      page = http.send("GET", body.get("nextRecordsUrl").asText(), "", Map.of());
    }
    assertEquals(List.of(200, 200, 50), pageSizes, "a short page (200 of 2000 asked) is not the last page");
    assertEquals(450, total);
  }

  @Test
  void shortQueryPagesAreSeededAndStillComplete() {
    sf.close();
    sf = SalesforceSandbox.builder().seed(SEED).clock(clock).shortQueryPages(true).deployMetadata(metadata()).build().start();
    http = SfHttp.login(sf);
    createAccounts(2500);
    SfHttp.Response page = http.query("SELECT Id FROM Account");
    int total = 0;
    int pages = 0;
    while (true) {
      JsonNode body = page.json();
      total += body.get("records").size();
      pages++;
      if (body.get("done").asBoolean()) {
        break;
      }
      assertTrue(body.get("records").size() < 2000 || pages > 0);
      page = http.send("GET", body.get("nextRecordsUrl").asText(), "", Map.of());
    }
    assertEquals(2500, total);
    assertTrue(pages >= 2);
  }

  @Test
  void resultsAreASnapshotAndLocatorsExpire() {
    createAccounts(450);
    SfHttp.Response first = http.get("/query?q=" + SfHttp.encode("SELECT Id, Name FROM Account"), Map.of("Sforce-Query-Options", "batchSize=200"));
    assertEquals(200, first.json().get("records").size());
    String next = first.json().get("nextRecordsUrl").asText();
    sf.data().insert("Account", Map.of("Name", "late arrival"));
    int rest = 0;
    SfHttp.Response page = http.send("GET", next, "", Map.of("Sforce-Query-Options", "batchSize=200"));
    while (true) {
      rest += page.json().get("records").size();
      assertEquals(450, page.json().get("totalSize").asInt(), "the late insert is not in the snapshot");
      if (page.json().get("done").asBoolean()) {
        break;
      }
      page = http.send("GET", page.json().get("nextRecordsUrl").asText(), "", Map.of());
    }
    assertEquals(250, rest);
    assertEquals(200, http.send("GET", next, "", Map.of()).status(), "a page can be fetched again while the cursor lives");

    clock.advance(Duration.ofDays(2).plusMinutes(1));
    SfHttp.Response expired = http.send("GET", next, "", Map.of());
    assertEquals(400, expired.status());
    assertEquals("INVALID_QUERY_LOCATOR", expired.errorCode());
    assertEquals("INVALID_QUERY_LOCATOR", http.send("GET", http.data("/query/01gAAAAAAAAAAAAAAA-200"), "", Map.of()).errorCode());
  }

  @Test
  void queryAllLocatorContinuesTheQueryAll() {
    createAccounts(300);
    List<String> firstIds = new ArrayList<>();
    http.query("SELECT Id FROM Account LIMIT 250").json().get("records").forEach(r -> firstIds.add(r.get("Id").asText()));
    for (String id : firstIds) {
      sf.data().delete(id);
    }
    SfHttp.Response page = http.get("/queryAll?q=" + SfHttp.encode("SELECT Id, IsDeleted FROM Account"),
        Map.of("Sforce-Query-Options", "batchSize=200"));
    assertEquals(300, page.json().get("totalSize").asInt());
    String next = page.json().get("nextRecordsUrl").asText();
    assertTrue(next.contains("/query/"), "queryAll's nextRecordsUrl points at /query/");
    JsonNode second = http.send("GET", next, "", Map.of()).json();
    assertEquals(100, second.get("records").size());
    assertTrue(second.get("done").asBoolean());
  }
}
