package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Composite, Composite Graph and Composite Batch (reference §8). */
class CompositeTest extends SandboxFixture {

  private static ObjectNode sub(String method, String url, String referenceId, ObjectNode body) {
    ObjectNode node = SfHttp.object("method", method, "url", url, "referenceId", referenceId);
    if (body != null) {
      node.set("body", body);
    }
    return node;
  }

  @Test
  void referencesFlowBetweenSubrequestsAndTheCallCountsOnce() {
    ObjectNode request = SfHttp.object("allOrNone", true, "collateSubrequests", false);
    ArrayNode subs = request.putArray("compositeRequest");
    subs.add(sub("PATCH", "/services/data/v65.0/sobjects/Account/ERP_Id__c/C-ABAP01", "acct", SfHttp.object("Name", "Acme Ltd")));
    subs.add(sub("POST", "/services/data/v65.0/sobjects/Contact", "contact",
        SfHttp.object("LastName", "Smith", "AccountId", "@{acct.id}")));
    subs.add(sub("GET", "/services/data/v65.0/query?q=SELECT+Id,Account.ERP_Id__c+FROM+Contact+WHERE+Id='@{contact.id}'", "check", null));
    subs.add(sub("GET", "/services/data/v65.0/sobjects/Contact/@{check.records[0].Id}?fields=AccountId", "read", null));
    SfHttp.Response response = http.post("/composite", request);
    assertEquals(200, response.status(), response.body());
    JsonNode results = response.json().get("compositeResponse");
    assertEquals(201, results.get(0).get("httpStatusCode").asInt());
    assertTrue(results.get(0).get("body").get("created").asBoolean());
    assertEquals("acct", results.get(0).get("referenceId").asText());
    assertEquals(201, results.get(1).get("httpStatusCode").asInt());
    assertEquals("C-ABAP01", results.get(2).get("body").get("records").get(0).get("Account").get("ERP_Id__c").asText());
    assertEquals(results.get(0).get("body").get("id").asText(), results.get(3).get("body").get("AccountId").asText());
    assertEquals(1, sf.usage().total());
    assertEquals(1, sf.usage().counted(ResourceKind.COMPOSITE));
  }

  @Test
  void allOrNoneHaltsAndRollsBackEverything() {
    ObjectNode request = SfHttp.object("allOrNone", true);
    ArrayNode subs = request.putArray("compositeRequest");
    subs.add(sub("POST", "/services/data/v65.0/sobjects/Account", "acct", SfHttp.object("Name", "Acme")));
    subs.add(sub("POST", "/services/data/v65.0/sobjects/Contact", "bad", SfHttp.object("AccountId", "@{acct.id}")));
    subs.add(sub("POST", "/services/data/v65.0/sobjects/Contact", "after", SfHttp.object("LastName", "x", "AccountId", "@{acct.id}")));
    JsonNode results = http.post("/composite", request).json().get("compositeResponse");
    assertEquals(400, results.get(0).get("httpStatusCode").asInt());
    assertEquals("PROCESSING_HALTED", results.get(0).get("body").get(0).get("errorCode").asText());
    assertEquals("REQUIRED_FIELD_MISSING", results.get(1).get("body").get(0).get("errorCode").asText());
    assertEquals("PROCESSING_HALTED", results.get(2).get("body").get(0).get("errorCode").asText());
    assertEquals(0, sf.data().list("Account").size(), "rolled back");
  }

  @Test
  void withoutAllOrNoneOnlyDependentsFail() {
    ObjectNode request = SfHttp.object("allOrNone", false);
    ArrayNode subs = request.putArray("compositeRequest");
    subs.add(sub("POST", "/services/data/v65.0/sobjects/Account", "bad", SfHttp.object("Phone", "1")));
    subs.add(sub("POST", "/services/data/v65.0/sobjects/Contact", "dependent", SfHttp.object("LastName", "x", "AccountId", "@{bad.id}")));
    subs.add(sub("POST", "/services/data/v65.0/sobjects/Account", "independent", SfHttp.object("Name", "fine")));
    JsonNode results = http.post("/composite", request).json().get("compositeResponse");
    assertEquals("REQUIRED_FIELD_MISSING", results.get(0).get("body").get(0).get("errorCode").asText());
    assertEquals(400, results.get(1).get("httpStatusCode").asInt());
    assertEquals("PROCESSING_HALTED", results.get(1).get("body").get(0).get("errorCode").asText());
    assertEquals(201, results.get(2).get("httpStatusCode").asInt());
    assertEquals(1, sf.data().list("Account").size());
  }

  @Test
  void collateSubrequestsMayRunIndependentSubrequestsOutOfOrder() {
    int[] counts = new int[2];
    for (int round = 0; round < 2; round++) {
      boolean collate = round == 0;
      ObjectNode request = SfHttp.object("collateSubrequests", collate);
      ArrayNode subs = request.putArray("compositeRequest");
      subs.add(sub("POST", "/services/data/v65.0/sobjects/Account", "first", SfHttp.object("Name", "first " + round)));
      subs.add(sub("GET", "/services/data/v65.0/query?q=SELECT+COUNT()+FROM+Account+WHERE+Name+LIKE+'%25+" + round + "'", "count",
          null));
      subs.add(sub("POST", "/services/data/v65.0/sobjects/Account", "second", SfHttp.object("Name", "second " + round)));
      JsonNode results = http.post("/composite", request).json().get("compositeResponse");
      assertEquals("count", results.get(1).get("referenceId").asText(), "responses stay in request order");
      counts[round] = results.get(1).get("body").get("totalSize").asInt();
    }
    assertEquals(2, counts[0], "collated: both creates ran before the independent query");
    assertEquals(1, counts[1], "collateSubrequests=false: strictly in order");
  }

  @Test
  void limitsOnSubrequests() {
    ObjectNode request = SfHttp.object();
    ArrayNode subs = request.putArray("compositeRequest");
    for (int i = 0; i < 26; i++) {
      subs.add(sub("GET", "/services/data/v65.0/limits", "r" + i, null));
    }
    assertEquals(400, http.post("/composite", request).status());
    ObjectNode queries = SfHttp.object();
    ArrayNode six = queries.putArray("compositeRequest");
    for (int i = 0; i < 6; i++) {
      six.add(sub("GET", "/services/data/v65.0/query?q=SELECT+Id+FROM+Account", "q" + i, null));
    }
    SfHttp.Response tooManyQueries = http.post("/composite", queries);
    assertEquals(400, tooManyQueries.status());
    ObjectNode duplicate = SfHttp.object();
    duplicate.putArray("compositeRequest").add(sub("GET", "/services/data/v65.0/limits", "same", null))
        .add(sub("GET", "/services/data/v65.0/limits", "same", null));
    assertEquals(400, http.post("/composite", duplicate).status());
  }

  @Test
  void graphsAreEachAllOrNothing() {
    String account = sf.data().insert("Account", java.util.Map.of("Name", "Acme"));
    ObjectNode request = SfHttp.object();
    ArrayNode graphs = request.putArray("graphs");
    ObjectNode good = graphs.addObject();
    good.put("graphId", "good");
    ArrayNode goodNodes = good.putArray("compositeRequest");
    goodNodes.add(sub("POST", "/services/data/v65.0/sobjects/Invoice__c", "inv", SfHttp.object("Amount__c", 10, "Account__c", account)));
    goodNodes.add(sub("POST", "/services/data/v65.0/sobjects/Invoice_Line__c", "line",
        SfHttp.object("Invoice__c", "@{inv.id}", "Quantity__c", 2)));
    ObjectNode bad = graphs.addObject();
    bad.put("graphId", "bad");
    ArrayNode badNodes = bad.putArray("compositeRequest");
    badNodes.add(sub("POST", "/services/data/v65.0/sobjects/Invoice__c", "inv", SfHttp.object("Amount__c", 20)));
    badNodes.add(sub("POST", "/services/data/v65.0/sobjects/Invoice_Line__c", "line", SfHttp.object("Quantity__c", 2)));

    SfHttp.Response response = http.post("/composite/graph", request);
    assertEquals(200, response.status(), response.body());
    JsonNode results = response.json().get("graphs");
    assertTrue(results.get(0).get("isSuccessful").asBoolean());
    assertEquals(201, results.get(0).get("graphResponse").get("compositeResponse").get(1).get("httpStatusCode").asInt());
    assertFalse(results.get(1).get("isSuccessful").asBoolean());
    JsonNode badResponses = results.get(1).get("graphResponse").get("compositeResponse");
    assertEquals("PROCESSING_HALTED", badResponses.get(0).get("body").get(0).get("errorCode").asText());
    assertEquals("REQUIRED_FIELD_MISSING", badResponses.get(1).get("body").get(0).get("errorCode").asText());
    assertEquals(1, sf.data().list("Invoice__c").size(), "the failed graph left nothing behind");
    assertEquals(1, sf.usage().counted(ResourceKind.GRAPH));

    ObjectNode query = SfHttp.object();
    ObjectNode notAllowed = query.putArray("graphs").addObject();
    notAllowed.put("graphId", "q");
    notAllowed.putArray("compositeRequest").add(sub("GET", "/services/data/v65.0/query?q=SELECT+Id+FROM+Account", "q", null));
    assertEquals(400, http.post("/composite/graph", query).status(), "graph nodes are sObject operations only");
  }

  @Test
  void graphsAreLimitedTo500Nodes() {
    ObjectNode request = SfHttp.object();
    ArrayNode graphs = request.putArray("graphs");
    for (int g = 0; g < 3; g++) {
      ObjectNode graph = graphs.addObject();
      graph.put("graphId", "g" + g);
      ArrayNode nodes = graph.putArray("compositeRequest");
      for (int i = 0; i < 167; i++) {
        nodes.add(sub("POST", "/services/data/v65.0/sobjects/Account", "a" + i, SfHttp.object("Name", "n")));
      }
    }
    SfHttp.Response response = http.post("/composite/graph", request);
    assertEquals(400, response.status());
    assertEquals(0, sf.data().list("Account").size());
  }

  @Test
  void batchSubrequestsCountEach() {
    ObjectNode request = SfHttp.object("haltOnError", false);
    ArrayNode batch = request.putArray("batchRequests");
    batch.add(SfHttp.object("method", "GET", "url", "v65.0/limits"));
    batch.add(SfHttp.object("method", "POST", "url", "v65.0/sobjects/Account", "richInput", SfHttp.object("Name", "A")));
    batch.add(SfHttp.object("method", "POST", "url", "v65.0/sobjects/Account", "richInput", SfHttp.object("Phone", "1")));
    SfHttp.Response response = http.post("/composite/batch", request);
    assertEquals(200, response.status(), response.body());
    assertTrue(response.json().get("hasErrors").asBoolean());
    assertEquals(201, response.json().get("results").get(1).get("statusCode").asInt());
    assertEquals(400, response.json().get("results").get(2).get("statusCode").asInt());
    assertEquals(3, sf.usage().total());
  }
}
