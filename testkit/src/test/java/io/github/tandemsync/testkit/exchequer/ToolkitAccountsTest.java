package io.github.tandemsync.testkit.exchequer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accounts through the Toolkit emulation: defaults, stamps, every validation code, locks. */
class ToolkitAccountsTest {
  /** 1 July 2026 12:00 UTC is 13:00 in London (BST): stamps are local workstation time. */
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-07-01T12:00:00Z"));
  private static ExchequerSandbox ex;
  private static ToolkitAccounts accounts;
  private static int sequence;

  @BeforeAll
  static void start() {
    ex = ExchequerSandbox.builder().demoCompany(false).clock(CLOCK).build().start();
    accounts = ex.toolkit().accounts();
  }

  @AfterAll
  static void stop() {
    ex.close();
  }

  private static Map<String, Object> customer(String code) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("acCode", code);
    account.put("acCustSupp", "C");
    account.put("acCompany", "Test Customer " + code + " Ltd");
    account.put("acAddress", List.of("1 Test Street", "", "Leeds", "West Yorkshire", ""));
    account.put("acPostCode", "LS1 1AA");
    return account;
  }

  private static String nextCode() {
    return String.format("TEST%02d", ++sequence);
  }

  private static ToolkitResult addWith(String property, Object value) {
    Map<String, Object> account = customer(nextCode());
    account.put(property, value);
    return accounts.add(account);
  }

  @Test
  void addStoresDefaultsAndStampsInLondonTime() {
    CLOCK.set(Instant.parse("2026-07-01T12:00:00Z"));
    ToolkitResult result = accounts.add(customer("ABAP01"));
    assertTrue(result.ok(), result::toString);
    assertTrue(result.created());
    Map<String, Object> stored = result.record();
    assertEquals("ABAP01", stored.get("acCode"));
    assertEquals("C", stored.get("acSubType"));
    assertEquals(1, stored.get("acCurrency"));
    assertEquals("S", stored.get("acVATCode"));
    assertEquals("GB", stored.get("acCountry"));
    assertEquals("20260701", stored.get("acLastUsed"));
    assertEquals("130000", stored.get("acTimeStamp"));
    assertEquals("TOOLKIT", stored.get("acLastOperator"));
    assertEquals(List.of("1 Test Street", "", "Leeds", "West Yorkshire", ""), stored.get("acAddress"));
    Map<String, Object> row = ex.query().account("abap01").orElseThrow();
    assertEquals("LS1 1AA", row.get("acPostCode"));
    assertEquals("Leeds", row.get("acAddressLine3"));
  }

  @Test
  void accountValidationCodes() {
    Map<String, Object> blank = customer("");
    assertEquals(30003, accounts.add(blank).result());
    Map<String, Object> noType = customer(nextCode());
    noType.remove("acCustSupp");
    assertEquals(30001, accounts.add(noType).result());
    assertEquals(30001, addWith("acCustSupp", "X").result());
    assertEquals(30005, addWith("acVATCode", "Q").result());
    assertEquals(30007, addWith("acCurrency", 31).result());
    assertEquals(30007, addWith("acCurrency", 0).result());
    assertEquals(30010, addWith("acLocation", "XYZ").result());
    assertEquals(30018, addWith("acCostCentre", "ZZZ").result());
    assertEquals(30031, addWith("acCostCentre", "OLD").result(), "inactive cost centre");
    assertEquals(30018, addWith("acDepartment", "ZZZ").result());
    assertEquals(30031, addWith("acDepartment", "MKT").result(), "inactive department");
    assertEquals(30020, addWith("acSubType", "X").result());
    ToolkitResult country = addWith("acCountry", "UK");
    assertEquals(30024, country.result(), "UK is not ISO 3166 (GB is)");
    assertEquals("acCountry", country.field().orElseThrow());
    assertEquals(30025, addWith("acDeliveryCountry", "XX").result());
    assertEquals(30009, addWith("acSalesGL", 41000).result(), "headings take no postings");
    assertEquals(30009, addWith("acSalesGL", 99999).result());
    ToolkitResult tooLong = addWith("acCompany", "X".repeat(46));
    assertEquals(-100, tooLong.result());
    assertEquals("acCompany", tooLong.field().orElseThrow());
    assertEquals(-100, addWith("acAddress", List.of("Y".repeat(31))).result());
    assertEquals(-102, addWith("acCurrenc", 1).result(), "unknown property");
    assertEquals(-102, addWith("acLastUsed", "20260101").result(), "read-only property");
    assertEquals(-102, addWith("acCurrency", "1").result(), "wrong JSON type");
    assertTrue(addWith("acCostCentre", "LDS").ok());
    assertTrue(addWith("acCountry", "IE").ok());
  }

  @Test
  void duplicateCodeIsBtrieveFive() {
    assertTrue(accounts.add(customer("DUPL01")).ok());
    ToolkitResult again = accounts.add(customer("dupl01"));
    assertEquals(5, again.result());
    assertEquals(1L, ((Number) ex.query().rows(
        "SELECT COUNT(*) AS n FROM [!ActiveSchema!].CUSTSUPP WHERE RTRIM(acCode) = 'DUPL01'").get(0).get("n")).longValue());
  }

  @Test
  void updateChangesOnlyTheGivenPropertiesAndRestampsAsTheUser() {
    String code = nextCode();
    CLOCK.set(Instant.parse("2026-07-01T12:00:00Z"));
    assertTrue(accounts.add(customer(code)).ok());
    CLOCK.advance(Duration.ofMinutes(90));
    ToolkitResult result = ex.toolkit().asUser("sarah").accounts().update(code,
        Map.of("acCreditLimit", 7500.0, "acPhone", "0113 496 0001"));
    assertTrue(result.ok(), result::toString);
    assertFalse(result.created());
    assertEquals(7500.0, (Double) result.record().get("acCreditLimit"), 1e-6);
    assertEquals("0113 496 0001", result.record().get("acPhone"));
    assertEquals("Leeds", ((List<?>) result.record().get("acAddress")).get(2));
    assertEquals("143000", result.record().get("acTimeStamp"));
    assertEquals("SARAH", result.record().get("acLastOperator"));
    assertTrue(accounts.setStatus(code, 2).ok());
    assertEquals(2, accounts.get(code).orElseThrow().get("acAccStatus"));
    assertEquals(BigDecimal.valueOf(100), BigDecimal.valueOf(
        (Double) accounts.setCreditLimit(code, BigDecimal.valueOf(100)).record().get("acCreditLimit")).stripTrailingZeros()
        .setScale(0));
    assertEquals(4, accounts.update("NOSUCH", Map.of("acPhone", "1")).result());
    assertEquals(-102, accounts.update(code, Map.of("acCode", "OTHER1")).result());
    assertEquals(30005, accounts.update(code, Map.of("acVATCode", "?")).result());
    assertEquals(-102, accounts.update(code, Map.of("acAccStatus", 4)).result());
  }

  @Test
  void anonymisedAccountsCannotBeEdited() throws SQLException {
    String code = nextCode();
    assertTrue(accounts.add(customer(code)).ok());
    try (Connection connection = ex.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE [ZZZZ01].CUSTSUPP SET acAnonymisationStatus = 1 WHERE acCode = '" + code + "'");
    }
    ToolkitResult result = accounts.update(code, Map.of("acPhone", "0113 496 0999"));
    assertEquals(30032, result.result());
    assertThrows(ToolkitRejectedException.class, result::orThrow);
  }

  @Test
  void lockedRecordsAndFilesRefuseWriters() {
    String code = nextCode();
    assertTrue(accounts.add(customer(code)).ok());
    try (UserLock lock = ex.toolkit().lockAccount(code, Duration.ofMinutes(5))) {
      assertTrue(lock.held());
      ToolkitResult locked = accounts.update(code, Map.of("acPhone", "1"));
      assertEquals(84, locked.result());
      assertTrue(locked.retryable());
      assertThrows(ToolkitBusyException.class, locked::orThrow);
      assertTrue(accounts.add(customer(nextCode())).ok(), "other records are free");
    }
    assertTrue(accounts.update(code, Map.of("acPhone", "2")).ok(), "released");
    UserLock file = ex.toolkit().lockFile("CUSTSUPP", Duration.ofMinutes(5));
    assertEquals(85, accounts.add(customer(nextCode())).result());
    assertEquals(85, accounts.update(code, Map.of("acPhone", "3")).result());
    file.release();
    assertFalse(file.held());
    assertTrue(accounts.update(code, Map.of("acPhone", "4")).ok());
  }

  @Test
  void lookupByAltCodeIgnoresTrailingBlanks() throws SQLException {
    Map<String, Object> account = customer(nextCode());
    account.put("acAltCode", "CRM-0001");
    assertTrue(accounts.add(account).ok());
    try (Connection connection = ex.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE [ZZZZ01].CUSTSUPP SET acAltCode = 'CRM-0001   ' WHERE acAltCode = 'CRM-0001'");
    }
    assertEquals(1, accounts.findByAltCode("CRM-0001").size());
    assertTrue(accounts.findByAltCode("CRM-0002").isEmpty());
  }

  @Test
  void suppliersAreAccountsOfTypeS() {
    Map<String, Object> supplier = new HashMap<>(customer(nextCode()));
    supplier.put("acCustSupp", "S");
    ToolkitResult result = accounts.add(supplier);
    assertTrue(result.ok());
    assertEquals("S", result.record().get("acCustSupp"));
    assertEquals("S", result.record().get("acSubType"));
  }
}
