package io.github.tandemsync.examples.demo;

import io.github.tandemsync.exchequer.ExchequerConnector;
import io.github.tandemsync.exchequer.ExchequerOptions;
import io.github.tandemsync.exchequer.gateway.ToolkitBridgeGateway;
import io.github.tandemsync.salesforce.SalesforceAuth;
import io.github.tandemsync.salesforce.SalesforceConnector;
import io.github.tandemsync.salesforce.SalesforceMetadata;
import io.github.tandemsync.testkit.exchequer.ExchequerSandbox;
import io.github.tandemsync.testkit.salesforce.SalesforceSandbox;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The two systems of the demo, running in this process: an Exchequer SQL-edition sandbox with its
 * Toolkit bridge, and a Salesforce sandbox with Tandem's metadata deployed. Both keep their data
 * under a directory when one is given, so a second run continues where the first stopped.
 */
public final class SandboxSystems implements AutoCloseable {
  static final String COMPANY = "ZZZZ01";
  static final String CLIENT_ID = "tandem-demo";
  static final String CLIENT_SECRET = "demo-secret-not-for-production";
  static final String INTEGRATION_USER = "integration@tandem-demo.example";

  private final ExchequerSandbox exchequer;
  private final SalesforceSandbox salesforce;
  private final boolean fresh;
  private final boolean persistent;

  private SandboxSystems(ExchequerSandbox exchequer, SalesforceSandbox salesforce, boolean fresh, boolean persistent) {
    this.exchequer = exchequer;
    this.salesforce = salesforce;
    this.fresh = fresh;
    this.persistent = persistent;
  }

  /**
   * Starts both sandboxes.
   *
   * @param directory where they keep their data; empty for memory only
   * @param clock the clock both systems stamp changes with
   */
  public static SandboxSystems start(Optional<Path> directory, Clock clock) {
    return start(directory, clock, new Path[0]);
  }

  /**
   * Starts both sandboxes, deploying bespoke Salesforce metadata (SFDX source folders) after
   * Tandem's own, as a partner adds custom fields to the org.
   */
  public static SandboxSystems start(Optional<Path> directory, Clock clock, Path... extraMetadata) {
    boolean fresh = directory.map(d -> !d.resolve("exchequer.mv.db").toFile().exists() || !d.resolve("salesforce.json").toFile().exists())
        .orElse(true);
    ExchequerSandbox exchequer = ExchequerSandbox.builder().companyCode(COMPANY).seed(7).clock(clock).demoCompany(true)
        .file(directory.map(d -> d.resolve("exchequer"))).build().start();
    exchequer.startBridge();
    // a multi-currency org, as a UK company selling in euros and dollars has: GBP corporate, EUR and USD active
    SalesforceSandbox.Builder sf = SalesforceSandbox.builder().seed(42).clock(clock).dailyApiLimit(15_000)
        .multiCurrency("GBP", Set.of("EUR", "USD"))
        .deployMetadata(SalesforceMetadata.sourceDirectory());
    for (Path metadata : extraMetadata) {
      sf.deployMetadata(metadata);
    }
    directory.ifPresent(d -> sf.persistTo(d.resolve("salesforce.json")));
    SalesforceSandbox salesforce;
    try {
      salesforce = sf.build().start();
    } catch (RuntimeException e) {
      exchequer.close(); // its database and bridge would otherwise outlive the failure
      throw e;
    }
    salesforce.registerClientCredentials(CLIENT_ID, CLIENT_SECRET, INTEGRATION_USER);
    return new SandboxSystems(exchequer, salesforce, fresh, directory.isPresent());
  }

  /** Whether the systems were created now (not continued from a directory). */
  public boolean fresh() {
    return fresh;
  }

  public ExchequerSandbox exchequer() {
    return exchequer;
  }

  public SalesforceSandbox salesforce() {
    return salesforce;
  }

  /** A connector builder onto the Exchequer sandbox: its read-only login and its Toolkit bridge. */
  public ExchequerConnector.Builder exchequerConnector() {
    return ExchequerConnector.builder()
        .dataSource(exchequer.readOnlyDataSource())
        .company(COMPANY)
        .options(ExchequerOptions.builder().masterScanInterval(Duration.ZERO).fullPassInterval(Duration.ofHours(6)).build())
        .gateway(ToolkitBridgeGateway.builder().baseUrl(URI.create(exchequer.bridgeUrl())).apiKey(exchequer.bridgeApiKey())
            .company(COMPANY).build());
  }

  /**
   * The integration between the two sandboxes, on an in-memory state store and the given clock, with
   * default settings: a builder, for tests to adjust.
   */
  public io.github.tandemsync.integration.ExchequerSalesforceIntegration.Builder integration(Clock clock) {
    return io.github.tandemsync.integration.ExchequerSalesforceIntegration.builder()
        .exchequer(exchequerConnector())
        .salesforce(salesforceConnector())
        .stateStore(io.github.tandemsync.engine.state.StateStores.inMemory())
        .clock(clock);
  }

  /** A connector builder onto the Salesforce sandbox, logging in with client credentials. */
  public SalesforceConnector.Builder salesforceConnector() {
    return SalesforceConnector.builder()
        .loginUrl(URI.create(salesforce.baseUrl()))
        .auth(SalesforceAuth.clientCredentials(CLIENT_ID, CLIENT_SECRET))
        .changeSafetyLag(Duration.ZERO);
  }

  /** Saves the Salesforce sandbox's org (the Exchequer database is a file already). */
  public void checkpoint() {
    if (persistent) {
      salesforce.checkpoint();
    }
  }

  @Override
  public void close() {
    salesforce.close();
    exchequer.close();
  }
}
