package io.github.tandemsync.examples.spring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.examples.demo.SandboxSystems;
import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring Boot application wires Tandem from its properties and syncs the two sandboxes. */
class TandemApplicationTest {

  @Test
  void theApplicationContextRunsTheIntegration(@TempDir Path dir) {
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC())) {
      Map<String, Object> p = new HashMap<>();
      p.put("tandem.autostart", "false");
      p.put("tandem.state-file", dir.resolve("state.db").toString());
      p.put("tandem.integration.exchequer.jdbcUrl", systems.exchequer().readOnlyJdbcUrl());
      p.put("tandem.integration.exchequer.user", systems.exchequer().readOnlyUser());
      p.put("tandem.integration.exchequer.password", systems.exchequer().readOnlyPassword());
      p.put("tandem.integration.exchequer.company", "ZZZZ01");
      p.put("tandem.integration.exchequer.gateway", "bridge");
      p.put("tandem.integration.exchequer.bridgeUrl", systems.exchequer().bridgeUrl());
      p.put("tandem.integration.exchequer.bridgeApiKey", systems.exchequer().bridgeApiKey());
      p.put("tandem.integration.salesforce.loginUrl", systems.salesforce().baseUrl());
      p.put("tandem.integration.salesforce.auth", "client-credentials");
      p.put("tandem.integration.salesforce.clientId", "tandem-demo");
      p.put("tandem.integration.salesforce.clientSecret", "demo-secret-not-for-production");
      for (String off : new String[] {"quotes", "orders", "deliveries", "prices", "invoices", "creditNotes", "payments", "jobs", "stockLevels"}) {
        p.put("tandem.integration.flows." + off, "off");
      }
      // as command-line arguments: they take precedence over application.properties (default properties would not)
      String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
      try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TandemApplication.class)
          .web(WebApplicationType.NONE).run(args)) {
        ExchequerSalesforceIntegration tandem = context.getBean(ExchequerSalesforceIntegration.class);
        CycleReport cycle = tandem.runOnce();
        assertTrue(cycle.completed(), () -> cycle.runs().toString());
        assertTrue(systems.salesforce().data().list("Account").size() > 50, "accounts reached Salesforce");
        assertTrue(java.nio.file.Files.exists(dir.resolve("state.db")), "the state is where tandem.state-file says");
      }
    }
  }
}
