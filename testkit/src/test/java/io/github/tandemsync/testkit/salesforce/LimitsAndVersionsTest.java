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

/** Versions (§1), the limit header and exhaustion (§13.1), /limits, the Date header and call accounting. */
class LimitsAndVersionsTest extends SandboxFixture {

  @Test
  void everyRestResponseCarriesTheLimitHeaderAndExhaustionGives403() {
    sf.close();
    sf = SalesforceSandbox.builder().clock(clock).dailyApiLimit(5).sessionTimeout(Duration.ofDays(2)).build().start();
    http = SfHttp.login(sf);
    for (int call = 1; call <= 5; call++) {
      SfHttp.Response response = http.get("/sobjects/Account/describe");
      assertEquals(200, response.status());
      assertEquals("api-usage=" + call + "/5", response.header("Sforce-Limit-Info").orElseThrow());
    }
    SfHttp.Response refused = http.query("SELECT Id FROM Account");
    assertEquals(403, refused.status());
    assertEquals("REQUEST_LIMIT_EXCEEDED", refused.errorCode());
    assertEquals("TotalRequests Limit exceeded.", refused.message());
    assertEquals("api-usage=5/5", refused.header("Sforce-Limit-Info").orElseThrow(), "refused calls are not counted");

    clock.advance(Duration.ofHours(24).plusSeconds(1));
    SfHttp.Response nextDay = http.get("/limits/");
    assertEquals(200, nextDay.status(), "the allocation is a rolling 24 hours");
    assertEquals("api-usage=1/5", nextDay.header("Sforce-Limit-Info").orElseThrow());
    JsonNode daily = nextDay.json().get("DailyApiRequests");
    assertEquals(5, daily.get("Max").asInt());
    assertEquals(4, daily.get("Remaining").asInt(), "/limits counts as a call");
    assertTrue(nextDay.json().has("DailyBulkApiBatches"));
    assertTrue(nextDay.json().has("DailyBulkV2QueryJobs"));
    assertTrue(nextDay.json().has("DailyBulkV2QueryFileStorageMB"));
  }

  @Test
  void usageCountsPerKindAndLogsClientOption() {
    http.send("POST", http.data("/sobjects/Account"), "{\"Name\":\"A\"}",
        Map.of("Content-Type", "application/json", "Sforce-Call-Options", "client=tandem-123; defaultNamespace=ns"));
    http.query("SELECT Id FROM Account");
    http.get("/limits/");
    ApiUsage usage = sf.usage();
    assertEquals(3, usage.total());
    assertEquals(1, usage.counted(ResourceKind.SOBJECTS));
    assertEquals(1, usage.counted(ResourceKind.QUERY));
    assertEquals(1, usage.counted(ResourceKind.LIMITS));
    assertEquals(0, usage.counted(ResourceKind.AUTH));
    ApiCall create = usage.calls(c -> c.method().equals("POST") && c.kind() == ResourceKind.SOBJECTS).get(0);
    assertEquals("tandem-123", create.client().orElseThrow());
    assertTrue(create.counted());
    assertEquals(201, create.status());
    assertTrue(usage.calls(c -> c.kind() == ResourceKind.AUTH).stream().noneMatch(ApiCall::counted));
    sf.resetUsage();
    assertEquals(0, sf.usage().total());
    assertTrue(sf.usage().calls().isEmpty());
  }

  @Test
  void versionListIsPublicAndRetiredVersionsAnswer410() {
    SfHttp.Response versions = http.send("GET", "/services/data/", "", Map.of("Authorization", "Bearer none"));
    assertEquals(200, versions.status());
    JsonNode last = versions.json().get(versions.json().size() - 1);
    assertEquals("67.0", last.get("version").asText());
    assertEquals("/services/data/v67.0", last.get("url").asText());
    assertEquals("Summer '26", last.get("label").asText());
    boolean has62 = false;
    for (JsonNode version : versions.json()) {
      if (version.get("version").asText().equals("62.0")) {
        has62 = true;
        assertEquals("Winter '25", version.get("label").asText());
      }
      assertFalse(version.get("version").asText().equals("30.0"));
    }
    assertTrue(has62);
    assertEquals(0, sf.usage().total(), "the version list is not metered");

    http.version = "30.0";
    assertEquals(410, http.get("/sobjects/").status());
    http.version = "21.0";
    assertEquals(410, http.get("/limits/").status());
    http.version = "68.0";
    assertEquals(404, http.get("/limits/").status(), "the preview version is not served");
    http.version = "65.5";
    assertEquals(404, http.get("/limits/").status());
    for (String version : new String[] {"62.0", "63.0", "64.0", "65.0", "66.0", "67.0"}) {
      http.version = version;
      assertEquals(200, http.get("/sobjects/Account/describe").status(), version);
    }
    http.version = "35.0";
    SfHttp.Response old = http.get("/limits/");
    assertEquals(200, old.status());
    assertTrue(old.header("Warning").isPresent(), "versions nearing retirement carry a Warning header");
  }

  @Test
  void dateHeaderComesFromTheSandboxClock() {
    clock.advance(Duration.ofDays(400).plusMillis(789));
    SfHttp.Response response = http.get("/limits/");
    String expected = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertEquals(expected, response.header("Date").orElseThrow());
    SfHttp.Response unauthorised = http.send("GET", http.data("/limits/"), "", Map.of("Authorization", "Bearer x"));
    assertEquals(expected, unauthorised.header("Date").orElseThrow());
    assertEquals(expected, http.form("/services/oauth2/token", "grant_type=client_credentials&client_id=test-client&client_secret=test-secret")
        .header("Date").orElseThrow());
  }

  @Test
  void unknownResourcesAndMethodsAnswerLikeSalesforce() {
    SfHttp.Response unknown = http.get("/nothing/here");
    assertEquals(404, unknown.status());
    assertEquals("NOT_FOUND", unknown.errorCode());
    SfHttp.Response method = http.send("PUT", http.data("/sobjects/Account"), "{}", Map.of("Content-Type", "application/json"));
    assertEquals(405, method.status());
    assertEquals("METHOD_NOT_ALLOWED", method.errorCode());
    SfHttp.Response unknownType = http.get("/sobjects/Nope__c/describe");
    assertEquals(404, unknownType.status());
  }

  @Test
  void gzipIsUsedWhenAccepted() throws Exception {
    java.net.http.HttpResponse<byte[]> response = http.client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(sf.baseUrl() + http.data("/sobjects/Account/describe")))
        .header("Authorization", "Bearer " + http.token).header("Accept-Encoding", "gzip").build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElseThrow());
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
      JsonNode describe = SfHttp.JSON.readTree(in);
      assertEquals("Account", describe.get("name").asText());
    }
  }
}
