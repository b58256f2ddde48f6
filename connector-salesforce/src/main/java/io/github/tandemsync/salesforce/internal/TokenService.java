package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.TandemException;
import io.github.tandemsync.salesforce.AuthenticationException;
import io.github.tandemsync.salesforce.SalesforceAuth;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Obtains and caches access tokens. One token request is in flight per credential at a time:
 * concurrent callers wait for its result (Salesforce refuses parallel refreshes of one refresh
 * token, and rotation makes a second refresh with the old token revoke everything).
 */
final class TokenService {
  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
  /** The JWT must expire within a few minutes; Salesforce documents three. */
  static final Duration JWT_LIFETIME = Duration.ofMinutes(3);
  private static final int MAX_ATTEMPTS = 3;

  private final SalesforceAuth auth;
  private final URI loginUrl;
  private final HttpClient http;
  private final Duration timeout;
  private final ApiMeter meter;
  private final Clock clock;
  private final Duration retryBackoff;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile @Nullable AccessToken current;
  /** The newest refresh token we hold; after a rotation it is the only one we ever present. */
  private @Nullable String latestRefreshToken;

  TokenService(SalesforceAuth auth, URI loginUrl, HttpClient http, Duration timeout, ApiMeter meter, Clock clock,
      Duration retryBackoff) {
    this.auth = auth;
    this.loginUrl = Urls.requireSecure(loginUrl, "salesforce.loginUrl");
    this.http = http;
    this.timeout = timeout;
    this.meter = meter;
    this.clock = clock;
    this.retryBackoff = retryBackoff;
    if (auth instanceof SalesforceAuth.ClientCredentials && isGenericLoginHost(loginUrl)) {
      throw new ConfigurationException("the client-credentials flow needs the org's My Domain login URL "
          + "(https://<MyDomain>.my.salesforce.com); " + loginUrl.getHost() + " does not support it");
    }
  }

  static boolean isGenericLoginHost(URI url) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    return host.equals("login.salesforce.com") || host.equals("test.salesforce.com");
  }

  /** The cached token, obtaining one first when there is none. */
  AccessToken current() {
    AccessToken token = current;
    if (token != null) {
      return token;
    }
    lock.lock();
    try {
      if (current == null) {
        current = obtain();
      }
      return current;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Replaces {@code stale}, which Salesforce just refused. When another thread already replaced it,
   * returns that newer token without a second token request.
   */
  AccessToken renew(AccessToken stale) {
    lock.lock();
    try {
      AccessToken now = current;
      if (now != null && now != stale) {
        return now;
      }
      current = null;
      current = obtain();
      return current;
    } finally {
      lock.unlock();
    }
  }

  /** Forgets the cached token (for example on close). */
  void clear() {
    current = null;
  }

  private AccessToken obtain() {
    Map<String, String> form = form();
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    URI tokenUrl = URI.create(Urls.base(loginUrl) + "/services/oauth2/token");
    boolean replayable = !(auth instanceof SalesforceAuth.RefreshToken);
    HttpResponse<String> response = null;
    for (int attempt = 1; response == null; attempt++) {
      HttpRequest request = HttpRequest.newBuilder(tokenUrl)
          .timeout(timeout)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
      try {
        meter.recordUnmetered("auth");
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 500 && attempt < MAX_ATTEMPTS) {
          LOG.warn("Salesforce token endpoint answered {}; retrying", r.statusCode());
          pause(attempt);
          continue;
        }
        response = r;
      } catch (ConnectException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new RetryableException("cannot reach the Salesforce token endpoint " + tokenUrl.getHost() + ": " + e.getClass().getSimpleName());
        }
        pause(attempt);
      } catch (IOException e) {
        // A lost refresh response may have rotated the token: presenting it again could revoke it.
        if (!replayable || attempt >= MAX_ATTEMPTS) {
          throw new RetryableException("the Salesforce token request to " + tokenUrl.getHost() + " failed: " + e.getClass().getSimpleName());
        }
        pause(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RetryableException("interrupted while authenticating with Salesforce");
      }
    }
    JsonNode json = Json.parse(response.body());
    if (response.statusCode() != 200) {
      ApiError error = ApiError.fromNode(json.isObject() ? json : Json.object());
      if (response.statusCode() >= 500 || error.message().contains("already being processed")) {
        throw new RetryableException("Salesforce token endpoint answered " + response.statusCode() + " " + error.code() + ": " + error.message());
      }
      throw new AuthenticationException("Salesforce refused the " + flowName() + " credentials (HTTP " + response.statusCode()
          + " " + error.code() + ": " + error.message() + ")");
    }
    String accessToken = Json.text(json, "access_token")
        .orElseThrow(() -> new AuthenticationException("the Salesforce token response carries no access_token"));
    String instance = Json.text(json, "instance_url")
        .orElseThrow(() -> new AuthenticationException("the Salesforce token response carries no instance_url"));
    URI instanceUrl = Urls.requireSecure(URI.create(instance), "instance_url from the token response");
    if (auth instanceof SalesforceAuth.RefreshToken rt) {
      String rotated = Json.text(json, "refresh_token").orElse(null);
      if (rotated != null && !rotated.equals(latestRefreshToken)) {
        // Rotation: persist before the new access token is used, and never present the old one again.
        latestRefreshToken = rotated;
        try {
          rt.store().save(rotated);
        } catch (RuntimeException e) {
          throw new AuthenticationException("the rotated Salesforce refresh token could not be saved ("
              + e.getClass().getSimpleName() + "); not using the new access token");
        }
        LOG.info("Salesforce rotated the refresh token; the new one is saved");
      }
    }
    LOG.debug("obtained a Salesforce access token ({} flow) for {}", flowName(), instanceUrl.getHost());
    return new AccessToken(accessToken, instanceUrl, clock.instant());
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(retryBackoff.toMillis() * (1L << Math.min(attempt - 1, 6)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableException("interrupted while authenticating with Salesforce");
    }
  }

  private String flowName() {
    if (auth instanceof SalesforceAuth.JwtBearer) {
      return "JWT bearer";
    } else if (auth instanceof SalesforceAuth.ClientCredentials) {
      return "client-credentials";
    } else if (auth instanceof SalesforceAuth.RefreshToken) {
      return "refresh-token";
    }
    return "username-password";
  }

  private Map<String, String> form() {
    Map<String, String> form = new LinkedHashMap<>();
    if (auth instanceof SalesforceAuth.JwtBearer jwt) {
      form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
      form.put("assertion", assertion(jwt));
    } else if (auth instanceof SalesforceAuth.ClientCredentials cc) {
      form.put("grant_type", "client_credentials");
      form.put("client_id", cc.clientId());
      form.put("client_secret", cc.clientSecret());
    } else if (auth instanceof SalesforceAuth.RefreshToken rt) {
      if (latestRefreshToken == null) {
        latestRefreshToken = loadRefreshToken(rt);
      }
      form.put("grant_type", "refresh_token");
      form.put("refresh_token", latestRefreshToken);
      form.put("client_id", rt.clientId());
      rt.clientSecret().ifPresent(s -> form.put("client_secret", s));
    } else if (auth instanceof SalesforceAuth.UsernamePassword up) {
      form.put("grant_type", "password");
      form.put("client_id", up.clientId());
      form.put("client_secret", up.clientSecret());
      form.put("username", up.username());
      form.put("password", up.password());
    }
    return form;
  }

  private static String loadRefreshToken(SalesforceAuth.RefreshToken rt) {
    String token;
    try {
      token = rt.store().load();
    } catch (TandemException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new AuthenticationException("the Salesforce refresh token could not be loaded (" + e.getClass().getSimpleName() + ")");
    }
    if (token == null || token.isBlank()) {
      throw new ConfigurationException("the RefreshTokenStore holds no Salesforce refresh token");
    }
    return token;
  }

  /** A signed RS256 JWT with iss/sub/aud/exp (seconds). */
  String assertion(SalesforceAuth.JwtBearer jwt) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
    var claims = Json.object()
        .put("iss", jwt.clientId())
        .put("sub", jwt.username())
        .put("aud", jwt.audience().map(URI::toString).orElseGet(this::defaultAudience))
        .put("exp", clock.instant().plus(JWT_LIFETIME).getEpochSecond());
    String payload = b64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    String signingInput = header + "." + payload;
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(jwt.privateKey());
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + b64.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException("cannot sign the Salesforce JWT assertion with the configured key (" + e.getClass().getSimpleName() + ")");
    }
  }

  private String defaultAudience() {
    String host = loginUrl.getHost().toLowerCase(Locale.ROOT);
    if (isGenericLoginHost(loginUrl) || Urls.isLoopback(loginUrl)) {
      return Urls.base(loginUrl);
    }
    return host.contains(".sandbox.my.salesforce.com") ? "https://test.salesforce.com" : "https://login.salesforce.com";
  }

  Instant now() {
    return clock.instant();
  }
}
