package io.github.tandemsync.testkit.exchequer;

import io.github.tandemsync.core.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Exchequer SQL-edition company in a box, for tests, demos and partners' own test suites.
 *
 * <p>It holds an embedded H2 database in SQL Server mode with Exchequer's layout (schema
 * {@code [ZZZZ01]} and {@code common}, the tables and encodings of the reference), a read-only
 * login for the connector, an emulation of the COM Toolkit that performs every write
 * ({@link #toolkit()}), and, on demand, a Toolkit bridge simulator over HTTP and an Importer
 * simulator watching a drop folder.
 *
 * <pre>{@code
 * try (ExchequerSandbox ex = ExchequerSandbox.builder().seed(7).clock(clock).build().start()) {
 *   DataSource readOnly = ex.readOnlyDataSource();          // what the connector reads with
 *   ex.startBridge();                                         // ex.bridgeUrl(), ex.bridgeApiKey()
 *   ex.toolkit().posting().invoiceOrder("SOR006301", today);  // a user posts an invoice
 * }
 * }</pre>
 *
 * <p>The same seed and clock always give the same demo company. The company's current year and
 * period follow the clock. Secrets (passwords, the API key) never appear in {@link #toString()}
 * or in log lines.
 */
public final class ExchequerSandbox implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExchequerSandbox.class);
  private static final String URL_OPTIONS = ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
  private static final String ADMIN_USER = "EXCHEQUER_ADMIN";
  private static final String READ_ONLY_USER = "EXCHEQUER_READONLY";
  private static final String COMPANY_NAME = "Tandem Demo Trading Ltd";

  private final String companyCode;
  private final long seed;
  private final Clock clock;
  private final ZoneId zone;
  private final boolean demoCompany;
  private final Optional<Path> file;
  private final String databaseUrl;
  private final String readOnlyPassword;
  private final String bridgeApiKey;

  private final Object lifecycle = new Object();
  private @Nullable Db db;
  private @Nullable ToolkitEngine engine;
  private @Nullable JdbcDataSource adminDataSource;
  private @Nullable JdbcDataSource readOnlyDataSource;
  private @Nullable BridgeServer bridge;
  private @Nullable ExchequerImporter importer;
  private boolean closed;

  private ExchequerSandbox(Builder builder) {
    this.companyCode = builder.companyCode;
    this.seed = builder.seed;
    this.clock = builder.clock;
    this.zone = builder.zone;
    this.demoCompany = builder.demoCompany;
    this.file = builder.file;
    this.databaseUrl = file.map(path -> "jdbc:h2:file:" + path.toAbsolutePath())
        .orElseGet(() -> "jdbc:h2:mem:exchequer-" + companyCode.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID())
        + URL_OPTIONS;
    this.readOnlyPassword = secret(16);
    this.bridgeApiKey = "tk_" + secret(24);
  }

  /**
   * Starts configuring a sandbox: company {@code ZZZZ01}, seed 1, the system UTC clock, zone
   * Europe/London, demo company on, in memory.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the database, the logins and (for a demo company) the demo data. A file database that
   * already holds the company is reused as it is. Calling it again has no effect.
   *
   * @return this sandbox, started
   */
  public ExchequerSandbox start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("This Exchequer sandbox is closed");
      }
      if (engine != null) {
        return this;
      }
      long began = System.nanoTime();
      String adminPassword = adminPassword();
      JdbcDataSource admin = dataSource(databaseUrl + ";QUERY_CACHE_SIZE=256" + (file.isPresent() ? "" : ";DB_CLOSE_DELAY=-1"), ADMIN_USER,
          adminPassword);
      Db database = new Db(admin, companyCode);
      boolean exists = database.read(connection -> !Db.query(connection,
          "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?", companyCode).isEmpty());
      ToolkitEngine toolkitEngine = new ToolkitEngine(database, companyCode, clock, zone);
      if (!exists) {
        database.inTransaction(connection -> {
          Db.runScript(connection, "common-schema.sql", Map.of());
          Db.runScript(connection, "company-schema.sql", Map.of("[!ActiveSchema!]", "[" + companyCode + "]"));
          CompanySetup.create(database, connection, companyCode, COMPANY_NAME, toolkitEngine.now().toLocalDate(),
              demoCompany);
          return null;
        });
        if (demoCompany) {
          new DemoCompany(toolkitEngine, seed).generate();
        }
      }
      database.inTransaction(connection -> {
        grantReadOnly(connection, exists);
        toolkitEngine.followClock(connection);
        return null;
      });
      this.adminDataSource = admin;
      this.readOnlyDataSource = dataSource(databaseUrl, READ_ONLY_USER, readOnlyPassword);
      this.db = database;
      this.engine = toolkitEngine;
      LOG.info("Exchequer sandbox {} started in {} ms (seed {}, demo company {}, {})", companyCode,
          (System.nanoTime() - began) / 1_000_000, seed, demoCompany, file.map(Path::toString).orElse("in memory"));
      return this;
    }
  }

  /**
   * The read-only login gets a fresh password on every start; SELECT on a company schema is granted
   * when the schema is created, so one file database may hold several companies.
   */
  private void grantReadOnly(Connection connection, boolean companyExisted) throws SQLException {
    boolean userExists = !Db.query(connection, "SELECT USER_NAME FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = ?",
        READ_ONLY_USER).isEmpty();
    try (Statement statement = connection.createStatement()) {
      if (userExists) {
        statement.execute("ALTER USER " + READ_ONLY_USER + " SET PASSWORD '" + readOnlyPassword + "'");
      } else {
        statement.execute("CREATE USER " + READ_ONLY_USER + " PASSWORD '" + readOnlyPassword + "'");
        statement.execute("GRANT SELECT ON SCHEMA [common] TO " + READ_ONLY_USER);
      }
      if (!companyExisted) {
        statement.execute("GRANT SELECT ON SCHEMA [" + companyCode + "] TO " + READ_ONLY_USER);
      }
    }
  }

  /** In-memory databases get a fresh admin secret; file databases keep theirs beside the file. */
  private String adminPassword() {
    if (file.isEmpty()) {
      return secret(16);
    }
    Path secretFile = Path.of(file.get().toAbsolutePath() + ".admin-secret");
    try {
      if (Files.exists(secretFile)) {
        return Files.readString(secretFile, StandardCharsets.US_ASCII).trim();
      }
      String password = secret(16);
      Files.createDirectories(secretFile.toAbsolutePath().getParent());
      Files.writeString(secretFile, password, StandardCharsets.US_ASCII);
      if (secretFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(secretFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      }
      return password;
    } catch (IOException e) {
      throw new ConfigurationException("Cannot keep the sandbox admin secret next to " + file.get(), e);
    }
  }

  private static JdbcDataSource dataSource(String url, String user, String password) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  private static String secret(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /**
   * The company code, which is also the SQL schema name.
   *
   * @return e.g. {@code ZZZZ01}
   */
  public String companyCode() {
    return companyCode;
  }

  /**
   * The seed the demo company was generated from.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The administrator's data source, for the sandbox itself and for test set-up. Connectors must
   * use {@link #readOnlyDataSource()}: Exchequer data is never written with SQL.
   *
   * @return the admin data source
   */
  public DataSource dataSource() {
    return started().adminDataSource();
  }

  /**
   * A data source logged in as the company's read-only login (SELECT on the company and
   * {@code common} schemas only), as a connector connects to the SQL edition.
   *
   * @return the read-only data source
   */
  public DataSource readOnlyDataSource() {
    started();
    return Objects.requireNonNull(readOnlyDataSource);
  }

  /**
   * The JDBC URL for the read-only login (H2 in SQL Server mode, identifiers case-insensitive).
   *
   * @return the URL, without credentials
   */
  public String readOnlyJdbcUrl() {
    return databaseUrl;
  }

  /**
   * The read-only login's user name.
   *
   * @return the user
   */
  public String readOnlyUser() {
    return READ_ONLY_USER;
  }

  /**
   * The read-only login's password (generated per sandbox start; never logged).
   *
   * @return the password
   */
  public String readOnlyPassword() {
    return readOnlyPassword;
  }

  /**
   * The emulated COM Toolkit: the one place where writes happen.
   *
   * @return the toolkit, acting as the {@code TOOLKIT} operator
   */
  public ExchequerToolkit toolkit() {
    return new ExchequerToolkit(started().engine(), ToolkitEngine.DEFAULT_OPERATOR);
  }

  /**
   * Read helpers for test assertions.
   *
   * @return the queries
   */
  public SandboxQueries query() {
    return new SandboxQueries(started().database());
  }

  /**
   * Starts the Toolkit bridge simulator (protocol v1) on 127.0.0.1 and an ephemeral port; calling
   * it again has no effect.
   *
   * @return this sandbox
   */
  public ExchequerSandbox startBridge() {
    synchronized (lifecycle) {
      started();
      if (bridge == null) {
        bridge = new BridgeServer(Objects.requireNonNull(engine), companyCode, bridgeApiKey);
        bridge.start();
      }
      return this;
    }
  }

  /**
   * The bridge's base URL; requests go to {@code bridgeUrl() + "/v1/..."}.
   *
   * @return e.g. {@code http://127.0.0.1:49731}
   */
  public String bridgeUrl() {
    return runningBridge().baseUrl();
  }

  /**
   * The API key the bridge expects as {@code Authorization: Bearer <key>} (never logged).
   *
   * @return the key
   */
  public String bridgeApiKey() {
    return bridgeApiKey;
  }

  /**
   * Replaces the bridge's fault plans; each request consults them in order. No plans, or
   * {@link FaultPlan#none()}, means no faults.
   *
   * @param plans the plans to apply from the next request on
   * @return this sandbox
   */
  public ExchequerSandbox bridgeFaults(FaultPlan... plans) {
    runningBridge().faults(java.util.List.of(plans));
    return this;
  }

  /**
   * Starts the Importer simulator on a drop folder, polling it every 250 ms on a background thread.
   *
   * @param dropFolder the folder the writer drops {@code .csv} files into (created when missing)
   * @return the importer
   */
  public ExchequerImporter startImporter(Path dropFolder) {
    return startImporter(dropFolder, Duration.ofMillis(250));
  }

  /**
   * Starts the Importer simulator; {@link Duration#ZERO} starts no background thread, for tests that
   * call {@link ExchequerImporter#processPendingFiles()} themselves.
   *
   * @param dropFolder the folder the writer drops {@code .csv} files into (created when missing)
   * @param pollInterval how often the background thread looks for files, or zero for none
   * @return the importer
   */
  public ExchequerImporter startImporter(Path dropFolder, Duration pollInterval) {
    synchronized (lifecycle) {
      started();
      if (importer != null) {
        throw new IllegalStateException("The Importer simulator is already watching " + importer.dropFolder());
      }
      importer = new ExchequerImporter(Objects.requireNonNull(engine), dropFolder, pollInterval);
      return importer;
    }
  }

  /**
   * The running Importer simulator.
   *
   * @return the importer started by {@link #startImporter(Path)}
   */
  public ExchequerImporter importer() {
    synchronized (lifecycle) {
      if (importer == null) {
        throw new IllegalStateException("The Importer simulator is not started; call startImporter(dropFolder)");
      }
      return importer;
    }
  }

  /** Stops the bridge and the importer and drops (in memory) or closes (file) the database. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      if (importer != null) {
        importer.stop();
      }
      if (bridge != null) {
        bridge.stop();
      }
      if (adminDataSource != null) {
        try (Connection connection = adminDataSource.getConnection(); Statement statement = connection.createStatement()) {
          statement.execute("SHUTDOWN");
        } catch (SQLException e) {
          LOG.warn("Exchequer sandbox {} did not shut down cleanly: {}", companyCode, e.getMessage());
        }
      }
    }
  }

  @Override
  public String toString() {
    return "ExchequerSandbox[company=" + companyCode + ", seed=" + seed + ", demoCompany=" + demoCompany
        + ", database=" + file.map(Path::toString).orElse("in memory") + "]";
  }

  private ExchequerSandbox started() {
    synchronized (lifecycle) {
      if (engine == null) {
        throw new IllegalStateException("The Exchequer sandbox is not started; call start()");
      }
      return this;
    }
  }

  private BridgeServer runningBridge() {
    synchronized (lifecycle) {
      if (bridge == null) {
        throw new IllegalStateException("The bridge simulator is not started; call startBridge()");
      }
      return bridge;
    }
  }

  private ToolkitEngine engine() {
    return Objects.requireNonNull(engine);
  }

  private Db database() {
    return Objects.requireNonNull(db);
  }

  private DataSource adminDataSource() {
    return Objects.requireNonNull(adminDataSource);
  }

  /** Configuration of a sandbox. */
  public static final class Builder {
    private String companyCode = "ZZZZ01";
    private long seed = 1;
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneId.of("Europe/London");
    private boolean demoCompany = true;
    private Optional<Path> file = Optional.empty();

    private Builder() {}

    /**
     * The company code and schema name: 1-6 letters or digits, upper case.
     *
     * @param companyCode e.g. {@code ZZZZ01}
     * @return this builder
     */
    public Builder companyCode(String companyCode) {
      Objects.requireNonNull(companyCode, "companyCode");
      if (!companyCode.matches("[A-Z0-9]{1,6}")) {
        throw new ConfigurationException("companyCode must be 1-6 upper-case letters or digits: " + companyCode);
      }
      this.companyCode = companyCode;
      return this;
    }

    /**
     * The seed of the demo company: the same seed and clock give the same data.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The clock behind every stamp, the current period and the demo company's two years of trading.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The workstations' time zone: stamps are local times in it (Exchequer stores no zone).
     *
     * @param zone the zone, Europe/London by default
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Whether to generate the demo company; false gives a company with its setup only (system
     * record, currencies, counters, nominal ledger, cost centres, departments, locations).
     *
     * @param demoCompany true for demo data
     * @return this builder
     */
    public Builder demoCompany(boolean demoCompany) {
      this.demoCompany = demoCompany;
      return this;
    }

    /**
     * Keeps the database in a file (H2 adds {@code .mv.db}) instead of memory; an existing
     * company in the file is reused.
     *
     * @param file the database file path without extension, or empty for memory
     * @return this builder
     */
    public Builder file(Optional<Path> file) {
      this.file = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Builds the sandbox; call {@link ExchequerSandbox#start()} next.
     *
     * @return the sandbox, not yet started
     */
    public ExchequerSandbox build() {
      return new ExchequerSandbox(this);
    }
  }
}
