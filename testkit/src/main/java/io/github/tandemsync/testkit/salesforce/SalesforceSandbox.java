package io.github.tandemsync.testkit.salesforce;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.testkit.salesforce.internal.ApiUsageTracker;
import io.github.tandemsync.testkit.salesforce.internal.AuthService;
import io.github.tandemsync.testkit.salesforce.internal.FaultInjector;
import io.github.tandemsync.testkit.salesforce.internal.Org;
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
 * <p>Thread-safe. Not a production server: it binds the loopback interface only, keeps everything
 * in memory and speaks plain HTTP.
 */
public final class SalesforceSandbox implements AutoCloseable {
  private final Org org;
  private final ApiUsageTracker usage;
  private final FaultInjector faults = new FaultInjector();
  private final AuthService auth;
  private final SandboxServer server;
  private final SandboxData data;

  private SalesforceSandbox(SandboxConfig config) {
    this.org = new Org(config);
    this.usage = new ApiUsageTracker(config.clock(), config.dailyApiLimit());
    this.auth = new AuthService(org, faults);
    this.server = new SandboxServer(org, usage, faults, auth);
    this.data = new SandboxDataImpl(org);
  }

  /** A builder with Salesforce-like defaults: 15,000 calls a day, system UTC clock, 2-hour sessions. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts serving on an ephemeral port of 127.0.0.1. Calling it again does nothing.
   *
   * @return this sandbox
   */
  public SalesforceSandbox start() {
    server.start();
    return this;
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

  /** Stops the server. Records are discarded with the sandbox. */
  @Override
  public void close() {
    server.close();
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
     * Builds the sandbox (not started yet).
     *
     * @return the sandbox
     * @throws ConfigurationException when the metadata cannot be deployed
     */
    public SalesforceSandbox build() {
      return new SalesforceSandbox(new SandboxConfig(seed, dailyApiLimit, clock, metadata, allowUsernamePassword, queryCursorLifetime,
          shortQueryPages, sessionTimeout));
    }
  }
}
