package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** getUpdated and getDeleted (reference §9). */
class ReplicationTest extends SandboxFixture {

  private SfHttp.Response updated(String start, String end) {
    return http.get("/sobjects/Account/updated/?start=" + SfHttp.encode(start) + "&end=" + SfHttp.encode(end));
  }

  private SfHttp.Response deleted(String start, String end) {
    return http.get("/sobjects/Account/deleted/?start=" + SfHttp.encode(start) + "&end=" + SfHttp.encode(end));
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.isObject() ? n.get("id").asText() : n.asText()));
    return ids;
  }

  @Test
  void getUpdatedUsesMinuteWindowsAndLatestDateCovered() {
    clock.set(Instant.parse("2026-03-02T12:30:15Z"));
    String early = sf.data().insert("Account", Map.of("Name", "early"));
    clock.set(Instant.parse("2026-03-02T12:34:50Z"));
    String late = sf.data().insert("Account", Map.of("Name", "late"));
    clock.set(Instant.parse("2026-03-02T12:40:30Z"));

    SfHttp.Response response = updated("2026-03-02T12:30:59Z", "2026-03-02T12:34:59+00:00");
    assertEquals(200, response.status(), response.body());
    assertEquals(List.of(early), ids(response.json().get("ids")), "seconds are truncated: 12:30:00 to 12:34:00");
    assertEquals("2026-03-02T12:34:00.000+0000", response.json().get("latestDateCovered").asText());

    SfHttp.Response both = updated("2026-03-02T12:30:00Z", "2026-03-02T12:35:00Z");
    assertEquals(List.of(early, late), ids(both.json().get("ids")));

    SfHttp.Response future = updated("2026-03-02T12:38:00Z", "2026-03-02T13:00:00Z");
    assertEquals("2026-03-02T12:40:00.000+0000", future.json().get("latestDateCovered").asText(),
        "latestDateCovered never passes the present");

    SfHttp.Response tooShort = updated("2026-03-02T12:30:10Z", "2026-03-02T12:31:50Z");
    assertEquals(400, tooShort.status(), "12:30 to 12:31 is not more than one minute");
    assertEquals("INVALID_REPLICATION_DATE", tooShort.errorCode());
    assertEquals("INVALID_REPLICATION_DATE", updated("2026-01-15T00:00:00Z", "2026-03-02T12:00:00Z").errorCode(), "30-day look-back");
    assertEquals("INVALID_REPLICATION_DATE", updated("nonsense", "2026-03-02T12:00:00Z").errorCode());
  }

  @Test
  void getDeletedReportsTheDeleteLogUntilItIsPurged() {
    String a = sf.data().insert("Account", Map.of("Name", "a"));
    String b = sf.data().insert("Account", Map.of("Name", "b"));
    clock.advance(Duration.ofMinutes(10));
    sf.data().delete(a);
    clock.advance(Duration.ofMinutes(10));
    SfHttp.Response deletedViaApi = http.delete("/sobjects/Account/" + b);
    assertEquals(204, deletedViaApi.status());
    clock.advance(Duration.ofMinutes(10));

    SfHttp.Response response = deleted("2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z");
    assertEquals(200, response.status(), response.body());
    JsonNode records = response.json().get("deletedRecords");
    assertEquals(List.of(a, b), ids(records));
    assertEquals("2026-03-02T09:10:00.000+0000", records.get(0).get("deletedDate").asText());
    assertEquals("2026-03-02T09:00:00.000+0000", response.json().get("earliestDateAvailable").asText());
    assertEquals("2026-03-02T09:30:00.000+0000", response.json().get("latestDateCovered").asText());

    sf.data().undelete(a);
    assertEquals(List.of(b), ids(deleted("2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z").json().get("deletedRecords")),
        "an undeleted record leaves the delete log");

    sf.data().purgeDeleteLog(Instant.parse("2026-03-02T09:25:00Z"));
    SfHttp.Response purged = deleted("2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z");
    assertEquals(400, purged.status());
    assertEquals("INVALID_REPLICATION_DATE", purged.errorCode());
    assertTrue(purged.message().contains("full resync"));
    SfHttp.Response after = deleted("2026-03-02T09:25:00Z", "2026-03-02T09:30:00Z");
    assertEquals(200, after.status());
    assertEquals("2026-03-02T09:25:00.000+0000", after.json().get("earliestDateAvailable").asText());

    clock.advance(Duration.ofDays(16));
    assertEquals("INVALID_REPLICATION_DATE", deleted("2026-03-02T09:25:00Z", "2026-03-02T09:30:00Z").errorCode(), "15-day look-back");
  }
}
