package io.github.tandemsync.testkit.exchequer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.ConfigurationException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Empty companies, other company codes, file databases, the clock-driven period. */
class SandboxLifecycleTest {
  @Test
  void anEmptyCompanyHasItsSetupOnly() {
    try (ExchequerSandbox ex = ExchequerSandbox.builder().companyCode("ACME02").demoCompany(false)
        .clock(Sandboxes.CLOCK).build().start()) {
      assertEquals(0, ex.query().count("CUSTSUPP"));
      assertEquals(0, ex.query().count("DOCUMENT"));
      assertEquals(3, ex.query().count("Location"));
      assertTrue(ex.query().count("NOMINAL") > 20);
      assertEquals(31, ex.query().count("CURRENCY"));
      assertEquals(1, ex.query().nextDocumentNumber("SOR"));
      List<Map<String, Object>> sys = ex.query().rows("SELECT CYr, CPr FROM [ACME02].[EXCHQSS] WHERE IDCode = ?",
          (Object) new byte[] {3, 'S', 'Y', 'S'});
      assertEquals(126, sys.get(0).get("CYr"));
      assertEquals(3, sys.get(0).get("CPr"));
      ToolkitResult first = ex.toolkit().accounts().add(Map.of("acCode", "NEW001", "acCustSupp", "C"));
      assertTrue(first.ok());
      assertTrue(ex.toolkit().transactions().add(Map.of("thDocType", "SOR", "thAcCode", "NEW001",
          "lines", List.of(Map.of("tlDescr", "Consultancy", "tlQty", 1.0, "tlNetValue", 100.0)))).ourRef()
          .equals("SOR000001"));
    }
  }

  @Test
  void theCurrentPeriodFollowsTheClock() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-31T23:30:00Z"));
    try (ExchequerSandbox ex = ExchequerSandbox.builder().demoCompany(false).clock(clock).build().start()) {
      assertEquals(12, ex.query().rows("SELECT CPr FROM [ZZZZ01].EXCHQSS WHERE IDCode = ?",
          (Object) new byte[] {3, 'S', 'Y', 'S'}).get(0).get("CPr"));
      clock.set(Instant.parse("2027-01-01T00:30:00Z"));
      assertTrue(ex.toolkit().accounts().add(Map.of("acCode", "TICK01", "acCustSupp", "C")).ok());
      Map<String, Object> sys = ex.query().rows("SELECT CYr, CPr FROM [ZZZZ01].EXCHQSS WHERE IDCode = ?",
          (Object) new byte[] {3, 'S', 'Y', 'S'}).get(0);
      assertEquals(127, sys.get("CYr"));
      assertEquals(1, sys.get("CPr"));
      assertEquals("20270101", ex.query().account("TICK01").orElseThrow().get("acLastUsed"));
    }
  }

  @Test
  void aFileDatabaseIsReusedOnTheNextStart(@TempDir Path folder) {
    Path file = folder.resolve("exchequer");
    try (ExchequerSandbox ex = ExchequerSandbox.builder().demoCompany(false).file(Optional.of(file))
        .clock(Sandboxes.CLOCK).build().start()) {
      assertTrue(ex.toolkit().accounts().add(Map.of("acCode", "KEEP01", "acCustSupp", "C")).ok());
    }
    try (ExchequerSandbox again = ExchequerSandbox.builder().demoCompany(false).file(Optional.of(file))
        .clock(Sandboxes.CLOCK).build().start()) {
      assertTrue(again.query().account("KEEP01").isPresent());
      assertEquals(1, again.query().count("CUSTSUPP"));
      assertTrue(again.readOnlyJdbcUrl().startsWith("jdbc:h2:file:"));
      assertTrue(again.query().rows("SELECT TOP 1 acCode FROM [ZZZZ01].CUSTSUPP").size() == 1);
    }
    try (ExchequerSandbox second = ExchequerSandbox.builder().companyCode("ACME02").demoCompany(false)
        .file(Optional.of(file)).clock(Sandboxes.CLOCK).build().start()) {
      assertEquals(0, second.query().count("CUSTSUPP"), "a second company in the same file");
      assertEquals(2, second.query().rows("SELECT * FROM [common].[COMPANY]").size());
      assertTrue(second.toolkit().accounts().add(Map.of("acCode", "OTHER1", "acCustSupp", "C")).ok());
      try (java.sql.Connection connection = second.readOnlyDataSource().getConnection();
          java.sql.Statement statement = connection.createStatement();
          java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM [ZZZZ01].[CUSTSUPP]")) {
        assertTrue(rows.next());
        assertEquals(1, rows.getInt(1), "the read-only login reads both companies");
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void configurationIsCheckedEarly() {
    assertThrows(ConfigurationException.class, () -> ExchequerSandbox.builder().companyCode("toolong1"));
    assertThrows(ConfigurationException.class, () -> ExchequerSandbox.builder().companyCode("ab"));
    assertThrows(IllegalStateException.class, () -> ExchequerSandbox.builder().build().toolkit());
    assertThrows(ConfigurationException.class, () -> FaultPlan.builder().probability(FaultPlan.Fault.TOOLKIT_BUSY, 1.5));
    assertThrows(ConfigurationException.class, () -> FaultPlan.builder()
        .probability(FaultPlan.Fault.TOOLKIT_BUSY, 0.6).probability(FaultPlan.Fault.RECORD_LOCKED, 0.6));
  }
}
