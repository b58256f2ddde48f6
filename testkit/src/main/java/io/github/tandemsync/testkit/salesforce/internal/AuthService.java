package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.testkit.salesforce.internal.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 token endpoint and session checks (reference §2): JWT bearer, client credentials,
 * refresh token with rotation and single-flight, and the legacy username-password flow. Secrets
 * never appear in logs or messages.
 */
public final class AuthService {
  private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
  private static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  /** JWT exp may be at most this far ahead (Salesforce documents "within 3 minutes"; a little skew allowed). */
  private static final Duration MAX_JWT_LIFETIME = Duration.ofMinutes(5);

  /** One access token. */
  public static final class Session {
    final String userId;
    final @Nullable RefreshFamily family;
    volatile Instant lastActivity;
    volatile boolean revoked;

    Session(String userId, @Nullable RefreshFamily family, Instant now) {
      this.userId = userId;
      this.family = family;
      this.lastActivity = now;
    }

    /** The user the token acts as. */
    public String userId() {
      return userId;
    }
  }

  /** A chain of rotated refresh tokens issued to one client for one user. */
  static final class RefreshFamily {
    final String clientId;
    final String userId;
    String current;
    final Set<String> retired = new HashSet<>();
    final Set<String> accessTokens = new HashSet<>();
    boolean revoked;
    @Nullable String inFlight;

    RefreshFamily(String clientId, String userId, String current) {
      this.clientId = clientId;
      this.userId = userId;
      this.current = current;
    }
  }

  // Records holding secrets redact them from toString(): nothing secret may reach a log line.
  private record ClientCredentials(String secret, String userId) {
    @Override
    public String toString() {
      return "ClientCredentials[secret=***, userId=" + userId + "]";
    }
  }

  private record JwtApp(PublicKey key, Set<String> userIds) {}

  private record RefreshClient(Optional<String> secret) {
    @Override
    public String toString() {
      return "RefreshClient[secret=" + (secret.isPresent() ? "***" : "none") + "]";
    }
  }

  private record Password(String password, String securityToken, String userId) {
    @Override
    public String toString() {
      return "Password[password=***, securityToken=***, userId=" + userId + "]";
    }
  }

  private final Org org;
  private final FaultInjector faults;
  private volatile String baseUrl = "";
  private volatile Duration sessionTimeout;
  private final Map<String, ClientCredentials> clientCredentials = new ConcurrentHashMap<>();
  private final Map<String, JwtApp> jwtApps = new ConcurrentHashMap<>();
  private final Map<String, RefreshClient> refreshClients = new ConcurrentHashMap<>();
  private final Map<String, RefreshFamily> refreshTokens = new HashMap<>();
  private final Map<String, Password> passwords = new ConcurrentHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public AuthService(Org org, FaultInjector faults) {
    this.org = org;
    this.faults = faults;
    this.sessionTimeout = org.config().sessionTimeout();
  }

  /** Sets the login and instance URL once the server is bound. */
  public void baseUrl(String url) {
    this.baseUrl = url;
  }

  // --- registration ---
  // Registrations made before a saved org is restored are replayed on top of it: their user ids
  // belong to the org that the restore replaces, and a rerun typically repeats them.

  private final List<Runnable> replayAfterRestore = new ArrayList<>();
  private boolean replaying = true;

  private synchronized void remember(Runnable registration) {
    if (replaying) {
      replayAfterRestore.add(registration);
    }
  }

  /** Stops remembering registrations for a restore (the org is live: no restore will follow). */
  public synchronized void live() {
    replaying = false;
    replayAfterRestore.clear();
  }

  /** Registers a client-credentials app with its run-as user. */
  public void registerClientCredentials(String clientId, String clientSecret, String runAsUsername) {
    clientCredentials.put(clientId, new ClientCredentials(clientSecret, org.ensureUser(runAsUsername)));
    remember(() -> registerClientCredentials(clientId, clientSecret, runAsUsername));
  }

  /** Registers a JWT bearer app: its certificate's public key and the pre-authorised users. */
  public void registerJwtBearer(String consumerKey, PublicKey key, Set<String> usernames) {
    Set<String> ids = new HashSet<>();
    for (String username : usernames) {
      ids.add(org.ensureUser(username));
    }
    jwtApps.put(consumerKey, new JwtApp(key, Set.copyOf(ids)));
    remember(() -> registerJwtBearer(consumerKey, key, usernames));
  }

  /**
   * Registers a refresh token issued earlier by the web-server flow. A token the org already knows
   * (current, rotated away or revoked, e.g. after a restore) keeps its state: re-registering it on a
   * rerun must not bring a rotated token back to life.
   */
  public synchronized void registerRefreshToken(String clientId, Optional<String> clientSecret, String refreshToken, String username) {
    refreshClients.put(clientId, new RefreshClient(clientSecret));
    if (!refreshTokens.containsKey(refreshToken)) {
      RefreshFamily family = new RefreshFamily(clientId, org.ensureUser(username), refreshToken);
      refreshTokens.put(refreshToken, family);
    }
    remember(() -> registerRefreshToken(clientId, clientSecret, refreshToken, username));
  }

  /** Registers a username, password and security token for the legacy flow. */
  public void registerPassword(String username, String password, String securityToken) {
    passwords.put(username.toLowerCase(Locale.ROOT), new Password(password, securityToken, org.ensureUser(username)));
    remember(() -> registerPassword(username, password, securityToken));
  }

  // --- saving and restoring ---

  /**
   * Runs a checkpoint while credentials cannot change, handing it the saved credentials. The lock
   * order is credentials, then org (registrations create users under the org lock).
   */
  synchronized <T> T saving(java.util.function.Function<SavedOrg.Auth, T> checkpoint) {
    return checkpoint.apply(save());
  }

  /** The registered credentials, for a checkpoint (access tokens are not saved). */
  private SavedOrg.Auth save() {
    List<SavedOrg.ClientCredentialsApp> clients = new ArrayList<>();
    new TreeMap<>(clientCredentials).forEach((id, app) -> clients.add(new SavedOrg.ClientCredentialsApp(id, app.secret(), app.userId())));
    List<SavedOrg.JwtBearerApp> jwt = new ArrayList<>();
    new TreeMap<>(jwtApps).forEach((key, app) -> jwt.add(new SavedOrg.JwtBearerApp(key, app.key().getAlgorithm(),
        Base64.getEncoder().encodeToString(app.key().getEncoded()), new ArrayList<>(new TreeSet<>(app.userIds())))));
    List<SavedOrg.RefreshClient> refreshApps = new ArrayList<>();
    new TreeMap<>(refreshClients).forEach((id, client) -> refreshApps.add(new SavedOrg.RefreshClient(id, client.secret())));
    List<SavedOrg.RefreshGrant> grants = new ArrayList<>();
    Set<RefreshFamily> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (RefreshFamily family : refreshTokens.values()) {
      if (seen.add(family)) {
        grants.add(new SavedOrg.RefreshGrant(family.clientId, family.userId, family.current, new ArrayList<>(new TreeSet<>(family.retired)),
            family.revoked));
      }
    }
    grants.sort(java.util.Comparator.comparing(SavedOrg.RefreshGrant::clientId).thenComparing(SavedOrg.RefreshGrant::userId)
        .thenComparing(SavedOrg.RefreshGrant::currentToken));
    List<SavedOrg.PasswordUser> users = new ArrayList<>();
    new TreeMap<>(passwords).forEach((name, password) -> users.add(new SavedOrg.PasswordUser(name, password.password(),
        password.securityToken(), password.userId())));
    return new SavedOrg.Auth(clients, jwt, refreshApps, grants, users);
  }

  /**
   * Replaces every credential with saved ones, drops every session, then replays the registrations
   * made before the restore (their users are re-created in the restored org when needed).
   *
   * @throws IllegalArgumentException when a saved public key cannot be decoded (the message names
   *     the consumer key, never a secret)
   */
  synchronized void restore(SavedOrg.Auth saved) {
    Map<String, JwtApp> restoredJwt = new HashMap<>();
    for (SavedOrg.JwtBearerApp app : saved.jwtBearer()) {
      PublicKey key;
      try {
        key = KeyFactory.getInstance(app.keyAlgorithm()).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(app.publicKey())));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new IllegalArgumentException("the public key of JWT bearer app " + app.consumerKey() + " cannot be decoded ("
            + e.getClass().getSimpleName() + ")", e);
      }
      restoredJwt.put(app.consumerKey(), new JwtApp(key, Set.copyOf(app.userIds())));
    }
    expireAllSessions();
    clientCredentials.clear();
    saved.clientCredentials().forEach(app -> clientCredentials.put(app.clientId(), new ClientCredentials(app.clientSecret(), app.runAsUserId())));
    jwtApps.clear();
    jwtApps.putAll(restoredJwt);
    refreshClients.clear();
    saved.refreshClients().forEach(client -> refreshClients.put(client.clientId(), new RefreshClient(client.clientSecret())));
    refreshTokens.clear();
    for (SavedOrg.RefreshGrant grant : saved.refreshGrants()) {
      RefreshFamily family = new RefreshFamily(grant.clientId(), grant.userId(), grant.currentToken());
      family.retired.addAll(grant.retiredTokens());
      family.revoked = grant.revoked();
      refreshTokens.put(grant.currentToken(), family);
      grant.retiredTokens().forEach(token -> refreshTokens.put(token, family));
    }
    passwords.clear();
    saved.passwords().forEach(user -> passwords.put(user.username().toLowerCase(Locale.ROOT),
        new Password(user.password(), user.securityToken(), user.userId())));
    List<Runnable> replay = List.copyOf(replayAfterRestore);
    live();
    replay.forEach(Runnable::run);
  }

  /** Changes the session timeout. */
  public void sessionTimeout(Duration timeout) {
    this.sessionTimeout = timeout;
  }

  /** Invalidates every access token (refresh tokens keep working). */
  public void expireAllSessions() {
    sessions.values().forEach(s -> s.revoked = true);
    sessions.clear();
  }

  // --- sessions ---

  /**
   * The session of an {@code Authorization: Bearer} (or {@code OAuth}) header, if valid. A valid
   * call extends the session: it expires after {@code sessionTimeout} of inactivity.
   */
  public Optional<Session> authenticate(@Nullable String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String trimmed = authorization.trim();
    String token;
    if (trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = trimmed.substring(7).trim();
    } else if (trimmed.regionMatches(true, 0, "OAuth ", 0, 6)) {
      token = trimmed.substring(6).trim();
    } else {
      return Optional.empty();
    }
    Session session = sessions.get(token);
    if (session == null || session.revoked) {
      return Optional.empty();
    }
    Instant now = org.now();
    if (session.lastActivity.plus(sessionTimeout).isBefore(now)) {
      session.revoked = true;
      sessions.remove(token);
      return Optional.empty();
    }
    session.lastActivity = now;
    return Optional.of(session);
  }

  // --- token endpoint ---

  /** A token-endpoint answer: status and JSON body. */
  public record TokenResponse(int status, JsonNode body) {}

  /** Handles {@code POST /services/oauth2/token}. */
  public TokenResponse token(HttpRequest request) {
    Map<String, String> form;
    try {
      form = form(request.bodyText());
      if (request.rawQuery() != null) {
        form(request.rawQuery()).forEach(form::putIfAbsent);
      }
    } catch (IllegalArgumentException e) {
      return error(400, "invalid_request", "malformed form-encoded body");
    }
    String grant = form.getOrDefault("grant_type", "");
    if (!grant.equals("refresh_token")) {
      // The refresh flow applies its latency while the request is marked in progress.
      faults.sleep(io.github.tandemsync.testkit.salesforce.ResourceKind.AUTH);
    }
    try {
      return switch (grant) {
        case JWT_GRANT -> jwt(form);
        case "client_credentials" -> clientCredentials(form, request.header("Authorization").orElse(null));
        case "refresh_token" -> refresh(form, request.header("Authorization").orElse(null));
        case "password" -> password(form);
        case "" -> error(400, "invalid_request", "grant type not supported");
        default -> error(400, "unsupported_grant_type", "grant type not supported");
      };
    } catch (OAuthError e) {
      return error(e.status, e.error, e.getMessage());
    }
  }

  private static final class OAuthError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String error;

    OAuthError(int status, String error, String description) {
      super(description, null, false, false);
      this.status = status;
      this.error = error;
    }
  }

  private static TokenResponse error(int status, String error, String description) {
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put("error_description", description);
    return new TokenResponse(status, body);
  }

  private static OAuthError invalidGrant(String description, String why) {
    LOG.info("Salesforce sandbox refused a token request: {}", why);
    return new OAuthError(400, "invalid_grant", description);
  }

  private TokenResponse jwt(Map<String, String> form) {
    String assertion = form.get("assertion");
    if (assertion == null || assertion.isBlank()) {
      throw invalidGrant("invalid assertion", "no assertion parameter");
    }
    String[] parts = assertion.split("\\.");
    if (parts.length != 3) {
      throw invalidGrant("invalid assertion", "the assertion is not a signed JWT (header.claims.signature)");
    }
    JsonNode header;
    JsonNode claims;
    byte[] signature;
    try {
      Base64.Decoder decoder = Base64.getUrlDecoder();
      header = Json.MAPPER.readTree(decoder.decode(parts[0]));
      claims = Json.MAPPER.readTree(decoder.decode(parts[1]));
      signature = decoder.decode(parts[2]);
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalidGrant("invalid assertion", "the JWT is not base64url-encoded JSON");
    }
    if (!"RS256".equals(header.path("alg").asText())) {
      throw invalidGrant("invalid assertion", "JWT alg must be RS256, got " + header.path("alg").asText());
    }
    String issuer = claims.path("iss").asText("");
    JwtApp app = jwtApps.get(issuer);
    if (app == null) {
      throw new OAuthError(400, "invalid_client_id", "client identifier invalid");
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(app.key());
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(signature)) {
        throw invalidGrant("invalid assertion", "the JWT signature does not match the registered certificate");
      }
    } catch (GeneralSecurityException e) {
      throw invalidGrant("invalid assertion", "the JWT signature cannot be verified: " + e.getClass().getSimpleName());
    }
    String audience = claims.path("aud").isArray() ? claims.path("aud").path(0).asText("") : claims.path("aud").asText("");
    String aud = audience.endsWith("/") ? audience.substring(0, audience.length() - 1) : audience;
    if (!(aud.equals(baseUrl) || aud.equals("https://login.salesforce.com") || aud.equals("https://test.salesforce.com"))) {
      throw invalidGrant("audience is invalid", "JWT aud must be the login host " + baseUrl + ", got " + audience);
    }
    JsonNode exp = claims.path("exp");
    if (!exp.canConvertToLong()) {
      throw invalidGrant("invalid assertion", "JWT exp (epoch seconds) is missing");
    }
    Instant expiry = Instant.ofEpochSecond(exp.asLong());
    Instant now = org.now();
    if (!expiry.isAfter(now)) {
      throw invalidGrant("invalid assertion", "JWT exp " + expiry + " is not after now " + now);
    }
    if (expiry.isAfter(now.plus(MAX_JWT_LIFETIME))) {
      throw invalidGrant("invalid assertion", "JWT exp " + expiry + " is more than " + MAX_JWT_LIFETIME.toMinutes()
          + " minutes ahead (exp must be epoch seconds, a few minutes ahead)");
    }
    String subject = claims.path("sub").asText("");
    Optional<String> userId = org.userId(subject);
    if (userId.isEmpty() || !app.userIds().contains(userId.get())) {
      throw invalidGrant("user hasn't approved this consumer", "JWT sub " + subject + " is not pre-authorised for the app");
    }
    return issue(userId.get(), issuer, null, null, "api");
  }

  private TokenResponse clientCredentials(Map<String, String> form, @Nullable String authorization) {
    String[] basic = basic(authorization);
    String clientId = basic != null ? basic[0] : form.get("client_id");
    String secret = basic != null ? basic[1] : form.get("client_secret");
    if (clientId == null) {
      throw new OAuthError(400, "invalid_client_id", "client identifier invalid");
    }
    ClientCredentials app = clientCredentials.get(clientId);
    if (app == null) {
      throw new OAuthError(400, "invalid_client_id", "client identifier invalid");
    }
    if (secret == null || !constantTimeEquals(secret, app.secret())) {
      throw new OAuthError(400, "invalid_client", "invalid client credentials");
    }
    return issue(app.userId(), clientId, app.secret(), null, "api");
  }

  private TokenResponse refresh(Map<String, String> form, @Nullable String authorization) {
    String token = form.get("refresh_token");
    String[] basic = basic(authorization);
    String clientId = basic != null ? basic[0] : form.get("client_id");
    String secret = basic != null ? basic[1] : form.get("client_secret");
    RefreshFamily family;
    synchronized (this) {
      family = token == null ? null : refreshTokens.get(token);
      if (family == null || family.revoked) {
        throw invalidGrant("expired access/refresh token", "unknown or revoked refresh token");
      }
      RefreshClient client = refreshClients.get(family.clientId);
      if (clientId == null || !clientId.equals(family.clientId) || client == null) {
        throw new OAuthError(400, "invalid_client_id", "client identifier invalid");
      }
      if (client.secret().isPresent() && (secret == null || !constantTimeEquals(secret, client.secret().get()))) {
        throw new OAuthError(400, "invalid_client", "invalid client credentials");
      }
      if (family.inFlight != null) {
        // Summer '24: a second refresh with the same token while one is processing.
        throw invalidGrant("Token request is already being processed", "concurrent refresh with the same refresh token");
      }
      if (family.retired.contains(token)) {
        // Refresh token rotation: reusing an invalidated token revokes the whole family.
        family.revoked = true;
        for (String accessToken : family.accessTokens) {
          Session session = sessions.remove(accessToken);
          if (session != null) {
            session.revoked = true;
          }
        }
        throw invalidGrant("expired access/refresh token", "reuse of a rotated refresh token: every token of the grant is revoked");
      }
      family.inFlight = token;
    }
    try {
      // The request stays "in progress" during the (optional) token-endpoint latency.
      faults.sleep(io.github.tandemsync.testkit.salesforce.ResourceKind.AUTH);
      synchronized (this) {
        String rotated = org.ids().token(64);
        family.retired.add(family.current);
        family.current = rotated;
        refreshTokens.put(rotated, family);
        return issue(family.userId, family.clientId, refreshClients.get(family.clientId).secret().orElse(null), family,
            "refresh_token api");
      }
    } finally {
      synchronized (this) {
        family.inFlight = null;
      }
    }
  }

  private TokenResponse password(Map<String, String> form) {
    String username = form.getOrDefault("username", "");
    if (!org.config().allowUsernamePassword()) {
      throw invalidGrant("authentication failure", "the username-password flow is blocked in this org (allowUsernamePassword)");
    }
    if (form.getOrDefault("client_id", "").isEmpty()) {
      throw new OAuthError(400, "invalid_client_id", "client identifier invalid");
    }
    Password registered = passwords.get(username.toLowerCase(Locale.ROOT));
    String given = form.getOrDefault("password", "");
    if (registered == null || !constantTimeEquals(given, registered.password() + registered.securityToken())) {
      throw invalidGrant("authentication failure", "wrong username, password or security token");
    }
    return issue(registered.userId(), form.get("client_id"), form.get("client_secret"), null, "api");
  }

  private synchronized TokenResponse issue(String userId, String clientId, @Nullable String secret, @Nullable RefreshFamily family,
      String scope) {
    Instant now = org.now();
    String accessToken = org.orgId().substring(0, 15) + "!" + org.ids().token(96);
    Session session = new Session(userId, family, now);
    sessions.put(accessToken, session);
    if (family != null) {
      family.accessTokens.add(accessToken);
    }
    String id = baseUrl + "/id/" + org.orgId() + "/" + userId;
    String issuedAt = Long.toString(now.toEpochMilli());
    ObjectNode body = Json.object();
    body.put("access_token", accessToken);
    if (family != null) {
      body.put("refresh_token", family.current);
    }
    body.put("signature", sign(id + issuedAt, secret != null ? secret : clientId));
    body.put("scope", scope);
    body.put("instance_url", baseUrl);
    body.put("id", id);
    body.put("token_type", "Bearer");
    body.put("issued_at", issuedAt);
    return new TokenResponse(200, body);
  }

  /** Handles {@code /services/oauth2/revoke}: revokes an access token, or a refresh token and its access tokens. */
  public TokenResponse revoke(HttpRequest request) {
    Map<String, String> form;
    try {
      form = form(request.bodyText());
      if (request.rawQuery() != null) {
        form(request.rawQuery()).forEach(form::putIfAbsent);
      }
    } catch (IllegalArgumentException e) {
      return error(400, "invalid_request", "malformed form-encoded body");
    }
    String token = form.get("token");
    if (token == null) {
      return error(400, "invalid_request", "token parameter is required");
    }
    Session session = sessions.remove(token);
    if (session != null) {
      session.revoked = true;
      return new TokenResponse(200, Json.object());
    }
    synchronized (this) {
      RefreshFamily family = refreshTokens.get(token);
      if (family != null && !family.revoked) {
        family.revoked = true;
        for (String accessToken : family.accessTokens) {
          Session revoked = sessions.remove(accessToken);
          if (revoked != null) {
            revoked.revoked = true;
          }
        }
        return new TokenResponse(200, Json.object());
      }
    }
    return error(400, "invalid_token", "invalid token");
  }

  // --- helpers ---

  private static String sign(String data, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String @Nullable [] basic(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return null;
      }
      return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
          URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Decodes an {@code application/x-www-form-urlencoded} body. */
  static Map<String, String> form(String body) {
    Map<String, String> values = new LinkedHashMap<>();
    if (body.isBlank()) {
      return values;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      values.putIfAbsent(key, value);
    }
    return values;
  }
}
