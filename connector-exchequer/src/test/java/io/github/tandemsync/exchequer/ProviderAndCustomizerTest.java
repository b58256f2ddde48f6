package io.github.tandemsync.exchequer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountBalances;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.spi.Capability;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.ConnectorProvider;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.NativeRecord;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.testkit.exchequer.ExchequerSandbox;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building from settings (ServiceLoader), customizers on read, balances of touched accounts. */
class ProviderAndCustomizerTest {
  private static ExchequerSandbox sandbox;

  @BeforeAll
  static void setUp() {
    sandbox = Fixtures.sandbox(71, true, Fixtures.clock());
    sandbox.startBridge();
  }

  @AfterAll
  static void tearDown() {
    sandbox.close();
  }

  private static Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("jdbcUrl", sandbox.readOnlyJdbcUrl());
    settings.put("user", sandbox.readOnlyUser());
    settings.put("password", sandbox.readOnlyPassword());
    settings.put("company", sandbox.companyCode());
    return settings;
  }

  private static ConnectorProvider provider() {
    for (ConnectorProvider provider : ServiceLoader.load(ConnectorProvider.class, ProviderAndCustomizerTest.class
        .getClassLoader())) {
      if (provider.type().equals("exchequer")) {
        return provider;
      }
    }
    throw new AssertionError("the Exchequer provider is not registered in META-INF/services");
  }

  @Test
  void buildsFromSettingsWithTheBridge(@TempDir Path drop) {
    Map<String, String> settings = settings();
    settings.put("gateway", "bridge");
    settings.put("bridgeUrl", sandbox.bridgeUrl());
    settings.put("bridgeApiKey", sandbox.bridgeApiKey());
    settings.put("sellPriceBand", "b");
    settings.put("documentTypes", "SQU, SOR,SIN");
    settings.put("changeOverlap", "PT5M");
    settings.put("currency.2", "EUR");
    try (Connector connector = provider().create("erp", settings)) {
      connector.start(Fixtures.context(Fixtures.clock()));
      assertEquals("erp", connector.name());
      assertEquals(Health.Status.UP, connector.health().status(), connector.health().detail());
      assertTrue(connector.can(EntityTypes.QUOTE, Capability.Access.WRITE));
      assertFalse(connector.can(EntityTypes.DELIVERY, Capability.Access.READ), "SDN not among the document types");
      assertFalse(connector.can(EntityTypes.CREDIT_NOTE, Capability.Access.READ));
      assertFalse(connector.toString().contains(sandbox.readOnlyPassword()));
    }
    Map<String, String> importer = settings();
    importer.put("gateway", "importer");
    importer.put("dropFolder", drop.toString());
    try (Connector connector = provider().create("erp2", importer)) {
      assertTrue(connector.can(EntityTypes.ACCOUNT, Capability.Access.WRITE));
      assertFalse(connector.can(EntityTypes.CONTACT, Capability.Access.WRITE));
    }
  }

  @Test
  void refusesBadSettingsNamingTheKey() {
    Map<String, String> unknown = settings();
    unknown.put("sellPriceBnad", "A");
    assertTrue(assertThrows(ConfigurationException.class, () -> provider().create("x", unknown)).getMessage()
        .contains("sellPriceBnad"));
    Map<String, String> missing = settings();
    missing.remove("company");
    assertTrue(assertThrows(ConfigurationException.class, () -> provider().create("x", missing)).getMessage()
        .contains("company"));
    Map<String, String> band = settings();
    band.put("sellPriceBand", "Z");
    assertTrue(assertThrows(ConfigurationException.class, () -> provider().create("x", band)).getMessage()
        .contains("sellPriceBand"));
    Map<String, String> bridge = settings();
    bridge.put("gateway", "bridge");
    bridge.put("bridgeUrl", sandbox.bridgeUrl());
    assertTrue(assertThrows(ConfigurationException.class, () -> provider().create("x", bridge)).getMessage()
        .contains("bridgeApiKey"));
    Map<String, String> duration = settings();
    duration.put("fullPassInterval", "6 hours");
    assertTrue(assertThrows(ConfigurationException.class, () -> provider().create("x", duration)).getMessage()
        .contains("fullPassInterval"));
    Map<String, String> schema = settings();
    schema.put("company", "NOPE01");
    try (Connector connector = provider().create("x", schema)) {
      ConfigurationException wrong = assertThrows(ConfigurationException.class,
          () -> connector.start(Fixtures.context(Fixtures.clock())));
      assertTrue(wrong.getMessage().contains("NOPE01"), wrong.getMessage());
      assertFalse(wrong.getMessage().contains(sandbox.readOnlyPassword()));
    }
  }

  @Test
  void customizersSeeTheRowAndAddBespokeFields() {
    String code = sandbox.query().rows("SELECT TOP 1 acCode FROM [" + sandbox.companyCode() + "].[CUSTSUPP] "
        + "WHERE acCustSupp = 'C' ORDER BY acCode").get(0).get("acCode").toString().strip();
    Fixtures.execute(sandbox.dataSource(), "UPDATE [" + sandbox.companyCode() + "].[CUSTSUPP] SET [acUserDef1] = ? "
        + "WHERE [acCode] = ?", "North", code);
    MappingCustomizer<Account> region = new MappingCustomizer<>() {
      @Override
      public Account afterRead(NativeRecord source, Account mapped) {
        return source.text("acUserDef1").map(value -> mapped.toBuilder().extension("region", value).build()).orElse(mapped);
      }
    };
    MappingCustomizer<Account> failing = new MappingCustomizer<>() {
      @Override
      public Account afterRead(NativeRecord source, Account mapped) {
        if (mapped.code().orElse("").equals(code)) {
          throw new IllegalStateException("bespoke rule broke");
        }
        return mapped;
      }
    };
    try (ExchequerConnector connector = ExchequerConnector.builder().dataSource(sandbox.readOnlyDataSource())
        .company(sandbox.companyCode()).customize(EntityTypes.ACCOUNT, region).clock(Fixtures.clock()).build()) {
      Account account = connector.reader(EntityTypes.ACCOUNT).orElseThrow().fetch(List.of(code)).get(0).value().orElseThrow();
      assertEquals("North", account.extensions().get("region").raw());
    }
    try (ExchequerConnector connector = ExchequerConnector.builder().dataSource(sandbox.readOnlyDataSource())
        .company(sandbox.companyCode()).customize(EntityTypes.ACCOUNT, failing).clock(Fixtures.clock()).build()) {
      Change<Account> change = connector.reader(EntityTypes.ACCOUNT).orElseThrow().fetch(List.of(code)).get(0);
      assertEquals(Change.Kind.INVALID, change.kind(), "a failing customizer quarantines its record only");
      assertTrue(change.error().orElseThrow().message().contains("bespoke rule broke"));
    }
  }

  @Test
  void balancesOfAccountsWithNewDocumentsAreRecomputed() {
    try (ExchequerConnector connector = ExchequerConnector.builder().dataSource(sandbox.readOnlyDataSource())
        .company(sandbox.companyCode()).clock(Fixtures.clock()).build()) {
      connector.start(Fixtures.context(Fixtures.clock()));
      ChangeReader<AccountBalances> reader = connector.reader(EntityTypes.ACCOUNT_BALANCES).orElseThrow();
      List<Watermark> ends = new ArrayList<>();
      Map<String, AccountBalances> before = new HashMap<>();
      for (Change<AccountBalances> change : Fixtures.pass(reader, Watermark.initial(), 40, ends)) {
        before.put(change.nativeId(), change.value().orElseThrow());
      }
      String account = sandbox.query().rows("SELECT TOP 1 acCode FROM [" + sandbox.companyCode() + "].[CUSTSUPP] "
          + "WHERE acCustSupp = 'C' AND acCurrency = 1 AND acAccStatus = 0 ORDER BY acCode DESC").get(0).get("acCode")
          .toString().strip();
      String stock = sandbox.query().rows("SELECT TOP 1 stCode FROM [" + sandbox.companyCode() + "].[STOCK] "
          + "WHERE stType = 'P' ORDER BY stCode").get(0).get("stCode").toString().strip();
      sandbox.toolkit().posting().add(Map.of("thDocType", "SIN", "thAcCode", account, "thTransDate", "20260315",
          "lines", List.of(Map.of("tlStockCode", stock, "tlQty", 1, "tlNetValue", 100.0)))).orThrow();
      sandbox.toolkit().posting().postDaybook(LocalDate.of(2026, 3, 15));
      Map<String, AccountBalances> after = new HashMap<>();
      for (Change<AccountBalances> change : Fixtures.pass(reader, ends.get(0), 40, ends)) {
        after.put(change.nativeId(), change.value().orElseThrow());
      }
      assertTrue(after.containsKey(account), "the account with a new invoice is recomputed");
      assertTrue(after.size() < before.size(), "without a full pass (not due yet)");
      assertEquals(before.get(account).monthToDate().add(new BigDecimal("100.00")), after.get(account).monthToDate());
      assertEquals(sandbox.query().balance(account), after.get(account).balance());
    }
  }

  @Test
  void newAccountDefaultsFromSettingsFillWhatTheCrmLeftEmpty() {
    Map<String, String> settings = settings();
    settings.put("gateway", "bridge");
    settings.put("bridgeUrl", sandbox.bridgeUrl());
    settings.put("bridgeApiKey", sandbox.bridgeApiKey());
    settings.put("newAccount.acPayTerms", "30");            // a number in the file, an integer for the Toolkit
    settings.put("newAccount.acDefSettleDays", "14");       // the mapping would write 0 for the empty settlementDays
    settings.put("newAccount.acVATCode", "");               // no VAT-code default
    settings.put("newAccount.acCountry", "GB");             // only where the CRM gave no country
    try (Connector connector = provider().create("erp", settings)) {
      connector.start(Fixtures.context(Fixtures.clock()));
      var writer = connector.writer(EntityTypes.ACCOUNT).orElseThrow();
      Account noVat = Account.builder().code("DEFT02").role(io.github.tandemsync.core.model.AccountRole.CUSTOMER).name("No VAT Ltd").build();
      var refused = writer.write(List.of(io.github.tandemsync.core.spi.WriteRequest.create(noVat, "defaults-test-2"))).get(0);
      assertEquals(Optional.of("vatCode"), refused.error().orElseThrow().field(), "without the VAT default Exchequer refuses, naming the field");

      Account account = Account.builder().code("DEFT01").role(io.github.tandemsync.core.model.AccountRole.CUSTOMER).name("Defaults Test Ltd")
          .vatCode("S").billingAddress(io.github.tandemsync.core.model.Address.builder().line1("12 Rue de Rivoli").town("Paris")
              .postcode("75001").countryCode("FR").build()).build();
      var outcome = writer.write(List.of(io.github.tandemsync.core.spi.WriteRequest.create(account, "defaults-test-1"))).get(0);
      assertTrue(outcome.isSuccess(), outcome::toString);
      Map<String, Object> row = sandbox.query().account("DEFT01").orElseThrow();
      assertEquals(0, new BigDecimal(row.get("acPayTerms").toString().strip()).compareTo(new BigDecimal(30)), row::toString);
      assertEquals(0, new BigDecimal(row.get("acDefSettleDays").toString().strip()).compareTo(new BigDecimal(14)), row::toString);
      assertEquals(Optional.of(14), outcome.stored().orElseThrow().settlementDays(), "the stored value says what Exchequer holds");
      assertEquals("FR", row.get("acCountry").toString().strip(), "a country the CRM gave is not replaced by the default");
    }
  }

  @Test
  void aNewAccountDefaultAPropertyCannotHoldIsRefusedNamingTheKey() {
    Map<String, String> settings = settings();
    settings.put("newAccount.acPayTerms", "thirty");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> provider().create("erp", settings));
    assertTrue(e.getMessage().contains("newAccount.acPayTerms"), e.getMessage());
  }
}
