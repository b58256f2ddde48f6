package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.engine.Flow;
import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integration built from one plain properties file, against the two sandboxes. */
class ConfigurationFileTest {

  private static String config(SandboxSystems systems) {
    return String.join("\n",
        "# the read-only SQL login and the Toolkit bridge",
        "exchequer.jdbcUrl=" + systems.exchequer().readOnlyJdbcUrl(),
        "exchequer.user=" + systems.exchequer().readOnlyUser(),
        "exchequer.password=" + systems.exchequer().readOnlyPassword(),
        "exchequer.company=" + SandboxSystems.COMPANY,
        "exchequer.gateway=bridge",
        "exchequer.bridgeUrl=" + systems.exchequer().bridgeUrl(),
        "exchequer.bridgeApiKey=" + systems.exchequer().bridgeApiKey(),
        "salesforce.loginUrl=" + systems.salesforce().baseUrl(),
        "salesforce.auth=client-credentials",
        "salesforce.clientId=" + SandboxSystems.CLIENT_ID,
        "salesforce.clientSecret=" + SandboxSystems.CLIENT_SECRET,
        "salesforce.changeSafetyLag=PT0S",
        "stateStore=sqlite",
        "stateStore.file=state/tandem.db",
        "flows.jobs=off",
        "flows.quotes=off",
        "flows.orders=off",
        "flows.deliveries=off",
        "flows.prices=off",
        "ownership.accounts.phone=exchequer",
        "tandem.originTag=tandem-config-test",
        "tandem.runEvery=PT15M",
        "");
  }

  @Test
  void anIntegrationRunsFromAConfigurationFile(@TempDir Path dir) throws IOException {
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC())) {
      Path file = dir.resolve("tandem.properties");
      Files.writeString(file, config(systems));
      try (ExchequerSalesforceIntegration integration = ExchequerSalesforceIntegration.fromConfiguration(file)) {
        assertFalse(integration.engine().flows().stream().map(Flow::name).anyMatch(n -> n.equals("jobs") || n.equals("quotes")),
            "switched-off capabilities have no flow");
        CycleReport cycle = integration.runOnce();
        assertTrue(cycle.completed(), () -> cycle.runs().stream().filter(r -> r.status() != RunReport.Status.COMPLETED).toList().toString());
        assertTrue(cycle.writes() > 0);
        assertTrue(Files.exists(dir.resolve("state/tandem.db")), "the SQLite store is where the file said, relative to it");
        assertTrue(systems.salesforce().data().list("Account").size() > 50);
        assertTrue(systems.salesforce().data().list("ERP_Job__c").isEmpty(), "jobs were off");
      }
    }
  }

  @Test
  void aBadKeyIsNamed(@TempDir Path dir) throws IOException {
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC())) {
      for (String[] bad : new String[][] {
          {"flows.jobs=off", "flows.jobs=sometimes", "flows.jobs"},
          {"salesforce.auth=client-credentials", "salesforce.auth=magic", "salesforce.auth"},
          {"exchequer.gateway=bridge", "exchequer.gateway=carrier-pigeon", "gateway"},
          {"stateStore=sqlite", "stateStore=excel", "stateStore"},
          {"tandem.runEvery=PT15M", "tandem.runEvery=often", "tandem.runEvery"},
          {"exchequer.company=" + SandboxSystems.COMPANY + "\n", "exchequer.compnay=" + SandboxSystems.COMPANY + "\n", "compnay"}}) {
        Path file = dir.resolve("bad-" + bad[2] + ".properties");
        Files.writeString(file, config(systems).replace(bad[0], bad[1]));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ExchequerSalesforceIntegration.fromConfiguration(file).close(),
            bad[1]);
        assertTrue(e.getMessage().contains(bad[2]), bad[1] + " -> " + e.getMessage());
      }
    }
  }

  @Test
  void theDemoProgramRunsAgainstTheSystemsAConfigurationFileNames(@TempDir Path dir) throws IOException {
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC())) {
      Path file = dir.resolve("tandem.properties");
      Files.writeString(file, config(systems));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Demo.runConfigured(file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      String output = bytes.toString(StandardCharsets.UTF_8);
      assertTrue(output.contains("accounts  exchequer -> salesforce"), output);
      assertTrue(output.matches("(?s).*Salesforce API calls: [1-9][0-9,]* used by this run; the org's rolling 24-hour usage is .*"), output);
      assertTrue(systems.salesforce().data().list("Account").size() > 50, "the configured Salesforce received the accounts");
      assertTrue(Files.exists(dir.resolve("state/tandem.db")));
    }
  }

  @Test
  void theRealSystemsTemplateNamesOnlyKnownKeys(@TempDir Path dir) throws Exception {
    java.util.Properties template = new java.util.Properties();
    try (var in = Files.newInputStream(Path.of("config/real-systems.properties"))) {
      template.load(in);
    }
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    Files.writeString(dir.resolve(template.getProperty("salesforce.privateKeyFile")), pem);
    // every key is accepted and every value parses; nothing is contacted before build()
    ExchequerSalesforceIntegration.fromProperties(template, dir);
    io.github.tandemsync.integration.IntegrationSettings settings = io.github.tandemsync.integration.IntegrationSettings.fromProperties(template);
    assertEquals(io.github.tandemsync.integration.FlowDirection.OFF, settings.direction(io.github.tandemsync.integration.SyncCapability.JOBS));
    assertEquals("salesforce", settings.ownershipOverrides().get(io.github.tandemsync.integration.SyncCapability.ACCOUNTS).get("phone"));
    assertEquals(java.time.Duration.ofMinutes(5), settings.runEvery());
  }
}
