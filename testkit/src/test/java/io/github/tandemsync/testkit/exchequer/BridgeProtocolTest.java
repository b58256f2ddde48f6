package io.github.tandemsync.testkit.exchequer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.testkit.exchequer.FaultPlan.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Protocol v1 (contract C) over plain java.net.http: envelope, status mapping, auth, idempotency, faults. */
class BridgeProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static ExchequerSandbox ex;
  private static String base;

  /** One exchange: HTTP status and parsed body. */
  private record Reply(int status, JsonNode body) {
    int result() {
      return body.get("result").asInt();
    }
  }

  @BeforeAll
  static void start() {
    Sandboxes.WRITABLE_CLOCK.set(Sandboxes.NOW);
    ex = Sandboxes.sharedWritable().startBridge();
    base = ex.bridgeUrl() + "/v1/companies/" + ex.companyCode();
  }


  @AfterEach
  void noFaults() {
    ex.bridgeFaults();
  }

  private static Reply call(String method, String url, Object body) throws IOException, InterruptedException {
    return call(method, url, body, "Bearer " + ex.bridgeApiKey());
  }

  private static Reply call(String method, String url, Object body, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    String text = body == null ? "" : body instanceof String ? (String) body : JSON.writeValueAsString(body);
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return new Reply(response.statusCode(), JSON.readTree(response.body()));
  }

  private static ObjectNode account(String code, String key) {
    ObjectNode body = JSON.createObjectNode();
    body.put("idempotencyKey", key);
    ObjectNode account = body.putObject("account");
    account.put("acCode", code);
    account.put("acCustSupp", "C");
    account.put("acCompany", "Bridge Customer " + code + " Ltd");
    account.putArray("acAddress").add("2 Bridge Street").add("").add("York").add("North Yorkshire").add("");
    account.put("acPostCode", "YO1 7HH");
    account.put("acEmailAddr", "accounts@bridge.example");
    account.put("acCurrency", 1);
    account.put("acCreditLimit", 5000);
    return body;
  }

  private static ObjectNode order(String account, String key, String stockCode) {
    ObjectNode body = JSON.createObjectNode();
    body.put("idempotencyKey", key);
    ObjectNode transaction = body.putObject("transaction");
    transaction.put("thDocType", "SOR");
    transaction.put("thAcCode", account);
    transaction.put("thTransDate", "20260316");
    transaction.put("thYourRef", "PO-1");
    ObjectNode line = transaction.putArray("lines").addObject();
    line.put("tlStockCode", stockCode);
    line.put("tlQty", 3);
    line.put("tlNetValue", 12.5);
    transaction.withArray("lines").addObject().put("tlDescr", "Please deliver before noon");
    return body;
  }

  @Test
  void healthAndAuthentication() throws Exception {
    Reply health = call("GET", ex.bridgeUrl() + "/v1/health", null);
    assertEquals(200, health.status());
    assertEquals(0, health.result());
    assertEquals("UP", health.body().get("status").asText());
    assertEquals("ZZZZ01", health.body().get("companies").get(0).asText());
    assertFalse(health.body().get("toolkitVersion").asText().isEmpty());
    assertEquals(401, call("GET", ex.bridgeUrl() + "/v1/health", null, null).status());
    assertEquals(401, call("GET", ex.bridgeUrl() + "/v1/health", null, "Bearer wrong").status());
    Reply denied = call("POST", base + "/accounts", account("AUTH01", "K-AUTH"), "Basic eDp5");
    assertEquals(401, denied.status());
    assertTrue(denied.body().has("message"));
    assertTrue(ex.toolkit().accounts().get("AUTH01").isEmpty(), "nothing applied without auth");
  }

  @Test
  void accountsAreCreatedOnceByIdempotencyKey() throws Exception {
    Sandboxes.WRITABLE_CLOCK.set(Sandboxes.NOW);
    Reply created = call("POST", base + "/accounts", account("BRID01", "CRM-ACC-1"));
    assertEquals(201, created.status(), created.body()::toString);
    assertEquals(0, created.result());
    assertEquals("BRID01", created.body().get("acCode").asText());
    assertTrue(created.body().get("created").asBoolean());
    JsonNode stored = created.body().get("account");
    assertEquals("CRM-ACC-1", stored.get("acAltCode").asText(), "the key is kept in acAltCode");
    assertEquals("20260316", stored.get("acLastUsed").asText());
    assertEquals("101500", stored.get("acTimeStamp").asText());
    assertEquals("York", stored.get("acAddress").get(2).asText());

    Reply repeat = call("POST", base + "/accounts", account("BRID01", "CRM-ACC-1"));
    assertEquals(200, repeat.status());
    assertFalse(repeat.body().get("created").asBoolean());
    assertEquals("BRID01", repeat.body().get("acCode").asText());

    Reply byAltCode = call("GET", base + "/accounts?altCode=CRM-ACC-1", null);
    assertEquals(200, byAltCode.status());
    assertEquals(1, byAltCode.body().get("accounts").size());
    assertEquals(0, call("GET", base + "/accounts?altCode=NOPE", null).body().get("accounts").size());

    Reply duplicate = call("POST", base + "/accounts", account("BRID01", "CRM-ACC-2"));
    assertEquals(409, duplicate.status());
    assertEquals(5, duplicate.result());

    Reply got = call("GET", base + "/accounts/BRID01", null);
    assertEquals(200, got.status());
    assertEquals("Bridge Customer BRID01 Ltd", got.body().get("account").get("acCompany").asText());
    Reply missing = call("GET", base + "/accounts/NOPE99", null);
    assertEquals(404, missing.status());
    assertEquals(4, missing.result());
  }

  @Test
  void validationAndRequestErrorsUseTheEnvelopeAndStatusMapping() throws Exception {
    ObjectNode badVat = account("BRID02", "CRM-ACC-3");
    ((ObjectNode) badVat.get("account")).put("acVATCode", "Q");
    Reply vat = call("POST", base + "/accounts", badVat);
    assertEquals(422, vat.status());
    assertEquals(30005, vat.result());
    assertEquals("acVATCode", vat.body().get("field").asText());
    assertFalse(vat.body().get("message").asText().isEmpty());

    ObjectNode tooLong = account("BRID02", "CRM-ACC-3");
    ((ObjectNode) tooLong.get("account")).put("acPostCode", "X".repeat(21));
    Reply length = call("POST", base + "/accounts", tooLong);
    assertEquals(422, length.status());
    assertEquals(-100, length.result());
    assertEquals("acPostCode", length.body().get("field").asText());

    ObjectNode noKey = account("BRID02", "x");
    noKey.remove("idempotencyKey");
    Reply missingKey = call("POST", base + "/accounts", noKey);
    assertEquals(400, missingKey.status());
    assertEquals(-101, missingKey.result());

    Reply malformed = call("POST", base + "/accounts", "{\"idempotencyKey\": ");
    assertEquals(400, malformed.status());
    assertEquals(-102, malformed.result());

    ObjectNode otherAlt = account("BRID02", "CRM-ACC-3");
    ((ObjectNode) otherAlt.get("account")).put("acAltCode", "SOMETHING-ELSE");
    assertEquals(-102, call("POST", base + "/accounts", otherAlt).result());

    assertEquals(400, call("GET", ex.bridgeUrl() + "/v1/nothing/here", null).status());
    Reply company = call("GET", ex.bridgeUrl() + "/v1/companies/XXXX01/accounts/ABC", null);
    assertEquals(32761, company.result());
    assertTrue(ex.toolkit().accounts().get("BRID02").isEmpty());
  }

  @Test
  void patchChangesAnAccount() throws Exception {
    assertEquals(201, call("POST", base + "/accounts", account("BRID03", "CRM-ACC-4")).status());
    ObjectNode change = JSON.createObjectNode();
    change.putObject("account").put("acPhone", "01904 496 0123").put("acCreditLimit", 7500);
    Reply patched = call("PATCH", base + "/accounts/BRID03", change);
    assertEquals(200, patched.status(), patched.body()::toString);
    assertEquals("01904 496 0123", patched.body().get("account").get("acPhone").asText());
    assertEquals(7500.0, patched.body().get("account").get("acCreditLimit").asDouble(), 1e-6);
    assertEquals(404, call("PATCH", base + "/accounts/NOPE99", change).status());
    ObjectNode badVat = JSON.createObjectNode();
    badVat.putObject("account").put("acVATCode", "?");
    assertEquals(30005, call("PATCH", base + "/accounts/BRID03", badVat).result());
    String anonymised = ex.query().rows("SELECT acCode FROM [!ActiveSchema!].CUSTSUPP WHERE acAnonymisationStatus <> 0")
        .get(0).get("acCode").toString();
    Reply refused = call("PATCH", base + "/accounts/" + anonymised, change);
    assertEquals(422, refused.status());
    assertEquals(30032, refused.result());
  }

  @Test
  void transactionsAreNumberedAtSaveAndCreatedOnceByKey() throws Exception {
    call("POST", base + "/accounts", account("BRID04", "CRM-ACC-5"));
    Reply created = call("POST", base + "/transactions", order("BRID04", "CRM-ORD-1", "LEVEL-600"));
    assertEquals(201, created.status(), created.body()::toString);
    String ourRef = created.body().get("thOurRef").asText();
    assertTrue(ourRef.matches("SOR\\d{6}"), ourRef);
    assertTrue(created.body().get("thFolioNum").asInt() > 0);
    JsonNode transaction = created.body().get("transaction");
    assertEquals("CRM-ORD-1", transaction.get("thLongYourRef").asText(), "the key is kept in thLongYourRef");
    assertEquals(2, transaction.get("lines").size());
    assertEquals(1, transaction.get("lines").get(0).get("tlABSLineNo").asInt());
    assertEquals(2, transaction.get("lines").get(1).get("tlLineNo").asInt());
    assertEquals(37.5, transaction.get("thNetValue").asDouble(), 1e-6);

    Reply repeat = call("POST", base + "/transactions", order("BRID04", "CRM-ORD-1", "LEVEL-600"));
    assertEquals(200, repeat.status());
    assertFalse(repeat.body().get("created").asBoolean());
    assertEquals(ourRef, repeat.body().get("thOurRef").asText());

    Reply one = call("GET", base + "/transactions/" + ourRef, null);
    assertEquals(200, one.status());
    assertEquals(ourRef, one.body().get("transactions").get(0).get("thOurRef").asText());
    Reply byKey = call("GET", base + "/transactions?docType=SOR&longYourRef=CRM-ORD-1", null);
    assertEquals(1, byKey.body().get("transactions").size());
    assertEquals(404, call("GET", base + "/transactions/SOR999998", null).status());

    Reply invalid = call("POST", base + "/transactions", order("BRID04", "CRM-ORD-2", "NO-SUCH-ITEM"));
    assertEquals(422, invalid.status());
    assertEquals(30106, invalid.result());
    assertEquals("tlStockCode", invalid.body().get("field").asText());
    assertEquals(1, invalid.body().get("line").asInt());
    assertEquals(30202, call("POST", base + "/transactions", order("NOPE99", "CRM-ORD-3", "LEVEL-600")).result());
    ObjectNode invoice = order("BRID04", "CRM-ORD-4", "LEVEL-600");
    ((ObjectNode) invoice.get("transaction")).put("thDocType", "SIN");
    assertEquals(30215, call("POST", base + "/transactions", invoice).result());
  }

  @Test
  void deliveryNotesNameTheirOrder() throws Exception {
    call("POST", base + "/accounts", account("BRID05", "CRM-ACC-6"));
    String sor = call("POST", base + "/transactions", order("BRID05", "CRM-ORD-5", "TAPE-3M")).body()
        .get("thOurRef").asText();
    ObjectNode delivery = JSON.createObjectNode();
    delivery.put("idempotencyKey", "CRM-DEL-5");
    ObjectNode transaction = delivery.putObject("transaction");
    transaction.put("thDocType", "SDN");
    transaction.put("thAcCode", "BRID05");
    transaction.put("thOrderRef", sor);
    transaction.putArray("lines").addObject().put("tlSOPABSLineNo", 1).put("tlQty", 2);
    Reply sdn = call("POST", base + "/transactions", delivery);
    assertEquals(201, sdn.status(), sdn.body()::toString);
    assertEquals(2.0, sdn.body().get("transaction").get("lines").get(0).get("tlQty").asDouble(), 1e-9);
    assertEquals(2.0, ((Number) ex.query().lines(sor).get(0).get("tlQtyDel")).doubleValue(), 1e-9);
    transaction.put("thOrderRef", "SOR999997");
    delivery.put("idempotencyKey", "CRM-DEL-6");
    assertEquals(404, call("POST", base + "/transactions", delivery).status());
  }

  @Test
  void quotationsConvertOnceByKey() throws Exception {
    call("POST", base + "/accounts", account("BRID06", "CRM-ACC-7"));
    ObjectNode quote = order("BRID06", "CRM-QUO-1", "LEVEL-600");
    ((ObjectNode) quote.get("transaction")).put("thDocType", "SQU");
    String squ = call("POST", base + "/transactions", quote).body().get("thOurRef").asText();
    ObjectNode convert = JSON.createObjectNode();
    convert.put("idempotencyKey", "CRM-ORD-7");
    convert.put("toDocType", "SOR");
    Reply converted = call("POST", base + "/transactions/" + squ + "/convert", convert);
    assertEquals(201, converted.status(), converted.body()::toString);
    String sor = converted.body().get("thOurRef").asText();
    assertTrue(sor.startsWith("SOR"));
    assertEquals("CRM-ORD-7", converted.body().get("transaction").get("thLongYourRef").asText());
    assertEquals("BRID06", converted.body().get("transaction").get("thAcCode").asText());
    Reply again = call("POST", base + "/transactions/" + squ + "/convert", convert);
    assertEquals(200, again.status());
    assertFalse(again.body().get("created").asBoolean());
    assertEquals(sor, again.body().get("thOurRef").asText());
    assertEquals(404, call("POST", base + "/transactions/SQU999996/convert", convert.put("idempotencyKey", "K9")).status());
    assertEquals(400, call("POST", base + "/transactions/" + squ + "/convert", convert.put("toDocType", "SIN")).status());
  }

  @Test
  void lockedBusyAndCounterFaultsAnswerWithoutApplying() throws Exception {
    ex.bridgeFaults(FaultPlan.script(Fault.RECORD_LOCKED, Fault.FILE_LOCKED, Fault.TOOLKIT_BUSY, Fault.COUNTER_ERROR));
    int[][] expected = {{423, 84}, {423, 85}, {503, 32762}, {503, 31001}};
    for (int[] pair : expected) {
      Reply reply = call("POST", base + "/accounts", account("FALT01", "CRM-FAULT-1"));
      assertEquals(pair[0], reply.status());
      assertEquals(pair[1], reply.result());
      assertTrue(ex.toolkit().accounts().get("FALT01").isEmpty(), "nothing applied");
    }
    assertEquals(200, call("GET", base + "/accounts?altCode=x", null).status(), "reads are not in the default scope");
    assertEquals(201, call("POST", base + "/accounts", account("FALT01", "CRM-FAULT-1")).status(), "script used up");
  }

  @Test
  void connectionResetsBeforeAndAfterApplying() throws Exception {
    ex.bridgeFaults(FaultPlan.script(Fault.RESET_BEFORE_APPLY));
    assertThrows(IOException.class, () -> call("POST", base + "/accounts", account("RSET01", "CRM-RESET-1")));
    assertTrue(ex.toolkit().accounts().get("RSET01").isEmpty(), "dropped before the Toolkit saw it");

    ex.bridgeFaults(FaultPlan.script(Fault.RESET_AFTER_APPLY));
    assertThrows(IOException.class, () -> call("POST", base + "/accounts", account("RSET01", "CRM-RESET-1")));
    assertTrue(ex.toolkit().accounts().get("RSET01").isPresent(), "applied, the reply was lost");
    Reply retry = call("POST", base + "/accounts", account("RSET01", "CRM-RESET-1"));
    assertEquals(200, retry.status(), "a retry with the same key finds it");
    assertFalse(retry.body().get("created").asBoolean());
  }

  @Test
  void seededFaultsAreReproducible() throws Exception {
    List<Integer> first = statuses(77);
    List<Integer> second = statuses(77);
    assertEquals(first, second);
    assertTrue(first.contains(423) && first.contains(503) && first.contains(200), first::toString);
    assertFalse(first.equals(statuses(78)), "another seed, other faults");
  }

  private List<Integer> statuses(long seed) throws Exception {
    ex.bridgeFaults(FaultPlan.builder().seed(seed).probability(Fault.RECORD_LOCKED, 0.3).probability(Fault.TOOLKIT_BUSY, 0.2)
        .latency(Duration.ZERO, Duration.ofMillis(3)).scope(FaultPlan.Scope.ALL).build());
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      int status = call("POST", base + "/accounts", account("SEED" + String.format("%02d", i), "CRM-SEED-" + i)).status();
      // 201 the first time a key succeeds, 200 when it is repeated: both are success.
      statuses.add(status / 100 == 2 ? 200 : status);
    }
    return statuses;
  }
}
