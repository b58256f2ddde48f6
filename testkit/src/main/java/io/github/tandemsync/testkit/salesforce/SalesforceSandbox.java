package io.github.tandemsync.testkit.salesforce;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.testkit.salesforce.internal.ApiUsageTracker;
import io.github.tandemsync.testkit.salesforce.internal.AuthService;
import io.github.tandemsync.testkit.salesforce.internal.FaultInjector;
import io.github.tandemsync.testkit.salesforce.internal.Org;
import io.github.tandemsync.testkit.salesforce.internal.OrgCurrencies;
import io.github.tandemsync.testkit.salesforce.internal.OrgFile;
import io.github.tandemsync.testkit.salesforce.internal.SandboxConfig;
import io.github.tandemsync.testkit.salesforce.internal.SandboxDataImpl;
import io.github.tandemsync.testkit.salesforce.internal.SandboxServer;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An in-process Salesforce org served over HTTP on 127.0.0.1: OAuth token endpoint, REST (sObject
 * rows, upsert by external id, describe, SOQL query/queryAll with cursors, getUpdated/getDeleted),
 * sObject Collections, Composite, Composite Graph and Bulk API 2.0, with Salesforce's limits,
 * error shapes and quirks, and seeded fault injection. The base URL is both the login host and the
 * instance URL.
 *
 * <pre>{@code
 * try (SalesforceSandbox sf = SalesforceSandbox.builder().seed(42).dailyApiLimit(15_000)
 *     .deployMetadata(Path.of("src/test/resources/sfdx")).build()) {
 *   sf.start();
 *   sf.registerClientCredentials("client-id", "client-secret", "integration@example.com");
 *   // point the connector at sf.baseUrl(), run the sync, then assert:
 *   assertEquals(3, sf.usage().counted(ResourceKind.COLLECTIONS));
 *   assertEquals("C-ABAP01", sf.data().list("Account").get(0).string("ERP_Id__c").orElseThrow());
 * }
 * }</pre>
 *
 * <p>With {@link Builder#persistTo(Path)} the org survives restarts: {@link #start()} restores it
 * from the file when it exists, {@link #checkpoint()} and {@link #close()} save it.
 *
 * <p>Thread-safe. Not a production server: it binds the loopback interface only, keeps everything
 * in memory (unless persisted) and speaks plain HTTP.
 */
public final class SalesforceSandbox implements AutoCloseable {
  private final Org org;
  private final ApiUsageTracker usage;
  private final FaultInjector faults = new FaultInjector();
  private final AuthService auth;
  private final SandboxServer server;
  private final SandboxData data;
  private final Optional<OrgFile> orgFile;
  /** Guarded by this. */
  private Lifecycle lifecycle = Lifecycle.BUILT;
  private volatile boolean restored;

  /** Where the sandbox is in its life; decides whether saving could overwrite an org not yet restored. */
  private enum Lifecycle {
    BUILT,
    STARTED,
    RESTORE_FAILED,
    CLOSED
  }

  private SalesforceSandbox(SandboxConfig config, Optional<Path> persistFile) {
    this.org = new Org(config);
    this.usage = new ApiUsageTracker(config.clock(), config.dailyApiLimit());
    this.auth = new AuthService(org, faults);
    this.server = new SandboxServer(org, usage, faults, auth);
    this.data = new SandboxDataImpl(org);
    this.orgFile = persistFile.map(file -> new OrgFile(file, org, auth, usage));
  }

  /** A builder with Salesforce-like defaults: 15,000 calls a day, system UTC clock, 2-hour sessions. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts serving on an ephemeral port of 127.0.0.1. Calling it again does nothing.
   *
   * <p>With {@link Builder#persistTo(Path)} and an existing file, the saved org is restored first
   * (metadata is deployed by {@link Builder#build()}, then the data is restored): records, the
   * recycle bin, the delete log, ids, credentials and the API usage window continue where the saved
   * org left them. Credentials registered before {@code start()} are applied on top of the restored
   * ones. Access tokens and query cursors are not restored: clients re-authenticate, as after a
   * session expiry.
   *
   * @return this sandbox
   * @throws ConfigurationException when the file cannot be read, is corrupt, has an unknown format
   *     version, or holds records of an object or field the deployed metadata no longer defines
   * @throws IllegalStateException when records were written through {@link #data()} before {@code
   *     start()} while a saved org is to be restored (they would be lost), or after a failed restore
   */
  public synchronized SalesforceSandbox start() {
    switch (lifecycle) {
      case STARTED:
        return this;
      case RESTORE_FAILED:
        throw new IllegalStateException("the Salesforce sandbox could not restore its saved org; build a new sandbox");
      case CLOSED:
        throw new IllegalStateException("the Salesforce sandbox is closed");
      default:
        break;
    }
    if (orgFile.isPresent() && orgFile.get().exists()) {
      try {
        orgFile.get().restore();
        restored = true;
      } catch (RuntimeException e) {
        // The file stays untouched: close() must not overwrite it with an empty org.
        lifecycle = Lifecycle.RESTORE_FAILED;
        throw e;
      }
    }
    auth.live();
    server.start();
    lifecycle = Lifecycle.STARTED;
    return this;
  }

  /**
   * Whether {@link #start()} restored the org from the {@link Builder#persistTo(Path)} file, e.g. to
   * seed demo data only on the first run.
   *
   * @return true when the org was restored
   */
  public boolean restored() {
    return restored;
  }

  /**
   * Saves the org to the {@link Builder#persistTo(Path)} file: written to a temporary file in the same
   * folder, forced to disk, then renamed over the file atomically, so a crash leaves either the
   * previous or the new org. The snapshot is consistent while API calls continue. The file holds
   * registered client secrets and refresh tokens and is created owner-only where the file system
   * supports it.
   *
   * @throws IllegalStateException without {@code persistTo}, or when saving now would overwrite a saved
   *     org that has not been restored (before {@link #start()}, or after a failed restore)
   * @throws ConfigurationException when the folder cannot be written
   * @throws io.github.tandemsync.core.RetryableException on other I/O failures (the previous file is
   *     intact)
   */
  public void checkpoint() {
    OrgFile file = orgFile.orElseThrow(() -> new IllegalStateException(
        "the Salesforce sandbox has no file to save to: configure SalesforceSandbox.builder().persistTo(file)"));
    synchronized (this) {
      if (lifecycle == Lifecycle.RESTORE_FAILED) {
        throw new IllegalStateException("the Salesforce sandbox could not restore the org saved in " + file.path()
            + "; refusing to overwrite it");
      }
      if (lifecycle == Lifecycle.BUILT && file.exists()) {
        throw new IllegalStateException("the Salesforce sandbox is not started: the org saved in " + file.path()
            + " is restored by start(); saving now would overwrite it");
      }
    }
    file.checkpoint();
  }

  /**
   * The base URL, e.g. {@code http://127.0.0.1:54321}: the login host for the token endpoint and
   * the {@code instance_url} for API calls.
   *
   * @return the base URL
   * @throws IllegalStateException before {@link #start()}
   */
  public String baseUrl() {
    String url = server.baseUrl();
    if (url.isEmpty()) {
      throw new IllegalStateException("the Salesforce sandbox is not started: call start() first");
    }
    return url;
  }

  /**
   * Registers a client-credentials app (reference §2.3); its calls run as the run-as user.
   *
   * @param clientId the consumer key
   * @param clientSecret the consumer secret
   * @param runAsUsername the integration user the app runs as (created if needed)
   */
  public void registerClientCredentials(String clientId, String clientSecret, String runAsUsername) {
    auth.registerClientCredentials(req(clientId, "clientId"), req(clientSecret, "clientSecret"), req(runAsUsername, "runAsUsername"));
  }

  /**
   * Registers a JWT bearer app (reference §2.2): assertions must be RS256-signed with the private
   * key of this certificate, {@code iss} = consumer key, {@code sub} one of the pre-authorised
   * users, {@code aud} the base URL (or login/test.salesforce.com), {@code exp} in epoch seconds at
   * most a few minutes ahead.
   *
   * @param consumerKey the consumer key ({@code iss})
   * @param certificateKey the public key of the app's certificate
   * @param preAuthorisedUsernames users allowed as {@code sub} (created if needed)
   */
  public void registerJwtBearer(String consumerKey, PublicKey certificateKey, Set<String> preAuthorisedUsernames) {
    auth.registerJwtBearer(req(consumerKey, "consumerKey"), Objects.requireNonNull(certificateKey, "certificateKey"),
        Set.copyOf(preAuthorisedUsernames));
  }

  /**
   * Registers a refresh token of a web-server-flow app (reference §2.4). Every refresh rotates it;
   * reusing a rotated token revokes the grant; concurrent refreshes with one token are refused with
   * {@code Token request is already being processed}.
   *
   * @param clientId the consumer key
   * @param clientSecret the consumer secret when the app requires it for refreshes
   * @param refreshToken the initial refresh token
   */
  public void registerRefreshToken(String clientId, Optional<String> clientSecret, String refreshToken) {
    auth.registerRefreshToken(req(clientId, "clientId"), Objects.requireNonNull(clientSecret, "clientSecret"),
        req(refreshToken, "refreshToken"), "integration@sandbox.tandem.example");
  }

  /**
   * Registers a user for the legacy username-password flow, which is refused with {@code
   * invalid_grant} unless the builder enabled {@link Builder#allowUsernamePassword(boolean)}.
   *
   * @param username the username
   * @param password the password
   * @param securityToken the security token appended to the password
   */
  public void registerPassword(String username, String password, String securityToken) {
    auth.registerPassword(req(username, "username"), req(password, "password"), Objects.requireNonNull(securityToken, "securityToken"));
  }

  /**
   * Sets how long an access token survives without use (default 2 hours); afterwards calls get
   * {@code 401 INVALID_SESSION_ID}.
   *
   * @param timeout the inactivity timeout
   */
  public void sessionTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("session timeout must be positive: " + timeout);
    }
    auth.sessionTimeout(timeout);
  }

  /** Invalidates every access token now (refresh tokens keep working). */
  public void expireAllSessions() {
    auth.expireAllSessions();
  }

  /**
   * Installs a fault plan for the calls that follow; {@link FaultPlan#none()} switches faults off.
   *
   * @param plan the plan
   */
  public void faults(FaultPlan plan) {
    faults.plan(Objects.requireNonNull(plan, "plan"));
  }

  /**
   * Hides a field from the integration user (field-level security): it disappears from describe,
   * queries naming it fail with {@code INVALID_FIELD} and writes with {@code
   * INVALID_FIELD_FOR_INSERT_UPDATE}. {@link #data()} still sees it.
   *
   * @param sObjectType the sObject type
   * @param field the field's API name
   */
  public void hideField(String sObjectType, String field) {
    org.locked(() -> {
      requireField(sObjectType, field);
      org.setHidden(sObjectType, field, true);
    });
  }

  /**
   * Makes a field hidden with {@link #hideField(String, String)} visible again.
   *
   * @param sObjectType the sObject type
   * @param field the field's API name
   */
  public void showField(String sObjectType, String field) {
    org.locked(() -> org.setHidden(sObjectType, field, false));
  }

  private void requireField(String sObjectType, String field) {
    boolean exists = org.schema().type(sObjectType).flatMap(t -> t.field(field)).isPresent();
    if (!exists) {
      throw new ConfigurationException("no field " + sObjectType + "." + field + " in the Salesforce sandbox schema");
    }
  }

  /**
   * The records, for test set-up (as a UI user) and assertions.
   *
   * @return the data view
   */
  public SandboxData data() {
    return data;
  }

  /**
   * API calls counted so far, per resource kind, and the call log.
   *
   * @return a snapshot
   */
  public ApiUsage usage() {
    return usage.snapshot();
  }

  /** Forgets the counted calls and the call log (as if a new day started). */
  public void resetUsage() {
    usage.reset();
  }

  /**
   * Stops the server. With {@link Builder#persistTo(Path)} the org is then saved (see {@link
   * #checkpoint()}) unless that would overwrite a saved org that was never restored; otherwise
   * records are discarded with the sandbox. Calling it again does nothing.
   *
   * @throws ConfigurationException or {@link io.github.tandemsync.core.RetryableException} when
   *     the final save fails (the server is stopped regardless)
   */
  @Override
  public void close() {
    boolean save;
    synchronized (this) {
      if (lifecycle == Lifecycle.CLOSED) {
        return;
      }
      save = orgFile.isPresent() && (lifecycle == Lifecycle.STARTED || lifecycle == Lifecycle.BUILT && !orgFile.get().exists());
      lifecycle = Lifecycle.CLOSED;
    }
    server.close();
    if (save) {
      orgFile.get().checkpoint();
    }
  }

  private static String req(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Configures a {@link SalesforceSandbox}. */
  public static final class Builder {
    private long seed = 42;
    private long dailyApiLimit = 15_000;
    private Clock clock = Clock.systemUTC();
    private final List<Path> metadata = new ArrayList<>();
    private boolean allowUsernamePassword;
    private Duration queryCursorLifetime = Duration.ofDays(2);
    private boolean shortQueryPages;
    private Duration sessionTimeout = Duration.ofHours(2);
    private Optional<Path> persistFile = Optional.empty();
    private Optional<OrgCurrencies> currencies = Optional.empty();

    private Builder() {}

    /**
     * Seeds every random choice: record ids, tokens, Bulk result order, short query pages.
     *
     * @param value the seed
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * The daily API allocation shown in {@code Sforce-Limit-Info: api-usage=N/LIMIT}.
     *
     * @param limit a positive number of calls per rolling 24 hours
     * @return this builder
     */
    public Builder dailyApiLimit(long limit) {
      if (limit <= 0) {
        throw new IllegalArgumentException("dailyApiLimit must be positive: " + limit);
      }
      this.dailyApiLimit = limit;
      return this;
    }

    /**
     * The org clock: SystemModstamp, CreatedDate, token expiry, cursors, getUpdated windows and the
     * HTTP {@code Date} header come from it (default: system UTC).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Deploys custom objects and fields from an SFDX source folder ({@code objects/<Object>/...}).
     * May be called several times.
     *
     * @param sfdxSourceDir a folder containing {@code objects/}
     * @return this builder
     */
    public Builder deployMetadata(Path sfdxSourceDir) {
      this.metadata.add(Objects.requireNonNull(sfdxSourceDir, "sfdxSourceDir"));
      return this;
    }

    /**
     * Enables the legacy username-password flow (blocked by default, as in orgs created since
     * Summer '23).
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public Builder allowUsernamePassword(boolean allow) {
      this.allowUsernamePassword = allow;
      return this;
    }

    /**
     * How long query locators stay valid (default 2 days, as since v56).
     *
     * @param lifetime a positive duration
     * @return this builder
     */
    public Builder queryCursorLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("queryCursorLifetime must be positive: " + lifetime);
      }
      this.queryCursorLifetime = lifetime;
      return this;
    }

    /**
     * Makes query pages randomly (seeded) shorter than the requested batch size, as Salesforce may
     * do, to catch clients that treat a short page as the last one. Off by default.
     *
     * @param enabled whether pages may be short
     * @return this builder
     */
    public Builder shortQueryPages(boolean enabled) {
      this.shortQueryPages = enabled;
      return this;
    }

    /**
     * The initial session timeout (default 2 hours).
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder sessionTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("sessionTimeout must be positive: " + timeout);
      }
      this.sessionTimeout = timeout;
      return this;
    }

    /**
     * Keeps the org in a JSON file across restarts, for demos that continue where the last run
     * stopped: {@link SalesforceSandbox#start()} restores the org when the file exists, {@link
     * SalesforceSandbox#checkpoint()} and {@link SalesforceSandbox#close()} save it atomically. The
     * saved org's ids, tokens and org id continue its own sequence whatever {@link #seed(long)} says;
     * the seed still drives Bulk result order, short pages and faults. Metadata is deployed from
     * {@link #deployMetadata(Path)} on every build, so the folders must still define every object and
     * field holding saved values.
     *
     * @param file the file (its folder is created when missing)
     * @return this builder
     */
    public Builder persistTo(Path file) {
      this.persistFile = Optional.of(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Makes the org a multi-currency org (default: single-currency, as a new org). Every object then
     * has a {@code CurrencyIsoCode} picklist restricted to the active currencies, defaulting to the
     * corporate currency, shown by describe and selectable in SOQL; amounts of a record are in its
     * currency. Salesforce's multi-currency rules apply: one price-book entry per price book, product
     * and currency; a custom price-book entry needs a standard entry in its currency
     * ({@code STANDARD_PRICE_NOT_DEFINED}); an order or quote product's entry must have its parent's
     * currency ({@code FIELD_INTEGRITY_EXCEPTION}); line items, quotes and master-detail children take
     * their parent's currency (read-only); an entry's currency is set on create only; an order or
     * opportunity with products cannot change currency. A saved org ({@link #persistTo(Path)}) keeps
     * the setting: restoring it with other currencies fails {@code start()}.
     *
     * @param corporateCurrency ISO 4217 code of the corporate currency, e.g. {@code GBP}
     * @param activeCurrencies ISO 4217 codes of the other active currencies (the corporate currency is
     *     active whether listed or not)
     * @return this builder
     * @throws ConfigurationException when a code is not three upper-case letters
     */
    public Builder multiCurrency(String corporateCurrency, Set<String> activeCurrencies) {
      this.currencies = Optional.of(new OrgCurrencies(corporateCurrency, Set.copyOf(Objects.requireNonNull(activeCurrencies,
          "activeCurrencies"))));
      return this;
    }

    /**
     * Builds the sandbox (not started yet).
     *
     * @return the sandbox
     * @throws ConfigurationException when the metadata cannot be deployed
     */
    public SalesforceSandbox build() {
      return new SalesforceSandbox(new SandboxConfig(seed, dailyApiLimit, clock, metadata, allowUsernamePassword, queryCursorLifetime,
          shortQueryPages, sessionTimeout, currencies), persistFile);
    }
  }
}
