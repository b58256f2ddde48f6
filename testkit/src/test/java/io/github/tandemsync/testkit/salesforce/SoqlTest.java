package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SOQL grammar and evaluator (reference §5) against a small fixed data set. */
class SoqlTest extends SandboxFixture {
  private final Map<String, String> ids = new HashMap<>();

  @BeforeEach
  void data() {
    SandboxData data = sf.data();
    ids.put("a1", data.insert("Account", Map.of("Name", "Acme Ltd", "ERP_Id__c", "C-ACME01", "AnnualRevenue", 1000, "Type", "Prospect",
        "Credit_Limit__c", new BigDecimal("5000.50"), "BillingCity", "London")));
    clock.advance(Duration.ofHours(1));
    ids.put("a2", data.insert("Account", Map.of("Name", "Beta O'Neil", "ERP_Id__c", "C-BETA01", "AnnualRevenue", 2000,
        "Type", "Customer - Direct")));
    clock.advance(Duration.ofHours(1));
    ids.put("a3", data.insert("Account", Map.of("Name", "gamma_50%", "Type", "Other", "BillingCity", "Leeds")));
    clock.advance(Duration.ofHours(1));
    ids.put("a4", data.insert("Account", Map.of("Name", "Back\\slash", "AnnualRevenue", 500)));
    ids.put("c1", data.insert("Contact", Map.of("LastName", "Smith", "AccountId", ids.get("a1"), "Email", "smith@acme.example")));
    ids.put("c2", data.insert("Contact", Map.of("LastName", "Jones")));
    ids.put("i1", data.insert("Invoice__c", Map.of("Account__c", ids.get("a1"), "Amount__c", 10, "Invoice_Date__c", "2026-01-15")));
    ids.put("i2", data.insert("Invoice__c", Map.of("Account__c", ids.get("a2"), "Amount__c", 20, "Invoice_Date__c", "2026-02-20")));
  }

  private List<String> idsOf(String soql) {
    SfHttp.Response response = http.query(soql);
    assertEquals(200, response.status(), soql + " -> " + response.body());
    List<String> names = new ArrayList<>();
    for (JsonNode record : response.json().get("records")) {
      String id = record.get("Id").asText();
      names.add(ids.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst().orElse(id));
    }
    return names;
  }

  @Test
  void queriesSelectTheDocumentedRows() {
    String[][] table = {
        {"SELECT Id FROM Account WHERE Name = 'acme ltd'", "a1"},
        {"SELECT Id FROM Account WHERE Name = 'Beta O\\'Neil'", "a2"},
        {"SELECT Id FROM Account WHERE Name = 'Back\\\\slash'", "a4"},
        {"SELECT Id FROM Account WHERE Name LIKE 'gamma\\_50\\%'", "a3"},
        {"SELECT Id FROM Account WHERE Name LIKE 'GAMMA_50%'", "a3"},
        {"SELECT Id FROM Account WHERE Name LIKE 'gamma\\_5'", ""},
        {"SELECT Id FROM Account WHERE Name LIKE '%a%' ORDER BY Name", "a1,a4,a2,a3"},
        {"SELECT Id FROM Account WHERE AnnualRevenue > 900 AND AnnualRevenue <= 2000 ORDER BY Name", "a1,a2"},
        {"SELECT Id FROM Account WHERE AnnualRevenue = null", "a3"},
        {"SELECT Id FROM Account WHERE AnnualRevenue != null ORDER BY Name", "a1,a4,a2"},
        {"SELECT Id FROM Account WHERE BillingCity != 'London' ORDER BY Name", "a4,a2,a3"},
        {"SELECT Id FROM Account WHERE BillingCity <> 'London' AND BillingCity != null", "a3"},
        {"SELECT Id FROM Account WHERE Type IN ('Prospect', 'other') ORDER BY Name", "a1,a3"},
        {"SELECT Id FROM Account WHERE Type NOT IN ('Prospect', 'Other') ORDER BY Name", "a4,a2"},
        {"SELECT Id FROM Account WHERE NOT Name = 'Acme Ltd' ORDER BY Name", "a4,a2,a3"},
        {"SELECT Id FROM Account WHERE (Name = 'Acme Ltd' OR Name = 'Beta O\\'Neil') AND AnnualRevenue > 1500", "a2"},
        {"SELECT Id FROM Account WHERE Name = 'Acme Ltd' OR (Name = 'Beta O\\'Neil' AND AnnualRevenue > 5000)", "a1"},
        {"SELECT Id FROM Account WHERE AnnualRevenue > 100 AND (NOT Name LIKE 'A%') ORDER BY Name", "a4,a2"},
        {"SELECT Id FROM Account WHERE CreatedDate > 2026-03-02T09:30:00Z ORDER BY CreatedDate", "a2,a3,a4"},
        {"SELECT Id FROM Account WHERE CreatedDate >= 2026-03-02T10:00:00.000Z ORDER BY CreatedDate", "a2,a3,a4"},
        {"SELECT Id FROM Account WHERE CreatedDate < 2026-03-02T11:00:00+01:00", "a1"},
        {"SELECT Id FROM Account WHERE CreatedDate = 2026-03-02T09:00:00Z", "a1"},
        {"SELECT Id FROM Account WHERE SystemModstamp > 2026-03-02T05:30:00-05:00 ORDER BY SystemModstamp", "a3,a4"},
        {"SELECT Id FROM Account WHERE CreatedDate = TODAY ORDER BY CreatedDate", "a1,a2,a3,a4"},
        {"SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS:3 AND CreatedDate < YESTERDAY", ""},
        {"SELECT Id FROM Account WHERE On_Stop__c = false ORDER BY Name LIMIT 2", "a1,a4"},
        {"SELECT Id FROM Account ORDER BY Name LIMIT 2 OFFSET 1", "a4,a2"},
        {"SELECT Id FROM Account ORDER BY AnnualRevenue DESC NULLS LAST", "a2,a1,a4,a3"},
        {"SELECT Id FROM Account ORDER BY AnnualRevenue", "a3,a4,a1,a2"},
        {"SELECT Id FROM Account ORDER BY BillingCity NULLS LAST, Name", "a3,a1,a4,a2"},
        {"SELECT Id FROM Account WHERE Id = '" + "A1_15" + "'", "a1"},
        {"SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact)", "a1"},
        {"SELECT Id FROM Account WHERE Id NOT IN (SELECT Account__c FROM Invoice__c) ORDER BY Name", "a4,a3"},
        {"SELECT a.Id FROM Account a WHERE a.Name = 'Acme Ltd'", "a1"},
        {"SELECT Id FROM Contact WHERE Account.ERP_Id__c = 'c-acme01'", "c1"},
        {"SELECT Id FROM Contact WHERE Account.Name = null", "c2"},
        {"SELECT Id FROM Invoice__c WHERE Account__r.ERP_Id__c = 'C-BETA01'", "i2"},
        {"SELECT Id FROM Invoice__c WHERE Invoice_Date__c >= 2026-02-01", "i2"},
        {"SELECT Id FROM Invoice__c WHERE Amount__c >= 10.5", "i2"},
        {"select id from account where name = 'ACME LTD'", "a1"},
        {"SELECT Id FROM Account WHERE SystemModstamp > 2026-03-02T10:00:00Z OR (SystemModstamp = 2026-03-02T10:00:00Z AND Id > '"
            + "A2_ID" + "') ORDER BY SystemModstamp, Id", "a3,a4"},
        {"SELECT Id FROM Account WHERE SystemModstamp > 2026-03-02T09:00:00Z OR (SystemModstamp = 2026-03-02T09:00:00Z AND Id > '"
            + "A1_ID" + "') ORDER BY SystemModstamp, Id LIMIT 2", "a2,a3"},
    };
    for (String[] row : table) {
      String soql = row[0].replace("A1_15", ids.get("a1").substring(0, 15)).replace("A1_ID", ids.get("a1"))
          .replace("A2_ID", ids.get("a2"));
      List<String> expected = row[1].isEmpty() ? List.of() : List.of(row[1].split(","));
      assertEquals(expected, idsOf(soql), soql);
    }
  }

  @Test
  void recordsHaveAttributesFormattedValuesAndNestedRelationships() {
    SfHttp.Response response = http.query("SELECT Id, Name, AnnualRevenue, Credit_Limit__c, CreatedDate, Account.Name, Account.ERP_Id__c "
        .replace(", Account.Name, Account.ERP_Id__c ", " ") + "FROM Account WHERE Id = '" + ids.get("a1") + "'");
    JsonNode record = response.json().get("records").get(0);
    assertEquals("Account", record.get("attributes").get("type").asText());
    assertEquals("/services/data/v65.0/sobjects/Account/" + ids.get("a1"), record.get("attributes").get("url").asText());
    assertEquals("2026-03-02T09:00:00.000+0000", record.get("CreatedDate").asText());
    assertEquals(new BigDecimal("1000.0"), record.get("AnnualRevenue").decimalValue());
    assertEquals("1000.0", record.get("AnnualRevenue").toString(), "numbers are doubles");
    assertEquals("5000.5", record.get("Credit_Limit__c").toString());

    SfHttp.Response contacts = http.query("SELECT Id, LastName, Account.Name, Account.ERP_Id__c FROM Contact ORDER BY LastName");
    JsonNode jones = contacts.json().get("records").get(0);
    JsonNode smith = contacts.json().get("records").get(1);
    assertTrue(jones.get("Account").isNull(), "a missing parent is null");
    assertEquals("Account", smith.get("Account").get("attributes").get("type").asText());
    assertEquals("Acme Ltd", smith.get("Account").get("Name").asText());
    assertEquals("C-ACME01", smith.get("Account").get("ERP_Id__c").asText());
    assertFalse(smith.has("AccountId"), "only selected fields are returned");
  }

  @Test
  void countAndChildSubqueries() {
    SfHttp.Response count = http.query("SELECT COUNT() FROM Account WHERE AnnualRevenue != null");
    assertEquals(3, count.json().get("totalSize").asInt());
    assertTrue(count.json().get("done").asBoolean());
    assertEquals(0, count.json().get("records").size());

    SfHttp.Response children = http.query("SELECT Name, (SELECT LastName, Email FROM Contacts ORDER BY LastName) FROM Account "
        + "WHERE Id IN ('" + ids.get("a1") + "', '" + ids.get("a2") + "') ORDER BY Name");
    JsonNode acme = children.json().get("records").get(0);
    assertEquals(1, acme.get("Contacts").get("totalSize").asInt());
    assertTrue(acme.get("Contacts").get("done").asBoolean());
    assertEquals("Smith", acme.get("Contacts").get("records").get(0).get("LastName").asText());
    assertTrue(children.json().get("records").get(1).get("Contacts").isNull(), "no children: null");

    SfHttp.Response customChildren = http.query("SELECT Name, (SELECT Amount__c FROM Invoices__r) FROM Account WHERE Id = '"
        + ids.get("a2") + "'");
    assertEquals(200, customChildren.status(), customChildren.body());
    assertEquals("20.0", customChildren.json().get("records").get(0).get("Invoices__r").get("records").get(0).get("Amount__c").toString());
  }

  @Test
  void syntaxAndSchemaErrorsUseSalesforceCodes() {
    assertError("SELECT Id FROM Account WHERE Name = 'x' AND Type = 'y' OR Type = 'z'", "MALFORMED_QUERY", "unexpected token: 'OR'");
    assertError("SELECT Id FROM Account WHERE Name != null AND NOT (AnnualRevenue > 0)", "MALFORMED_QUERY", "unexpected token: 'NOT'");
    assertError("SELECT Id FORM Account", "MALFORMED_QUERY", "ERROR at Row:1:Column:11");
    assertError("SELECT Id FROM Account WHERE Name = 'unterminated", "MALFORMED_QUERY", "");
    assertError("SELECT Id FROM Account WHERE Name = 'bad \\d escape'", "MALFORMED_QUERY", "\\d");
    assertError("SELECT MAX(AnnualRevenue) FROM Account", "MALFORMED_QUERY", "not supported");
    assertError("SELECT Id, Foo__c FROM Account", "INVALID_FIELD", "No such column 'Foo__c' on entity 'Account'");
    assertError("SELECT Id FROM Nope__c", "INVALID_TYPE", "sObject type 'Nope__c' is not supported");
    assertError("SELECT Id, Acount.Name FROM Contact", "INVALID_FIELD", "Didn't understand relationship 'Acount'");
    assertError("SELECT Id FROM Account WHERE AnnualRevenue = '1000'", "INVALID_FIELD", "must be of type double");
    assertError("SELECT Id FROM Account WHERE Name = 5", "INVALID_FIELD", "must be of type string");
    assertError("SELECT Id FROM Invoice__c WHERE Invoice_Date__c = 2026-01-15T00:00:00Z", "INVALID_FIELD", "must be of type date");
    assertError("SELECT Id FROM Account WHERE CreatedDate > 2026-01-15", "INVALID_FIELD", "must be of type dateTime");
    assertError("SELECT Id FROM Account WHERE Id = 'abc'", "INVALID_QUERY_FILTER_OPERATOR", "invalid ID field: abc");
    assertError("SELECT Id FROM Account WHERE Notes__c = 'x'", "INVALID_FIELD", "can not be filtered");
    assertError("SELECT Id FROM Account ORDER BY Name OFFSET 2001", "NUMBER_OUTSIDE_VALID_RANGE", "2000");
    assertError("SELECT Id, Name, name FROM Account", "MALFORMED_QUERY", "duplicate field selected");
    assertError("SELECT Id, (SELECT Id FROM Nothings) FROM Account", "INVALID_TYPE", "Nothings");
    assertError("SELECT Id FROM Account WHERE CreatedDate > 2026-03-02T09:30:00", "MALFORMED_QUERY", "");
  }

  @Test
  void anUnencodedPlusInADatetimeLiteralBreaksTheQuery() {
    String raw = "SELECT+Id+FROM+Account+WHERE+CreatedDate+%3E+2026-03-02T09:30:00+01:00";
    SfHttp.Response broken = http.send("GET", http.data("/query?q=" + raw), "", Map.of());
    assertEquals(400, broken.status());
    assertEquals("MALFORMED_QUERY", broken.errorCode());
    SfHttp.Response encoded = http.send("GET", http.data("/query?q=" + raw.replace(":00+01:00", ":00%2B01:00")), "", Map.of());
    assertEquals(200, encoded.status(), encoded.body());
  }

  @Test
  void hiddenFieldsBehaveAsFieldLevelSecurityDoes() {
    sf.hideField("Account", "Credit_Limit__c");
    assertError("SELECT Id, Credit_Limit__c FROM Account", "INVALID_FIELD", "Credit_Limit__c");
    JsonNode describe = http.get("/sobjects/Account/describe").json();
    for (JsonNode field : describe.get("fields")) {
      assertFalse(field.get("name").asText().equals("Credit_Limit__c"), "hidden from describe");
    }
    SfHttp.Response write = http.post("/sobjects/Account", SfHttp.object("Name", "X", "Credit_Limit__c", 5));
    assertEquals(400, write.status());
    assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", write.errorCode());
    assertEquals("Credit_Limit__c", write.json().get(0).get("fields").get(0).asText());
    assertFalse(http.get("/sobjects/Account/" + ids.get("a1")).json().has("Credit_Limit__c"));
    assertTrue(sf.data().find(ids.get("a1")).orElseThrow().get("Credit_Limit__c").isPresent(), "the UI still sees it");
    sf.showField("Account", "Credit_Limit__c");
    assertEquals(200, http.query("SELECT Credit_Limit__c FROM Account").status());
  }

  @Test
  void queryAllIncludesRecycleBinRows() {
    sf.data().delete(ids.get("a3"));
    assertEquals(List.of("a1", "a4", "a2"), idsOf("SELECT Id FROM Account ORDER BY Name"));
    SfHttp.Response all = http.queryAll("SELECT Id, IsDeleted FROM Account WHERE IsDeleted = true");
    assertEquals(1, all.json().get("totalSize").asInt());
    assertEquals(ids.get("a3"), all.json().get("records").get(0).get("Id").asText());
    assertTrue(all.json().get("records").get(0).get("IsDeleted").asBoolean());
    sf.data().emptyRecycleBin();
    assertEquals(0, http.queryAll("SELECT Id FROM Account WHERE IsDeleted = true").json().get("totalSize").asInt());
    LocalDate.parse("2026-01-01");
  }

  private void assertError(String soql, String code, String fragment) {
    SfHttp.Response response = http.query(soql);
    assertEquals(400, response.status(), soql + " -> " + response.body());
    assertEquals(code, response.errorCode(), soql + " -> " + response.body());
    assertTrue(response.message().contains(fragment), soql + " -> " + response.message());
  }
}
