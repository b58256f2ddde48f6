package io.github.tandemsync.examples.demo;

import io.github.tandemsync.engine.Conflict;
import io.github.tandemsync.engine.DirectionCounts;
import io.github.tandemsync.engine.Flow;
import io.github.tandemsync.engine.QuarantinedRecord;
import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.engine.state.StateStores;
import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import io.github.tandemsync.integration.IntegrationSettings;
import io.github.tandemsync.salesforce.ApiUsage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The demo: a real sync between an Exchequer SQL-edition sandbox (with its Toolkit bridge) and a
 * Salesforce sandbox, on the embedded SQLite state store. It runs the initial sync, then what sales
 * and finance do in a day, then an incremental sync, and prints what happened.
 *
 * <p>Everything lives under {@code tandem-demo/} (or the directory given as the first argument):
 * run it again and it continues from there, with a new day's edits.
 */
public final class Demo {
  private Demo() {}

  /** The integration settings of the demo. */
  static IntegrationSettings settings() {
    return IntegrationSettings.builder()
        .originTag("tandem-demo")
        .build();
  }

  /**
   * Runs the demo on the sandboxes, or with {@code --config <file>} (or the system property
   * {@code tandem.config}, which Maven passes through: {@code -Dtandem.config=tandem.properties})
   * one cycle of the same integration against the systems the configuration file names — a real
   * Salesforce org (JWT) and a real Exchequer SQL edition with its Toolkit bridge.
   */
  public static void main(String[] args) {
    Optional<String> config = Optional.ofNullable(System.getProperty("tandem.config")).filter(c -> !c.isBlank());
    if (args.length >= 2 && args[0].equals("--config")) {
      config = Optional.of(args[1]);
    }
    try {
      if (config.isPresent()) {
        runConfigured(Path.of(config.get()).toAbsolutePath(), System.out);
      } else {
        runSandboxes(Path.of(args.length > 0 ? args[0] : "tandem-demo").toAbsolutePath(), System.out);
      }
    } catch (RuntimeException e) {
      System.err.println();
      System.err.println("The demo stopped: " + e.getMessage());
      System.err.println("(delete the demo directory to start over)");
      e.printStackTrace();
      System.exit(1); // a sandbox thread left running must not keep the JVM, and Maven, waiting
    }
  }

  /** One cycle against the systems of a configuration file (see {@link ExchequerSalesforceIntegration#fromConfiguration}). */
  static void runConfigured(Path file, PrintStream out) {
    Properties properties = new Properties();
    try (var in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    out.println();
    out.println("Tandem — Exchequer ⇄ Salesforce, systems from " + file);
    out.println();
    long started = System.nanoTime();
    try (ExchequerSalesforceIntegration integration = ExchequerSalesforceIntegration.fromProperties(properties, file.getParent())
        .listener(new ConsoleProgress(out)).build()) {
      CycleReport cycle = integration.runOnce();
      summary(out, integration, List.of(cycle), apiLine(integration.salesforceApiUsage()), System.nanoTime() - started);
    }
  }

  private static String apiLine(ApiUsage usage) {
    String org = usage.orgUsed().isPresent() && usage.orgLimit().isPresent()
        ? String.format(Locale.ROOT, "; the org's rolling 24-hour usage is %,d of %,d", usage.orgUsed().getAsLong(), usage.orgLimit().getAsLong())
        : "";
    return String.format(Locale.ROOT, "Salesforce API calls: %,d used by this run%s", usage.ownCallsTotal(), org);
  }

  static void runSandboxes(Path dir, PrintStream out) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    // continues after the last run's time: the systems' change stamps never go back
    Path clockFile = dir.resolve("demo-clock.txt");
    DemoClock clock = readInstant(clockFile).map(DemoClock::new).orElseGet(DemoClock::new);
    int run = nextRun(dir);
    out.println();
    out.println("Tandem demo — Exchequer ⇄ Salesforce, run " + run + ", state in " + dir);
    out.println();
    long started = System.nanoTime();
    try (SandboxSystems systems = SandboxSystems.start(Optional.of(dir), clock);
        ExchequerSalesforceIntegration integration = ExchequerSalesforceIntegration.builder()
            .exchequer(systems.exchequerConnector())
            .salesforce(systems.salesforceConnector())
            .settings(settings())
            .stateStore(StateStores.sqlite(dir.resolve("tandem-state.db")))
            .listener(new ConsoleProgress(out))
            .clock(clock)
            .nodeId("tandem-demo") // stable: a run after one cut short (Ctrl-C) takes its leases back at once
            .build()) {
      out.printf("Exchequer company %s: %d accounts, %d stock records, %d transactions%n", SandboxSystems.COMPANY,
          systems.exchequer().query().count("CUSTSUPP"), systems.exchequer().query().count("STOCK"),
          systems.exchequer().query().count("DOCUMENT"));
      out.printf("Salesforce sandbox at %s, Tandem's objects and fields deployed%n%n", systems.salesforce().baseUrl());
      DemoScript script = new DemoScript(systems, clock);
      List<CycleReport> cycles = new ArrayList<>();
      String firstName;
      String secondName;
      if (systems.fresh()) {
        out.println("Salesforce before Tandem: three accounts typed in by hand, two prospects with open opportunities");
        List<DemoScript.Step> seeded = script.seedSalesforce();
        firstName = seeded.get(3).fact("accountId");
        secondName = seeded.get(4).fact("opportunityId");
        out.println();
        out.println("== Initial sync");
      } else {
        out.println("== Catching up (run " + run + ": the systems and the sync state were kept from the last run)");
        firstName = script.newProspect("Calder Valley Joinery " + run).fact("accountId");
        secondName = script.newProspect("Ribble Precision " + run).fact("opportunityId");
      }
      clock.advance(Duration.ofSeconds(5));
      cycles.add(integration.runOnce());
      systems.checkpoint();

      out.println();
      out.println("== A day in the two systems");
      clock.advance(Duration.ofSeconds(5));
      List<DemoScript.Step> day = new ArrayList<>();
      String phoneCode = script.customerCode(5 + run);
      day.add(script.repEditsPhone(script.salesforceAccountOf(phoneCode).orElseThrow(), "0161 555 0" + (100 + run)));
      day.add(script.repConvertsProspect(firstName));
      day.add(script.financeChangesCreditLimit(script.customerCode(6 + run), new BigDecimal(10_000 + 500 * run).setScale(2)));
      day.add(script.financePutsOnStop(script.customerCode(7 + run)));
      day.add(script.quoteAccepted(secondName));
      DemoScript.Step invoiced = script.financeInvoicesAnOrder();
      day.add(invoiced);
      day.add(script.financePostsPayment(invoiced.fact("invoiceRef")));
      String bothCode = script.customerCode(8 + run);
      day.add(script.emailEditedOnBothSides(script.salesforceAccountOf(bothCode).orElseThrow(), bothCode,
          "buyer" + run + "@sales.example", "ap" + run + "@finance.example"));
      day.forEach(step -> out.printf("  %-8s %s%n", step.who(), step.what()));

      out.println();
      out.println("== Incremental sync, a little later");
      clock.advance(Duration.ofSeconds(5));
      cycles.add(integration.runOnce());
      systems.checkpoint();

      var usage = systems.salesforce().usage();
      writeInstant(clockFile, clock.instant());
      summary(out, integration, cycles, String.format(Locale.ROOT,
          "Salesforce API calls: %,d used by this run; the org's rolling 24-hour usage is %,d of %,d", usage.total(), usage.used(),
          usage.limit()), System.nanoTime() - started);
      out.println();
      out.println("Run the same command again: it continues from " + dir + " with a new day of edits.");
    }
  }

  private static void summary(PrintStream out, ExchequerSalesforceIntegration integration, List<CycleReport> cycles,
      String apiLine, long nanos) {
    out.println();
    out.println("== Summary");
    Map<String, DirectionCounts> totals = new LinkedHashMap<>();
    for (CycleReport c : cycles) {
      for (RunReport r : c.runs()) {
        r.directions().forEach((d, counts) -> totals.merge(r.flow() + "  " + d, counts, DirectionCounts::plus));
      }
    }
    out.printf(Locale.ROOT, "  %-46s %7s %8s %8s %8s %9s %12s%n", "flow  direction", "read", "created", "updated", "skipped", "conflicts",
        "quarantined");
    totals.forEach((k, c) -> {
      if (c.read() + c.writes() > 0) {
        out.printf(Locale.ROOT, "  %-46s %7d %8d %8d %8d %9d %12d%n", k, c.read(), c.created(), c.updated(), c.skipped(), c.conflicts(),
            c.failed());
      }
    });
    List<Conflict> conflicts = cycles.stream().flatMap(c -> c.conflicts().stream()).toList();
    out.println();
    out.println("  Conflicts (" + conflicts.size() + "):");
    conflicts.stream().limit(12).forEach(c -> out.println("    " + c.describe()));
    if (conflicts.size() > 12) {
      out.println("    … and " + (conflicts.size() - 12) + " more");
    }
    out.println();
    List<QuarantinedRecord> parked = new ArrayList<>();
    for (Flow<?> f : integration.engine().flows()) {
      parked.addAll(integration.engine().quarantine().list(f.name(), 0, 20));
    }
    out.println("  Quarantined records (" + parked.size() + "):");
    parked.stream().limit(12).forEach(q -> out.println("    " + q.flow() + " " + q.sourceConnector() + " " + q.sourceId() + ": " + q.error()));
    out.println();
    List<String> converted = cycles.stream().flatMap(c -> c.prospectsConverted().stream()).toList();
    List<String> won = cycles.stream().flatMap(c -> c.opportunitiesWon().stream()).toList();
    out.println("  Prospects made customers by an accepted quote: " + converted);
    out.println("  Opportunities set to Closed Won: " + won);
    out.println("  " + apiLine);
    Map<String, Long> byEntity = new java.util.TreeMap<>(integration.salesforceApiUsage().callsByEntity());
    byEntity.values().removeIf(n -> n == 0);
    if (!byEntity.isEmpty()) {
      out.println("    by entity: " + byEntity.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
          .collect(java.util.stream.Collectors.joining(", ")));
    }
    out.printf(Locale.ROOT, "  Took %.1f s%n", nanos / 1e9);
  }

  private static Optional<java.time.Instant> readInstant(Path file) {
    try {
      return Files.exists(file) ? Optional.of(java.time.Instant.parse(Files.readString(file, StandardCharsets.US_ASCII).strip()))
          : Optional.empty();
    } catch (IOException | java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void writeInstant(Path file, java.time.Instant instant) {
    try {
      Files.writeString(file, instant.toString(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static int nextRun(Path dir) {
    Path counter = dir.resolve("demo-runs.txt");
    try {
      int run = Files.exists(counter) ? Integer.parseInt(Files.readString(counter, StandardCharsets.US_ASCII).strip()) + 1 : 1;
      Files.writeString(counter, Integer.toString(run), StandardCharsets.US_ASCII);
      return run;
    } catch (IOException | NumberFormatException e) {
      return 1;
    }
  }
}
