package io.github.tandemsync.exchequer;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.Address;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.exchequer.gateway.ToolkitBridgeGateway;
import io.github.tandemsync.testkit.ConnectorContractKit;
import io.github.tandemsync.testkit.exchequer.ExchequerSandbox;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The connector compatibility kit, on accounts, through the Toolkit bridge simulator. */
class ExchequerAccountContractTest extends ConnectorContractKit<Account> {
  private static ExchequerSandbox sandbox;
  private static ExchequerConnector connector;

  @BeforeAll
  static void setUp() {
    sandbox = Fixtures.sandbox(61, false, Fixtures.clock());
    sandbox.startBridge();
    connector = ExchequerConnector.builder().dataSource(sandbox.readOnlyDataSource()).company(sandbox.companyCode())
        .gateway(ToolkitBridgeGateway.builder().baseUrl(URI.create(sandbox.bridgeUrl())).apiKey(sandbox.bridgeApiKey())
            .company(sandbox.companyCode()).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build())
        .clock(Fixtures.clock()).build();
    connector.start(Fixtures.context(Fixtures.clock()));
  }

  @AfterAll
  static void tearDown() {
    connector.close();
    sandbox.close();
  }

  @Override
  protected Connector connector() {
    return connector;
  }

  @Override
  protected EntityType<Account> entityType() {
    return EntityTypes.ACCOUNT;
  }

  /** Six-character codes from n: "K" and five base-36 digits. */
  private static String code(int n) {
    String digits = Integer.toString(n, 36).toUpperCase(java.util.Locale.ROOT);
    return "K" + "0".repeat(Math.max(0, 5 - digits.length())) + digits;
  }

  @Override
  protected Account newRecord(int n) {
    return Account.builder().code(code(n)).role(AccountRole.CUSTOMER).name("Contract Kit " + n)
        .phone("0113 496 " + (n % 10_000)).email("kit" + n + "@example.com").currency("GBP").vatCode("S")
        .priceBand("C").overallDiscount(new BigDecimal("2.50"))
        .billingAddress(Address.builder().line1(n + " Kit Street").town("Leeds").postcode("LS1 1AA").countryCode("GB").build())
        .build();
  }

  @Override
  protected Account changed(Account record) {
    return record.toBuilder().phone("0161 555 0199").build();
  }

  @Override
  protected Optional<Runnable> deleteInSystem(String nativeId) {
    // Exchequer has no account delete through the Toolkit; a DBA removing the row stands in for it.
    return Optional.of(() -> Fixtures.execute(sandbox.dataSource(), "DELETE FROM [" + sandbox.companyCode()
        + "].[CUSTSUPP] WHERE [acCode] = ?", nativeId));
  }

  @Override
  protected Optional<Account> invalidRecord() {
    return Optional.of(newRecord(7).toBuilder().code("BADVAT").vatCode("Q").build());
  }

  @Override
  protected Optional<String> naturalKeyField() {
    return Optional.of("code");
  }
}
