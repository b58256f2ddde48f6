package io.github.tandemsync.salesforce.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void parsesSalesforceOffsetWithoutColonAndOtherForms() {
    Instant expected = Instant.parse("2025-05-20T20:49:32Z");
    assertEquals(expected, SalesforceDateTimes.parse("2025-05-20T20:49:32.000+0000"));
    assertEquals(expected, SalesforceDateTimes.parse("2025-05-20T20:49:32.000Z"));
    assertEquals(expected, SalesforceDateTimes.parse("2025-05-20T20:49:32.000+00:00"));
    assertEquals(expected, SalesforceDateTimes.parse("2025-05-20T22:49:32.000+0200"));
    assertEquals(Instant.parse("2025-05-20T20:49:32.123Z"), SalesforceDateTimes.parse("2025-05-20T20:49:32.123+0000"));
    assertThrows(IllegalArgumentException.class, () -> SalesforceDateTimes.parse("20/05/2025"));
  }

  @Test
  void writesMillisecondsAndZEvenForWholeMinutes() {
    // OffsetDateTime.toString() would drop ":00.000" here, which Salesforce has rejected.
    assertEquals("2025-05-20T20:49:00.000Z", SalesforceDateTimes.format(Instant.parse("2025-05-20T20:49:00Z")));
    assertEquals("2025-05-20T20:49:32.120Z", SalesforceDateTimes.format(Instant.parse("2025-05-20T20:49:32.12Z")));
    assertEquals("2025-05-20", SalesforceDateTimes.formatDate(LocalDate.of(2025, 5, 20)));
    assertEquals(LocalDate.of(2025, 5, 20), SalesforceDateTimes.parseDate("2025-05-20T20:49:32.000+0000"));
  }

  @Test
  void soqlLiteralsAreUtcWithZAndNeedNoUrlEscapingOfPlus() {
    assertEquals("2025-05-20T20:49:32Z", Soql.literal(Instant.parse("2025-05-20T20:49:32Z")));
    assertEquals("2025-05-20T20:49:32.500Z", Soql.literal(Instant.parse("2025-05-20T20:49:32.5Z")));
    assertFalse(Soql.literal(Instant.parse("2025-05-20T20:49:32Z")).contains("+"));
  }

  @Test
  void escapesSoqlStrings() {
    assertEquals("'O\\'Brien'", Soql.quote("O'Brien"));
    assertEquals("'a\\\\b'", Soql.quote("a\\b"));
    assertEquals("'line1\\nline2\\r\\t'", Soql.quote("line1\nline2\r\t"));
    assertEquals("'say \\\"hi\\\"'", Soql.quote("say \"hi\""));
  }

  @Test
  void buildsTypedQueries() {
    String q = Soql.select("Id", "Name", "Account.ERP_Id__c").from("Contact")
        .where(Soql.field("Email").in(List.of("a@x.com", "o'b@x.com")).and(Soql.field("IsDeleted").eq(false)))
        .orderBy("SystemModstamp", "Id").limit(200).toSoql();
    assertEquals("SELECT Id, Name, Account.ERP_Id__c FROM Contact WHERE (Email IN ('a@x.com', 'o\\'b@x.com')) AND (IsDeleted = false)"
        + " ORDER BY SystemModstamp, Id LIMIT 200", q);
    assertEquals("SELECT Id FROM Account WHERE Id = null", Soql.select("Id").from("Account").where(Soql.field("Id").in(List.of())).toSoql());
    assertThrows(IllegalArgumentException.class, () -> Soql.select("Id; DELETE"));
    assertThrows(IllegalArgumentException.class, () -> Soql.field("Name = 'x' OR Id"));
  }

  @Test
  void parsesLimitInfoLeniently() {
    assertEquals(18, ApiMeter.parseLimitInfo("api-usage=18/15000").orElseThrow()[0]);
    assertEquals(15000, ApiMeter.parseLimitInfo("api-usage=18/15000").orElseThrow()[1]);
    long[] both = ApiMeter.parseLimitInfo("api-usage=25/15000; per-app-api-usage=17/250(appName=sample-app)").orElseThrow();
    assertEquals(25, both[0]);
    assertEquals(15000, both[1]);
    assertEquals(9, ApiMeter.parseLimitInfo("per-app-api-usage=1/2(appName=x), api-usage=9/10").orElseThrow()[0]);
    assertTrue(ApiMeter.parseLimitInfo("per-app-api-usage=17/250(appName=x)").isEmpty());
    assertTrue(ApiMeter.parseLimitInfo("garbage").isEmpty());
    assertTrue(ApiMeter.parseLimitInfo(null).isEmpty());
  }

  @Test
  void csvRoundTripsQuotesCommasAndNewlines() {
    String line = Csv.line(List.of("C-1", "Acme, Ltd", "say \"hi\"", "a\nb", ""));
    assertEquals("C-1,\"Acme, Ltd\",\"say \"\"hi\"\"\",\"a\nb\",\n", line);
    List<List<String>> rows = Csv.parse("sf__Id,sf__Created,ERP_Id__c\n" + "001A,true,C-1\r\n" + "001B,false,\"C-2,x\"\n");
    assertEquals(3, rows.size());
    assertEquals(List.of("001B", "false", "C-2,x"), rows.get(2));
    assertEquals(List.of(List.of("a", "b\nc", "")), Csv.parse("a,\"b\nc\",\n"));
  }

  @Test
  void positionsSerialiseAndOrder() {
    Position p = Position.INITIAL.withKey(Instant.parse("2025-01-01T00:00:00Z"), "001A").withDeletesUntil(Instant.parse("2025-01-02T00:00:00Z"));
    assertEquals(p, Position.parse(p.toWatermark()));
    assertTrue(Position.INITIAL.toWatermark().isInitial());
    Position later = p.withKey(Instant.parse("2025-01-01T00:00:00Z"), "001B");
    assertEquals(later.id(), p.max(later).id());
    assertEquals(later.id(), later.max(p).id());
    assertThrows(RuntimeException.class, () -> Position.parse(io.github.tandemsync.core.spi.Watermark.of("nope")));
  }
}
