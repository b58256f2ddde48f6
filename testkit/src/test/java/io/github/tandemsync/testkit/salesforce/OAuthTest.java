package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Token flows of reference §2: JWT bearer, client credentials, refresh rotation, username-password, revoke, expiry. */
class OAuthTest extends SandboxFixture {
  private static KeyPair keys;
  private static KeyPair otherKeys;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(2026L);
    System.out.println("RSA key seed: 2026");
    generator.initialize(2048, random);
    keys = generator.generateKeyPair();
    otherKeys = generator.generateKeyPair();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String jwt(String alg, String claims, PrivateKey key) throws Exception {
    String signingInput = b64("{\"alg\":\"" + alg + "\"}") + "." + b64(claims);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
  }

  private String claims(String sub, String aud, long exp) {
    return "{\"iss\":\"jwt-app\",\"sub\":\"" + sub + "\",\"aud\":\"" + aud + "\",\"exp\":" + exp + "}";
  }

  private SfHttp.Response jwtGrant(String assertion) {
    return http.form("/services/oauth2/token", "grant_type=" + SfHttp.encode("urn:ietf:params:oauth:grant-type:jwt-bearer")
        + "&assertion=" + assertion);
  }

  private long inSeconds(Duration ahead) {
    return clock.instant().plus(ahead).getEpochSecond();
  }

  @Test
  void jwtBearerIssuesAnAccessTokenWithoutRefreshTokenInTheDocumentedShape() throws Exception {
    sf.registerJwtBearer("jwt-app", keys.getPublic(), Set.of("etl@tests.example"));
    SfHttp.Response response = jwtGrant(jwt("RS256", claims("etl@tests.example", sf.baseUrl(), inSeconds(Duration.ofMinutes(3))),
        keys.getPrivate()));

    assertEquals(200, response.status(), response.body());
    JsonNode body = response.json();
    assertTrue(body.get("access_token").asText().startsWith("00D"));
    assertEquals(sf.baseUrl(), body.get("instance_url").asText());
    assertEquals("Bearer", body.get("token_type").asText());
    assertEquals(Long.toString(START.toEpochMilli()), body.get("issued_at").asText(), "issued_at is epoch millis as a string");
    assertTrue(body.get("issued_at").isTextual());
    assertFalse(body.has("expires_in"), "Salesforce sends no expires_in");
    assertFalse(body.has("refresh_token"), "JWT bearer returns no refresh token");
    assertTrue(body.get("id").asText().startsWith(sf.baseUrl() + "/id/00D"));
    assertTrue(body.has("signature"));

    http.token = body.get("access_token").asText();
    assertEquals(200, http.get("/limits/").status());
  }

  @Test
  void jwtBearerRefusesBadAssertions() throws Exception {
    sf.registerJwtBearer("jwt-app", keys.getPublic(), Set.of("etl@tests.example"));
    long exp = inSeconds(Duration.ofMinutes(2));

    SfHttp.Response wrongKey = jwtGrant(jwt("RS256", claims("etl@tests.example", sf.baseUrl(), exp), otherKeys.getPrivate()));
    assertEquals(400, wrongKey.status());
    assertEquals("invalid_grant", wrongKey.json().get("error").asText());

    SfHttp.Response wrongAudience = jwtGrant(jwt("RS256", claims("etl@tests.example", "https://example.com", exp), keys.getPrivate()));
    assertEquals("audience is invalid", wrongAudience.json().get("error_description").asText());

    SfHttp.Response millis = jwtGrant(jwt("RS256", claims("etl@tests.example", sf.baseUrl(), exp * 1000), keys.getPrivate()));
    assertEquals(400, millis.status(), "exp in milliseconds is far in the future");

    SfHttp.Response expired = jwtGrant(jwt("RS256", claims("etl@tests.example", sf.baseUrl(), inSeconds(Duration.ofMinutes(-1))),
        keys.getPrivate()));
    assertEquals("invalid_grant", expired.json().get("error").asText());

    SfHttp.Response notApproved = jwtGrant(jwt("RS256", claims("someone@tests.example", sf.baseUrl(), exp), keys.getPrivate()));
    assertEquals("user hasn't approved this consumer", notApproved.json().get("error_description").asText());

    SfHttp.Response hs256 = jwtGrant(jwt("HS256", claims("etl@tests.example", sf.baseUrl(), exp), keys.getPrivate()));
    assertEquals("invalid_grant", hs256.json().get("error").asText());

    sf.registerJwtBearer("other-app", keys.getPublic(), Set.of("etl@tests.example"));
    SfHttp.Response unknownIssuer = jwtGrant(jwt("RS256", claims("etl@tests.example", sf.baseUrl(), exp).replace("jwt-app", "nobody"),
        keys.getPrivate()));
    assertEquals("invalid_client_id", unknownIssuer.json().get("error").asText());

    SfHttp.Response loginHost = jwtGrant(jwt("RS256", claims("etl@tests.example", "https://login.salesforce.com", exp), keys.getPrivate()));
    assertEquals(200, loginHost.status(), "the production login host is an accepted audience");
  }

  @Test
  void clientCredentialsAcceptsBasicAuthAndRefusesWrongSecrets() throws Exception {
    String basic = Base64.getEncoder().encodeToString("test-client:test-secret".getBytes(StandardCharsets.UTF_8));
    SfHttp.Response viaBasic = http.send("POST", "/services/oauth2/token", "grant_type=client_credentials",
        Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic));
    assertEquals(200, viaBasic.status(), viaBasic.body());
    assertFalse(viaBasic.json().has("refresh_token"));

    JsonNode body = viaBasic.json();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = Base64.getEncoder().encodeToString(mac.doFinal((body.get("id").asText() + body.get("issued_at").asText())
        .getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, body.get("signature").asText(), "signature = HMAC-SHA256(id + issued_at, consumer secret)");

    SfHttp.Response wrongSecret = http.form("/services/oauth2/token", "grant_type=client_credentials&client_id=test-client&client_secret=x");
    assertEquals(400, wrongSecret.status());
    assertEquals("invalid_client", wrongSecret.json().get("error").asText());
    assertFalse(wrongSecret.body().contains("test-secret"));

    SfHttp.Response unknownClient = http.form("/services/oauth2/token", "grant_type=client_credentials&client_id=nope&client_secret=x");
    assertEquals("invalid_client_id", unknownClient.json().get("error").asText());
  }

  @Test
  void refreshTokensRotateAndReuseRevokesTheWholeGrant() {
    sf.registerRefreshToken("web-app", Optional.of("web-secret"), "rt-initial");
    SfHttp.Response first = refresh("rt-initial");
    assertEquals(200, first.status(), first.body());
    String rotated = first.json().get("refresh_token").asText();
    assertNotEquals("rt-initial", rotated, "every refresh returns a new refresh token");
    String access = first.json().get("access_token").asText();

    SfHttp.Response second = refresh(rotated);
    assertEquals(200, second.status());
    String current = second.json().get("refresh_token").asText();
    String currentAccess = second.json().get("access_token").asText();

    SfHttp.Response replay = refresh("rt-initial");
    assertEquals(400, replay.status());
    assertEquals("invalid_grant", replay.json().get("error").asText());
    assertEquals("expired access/refresh token", replay.json().get("error_description").asText());

    assertEquals(400, refresh(current).status(), "reuse revoked the current refresh token too");
    http.token = currentAccess;
    assertEquals(401, http.get("/limits/").status(), "and every access token of the grant");
    http.token = access;
    assertEquals("INVALID_SESSION_ID", http.get("/limits/").errorCode());
  }

  @Test
  void refreshNeedsTheRegisteredSecret() {
    sf.registerRefreshToken("web-app", Optional.of("web-secret"), "rt-1");
    SfHttp.Response noSecret = http.form("/services/oauth2/token", "grant_type=refresh_token&refresh_token=rt-1&client_id=web-app");
    assertEquals("invalid_client", noSecret.json().get("error").asText());
    sf.registerRefreshToken("public-app", Optional.empty(), "rt-2");
    SfHttp.Response publicClient = http.form("/services/oauth2/token", "grant_type=refresh_token&refresh_token=rt-2&client_id=public-app");
    assertEquals(200, publicClient.status(), publicClient.body());
  }

  @Test
  void concurrentRefreshWithTheSameTokenIsRefusedWhileOneIsProcessing() throws Exception {
    sf.registerRefreshToken("web-app", Optional.of("web-secret"), "rt-concurrent");
    // Latency on the token endpoint keeps the first refresh "in progress" while the second arrives.
    sf.faults(FaultPlan.builder().latency(Duration.ofMillis(400)).includeTokenEndpoint(true).onlyFor(ResourceKind.AUTH).build());
    CompletableFuture<SfHttp.Response> one = CompletableFuture.supplyAsync(() -> refresh("rt-concurrent"));
    Thread.sleep(100);
    CompletableFuture<SfHttp.Response> two = CompletableFuture.supplyAsync(() -> refresh("rt-concurrent"));
    List<SfHttp.Response> responses = List.of(one.get(), two.get());

    assertEquals(200, responses.get(0).status(), responses.get(0).body());
    assertEquals(400, responses.get(1).status());
    assertEquals("invalid_grant", responses.get(1).json().get("error").asText());
    assertEquals("Token request is already being processed", responses.get(1).json().get("error_description").asText());
    sf.faults(FaultPlan.none());
    assertEquals(200, refresh(responses.get(0).json().get("refresh_token").asText()).status(),
        "the refused concurrent request did not invalidate the grant");
  }

  private SfHttp.Response refresh(String token) {
    return http.form("/services/oauth2/token", "grant_type=refresh_token&refresh_token=" + token
        + "&client_id=web-app&client_secret=web-secret");
  }

  @Test
  void usernamePasswordIsBlockedUnlessEnabled() {
    sf.registerPassword("legacy@tests.example", "pw", "TOKEN");
    SfHttp.Response blocked = http.form("/services/oauth2/token",
        "grant_type=password&client_id=c&client_secret=s&username=legacy@tests.example&password=pwTOKEN");
    assertEquals(400, blocked.status());
    assertEquals("invalid_grant", blocked.json().get("error").asText());

    try (SalesforceSandbox legacy = SalesforceSandbox.builder().clock(clock).allowUsernamePassword(true).build().start()) {
      legacy.registerPassword("legacy@tests.example", "pw", "TOKEN");
      SfHttp other = new SfHttp(legacy);
      assertEquals(200, other.form("/services/oauth2/token",
          "grant_type=password&client_id=c&client_secret=s&username=legacy@tests.example&password=pwTOKEN").status());
      assertEquals(400, other.form("/services/oauth2/token",
          "grant_type=password&client_id=c&client_secret=s&username=legacy@tests.example&password=pw").status(),
          "the security token is appended to the password");
    }
  }

  @Test
  void sessionsExpireAfterInactivityAndOnDemand() {
    sf.sessionTimeout(Duration.ofMinutes(30));
    clock.advance(Duration.ofMinutes(20));
    assertEquals(200, http.get("/limits/").status());
    clock.advance(Duration.ofMinutes(20));
    assertEquals(200, http.get("/limits/").status(), "activity extended the session");
    clock.advance(Duration.ofMinutes(31));
    SfHttp.Response expired = http.get("/limits/");
    assertEquals(401, expired.status());
    assertEquals("INVALID_SESSION_ID", expired.errorCode());
    assertEquals("Session expired or invalid", expired.message());

    http = SfHttp.login(sf);
    sf.expireAllSessions();
    assertEquals(401, http.get("/limits/").status());
  }

  @Test
  void revokeEndsAnAccessToken() {
    assertEquals(200, http.form("/services/oauth2/revoke", "token=" + SfHttp.encode(http.token)).status());
    assertEquals(401, http.get("/limits/").status());
    assertEquals(400, http.form("/services/oauth2/revoke", "token=unknown").status());
  }

  @Test
  void missingOrMalformedBearerIs401AndNotCounted() {
    long before = sf.usage().total();
    SfHttp.Response none = http.send("GET", http.data("/limits/"), "", Map.of("Authorization", "Bearer nope"));
    assertEquals(401, none.status());
    assertEquals("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]", none.body());
    assertEquals(before, sf.usage().total());
    assertEquals(0, sf.usage().counted(ResourceKind.AUTH));
  }
}
