package io.github.tandemsync.salesforce.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.salesforce.ApiBudget;
import io.github.tandemsync.salesforce.RefreshTokenStore;
import io.github.tandemsync.salesforce.SalesforceAuth;
import io.github.tandemsync.salesforce.SalesforceConnector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthUnitTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  @Test
  void jwtAssertionIsRs256WithSecondsExpiryAFewMinutesAhead() throws Exception {
    KeyPair keys = rsa();
    SalesforceAuth.JwtBearer jwt = SalesforceAuth.jwtBearer("consumer-key", "integration@acme.example", keys.getPrivate());
    TokenService tokens = new TokenService(jwt, URI.create("https://login.salesforce.com"), HttpClient.newHttpClient(), Duration.ofSeconds(5),
        new ApiMeter(ApiBudget.unlimited(), Clock.fixed(NOW, ZoneOffset.UTC)), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(1));
    String[] parts = tokens.assertion(jwt).split("\\.");
    assertEquals(3, parts.length);
    Base64.Decoder d = Base64.getUrlDecoder();
    assertEquals("{\"alg\":\"RS256\"}", new String(d.decode(parts[0]), StandardCharsets.UTF_8));
    JsonNode claims = Json.parse(new String(d.decode(parts[1]), StandardCharsets.UTF_8));
    assertEquals("consumer-key", claims.path("iss").asText());
    assertEquals("integration@acme.example", claims.path("sub").asText());
    assertEquals("https://login.salesforce.com", claims.path("aud").asText());
    long exp = claims.path("exp").asLong();
    assertEquals(NOW.getEpochSecond() + 180, exp, "exp is in seconds, three minutes ahead");
    Signature verify = Signature.getInstance("SHA256withRSA");
    verify.initVerify(keys.getPublic());
    verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(verify.verify(d.decode(parts[2])));
  }

  @Test
  void sandboxMyDomainUsesTestAudience() throws Exception {
    SalesforceAuth.JwtBearer jwt = SalesforceAuth.jwtBearer("k", "u@x", rsa().getPrivate());
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    TokenService tokens = new TokenService(jwt, URI.create("https://acme--uat.sandbox.my.salesforce.com"), HttpClient.newHttpClient(),
        Duration.ofSeconds(5), new ApiMeter(ApiBudget.unlimited(), clock), clock, Duration.ofMillis(1));
    String payload = tokens.assertion(jwt).split("\\.")[1];
    assertEquals("https://test.salesforce.com",
        Json.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).path("aud").asText());
  }

  @Test
  void readsPkcs8PemAndRejectsOtherFormatsWithoutQuotingThem() throws Exception {
    KeyPair keys = rsa();
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    assertEquals(keys.getPrivate(), SalesforceAuth.privateKeyFromPem(pem));
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> SalesforceAuth.privateKeyFromPem("-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----"));
    assertFalse(e.getMessage().contains("c2VjcmV0"));
    assertThrows(ConfigurationException.class, () -> SalesforceAuth.privateKeyFromPem("-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----"));
  }

  @Test
  void noSecretInToString() throws Exception {
    KeyPair keys = rsa();
    String encodedKey = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()).substring(0, 40);
    String all = String.join("|",
        SalesforceAuth.jwtBearer("ck", "user@x", keys.getPrivate()).toString(),
        SalesforceAuth.clientCredentials("ck", "S3CRET-client").toString(),
        SalesforceAuth.refreshToken("ck", Optional.of("S3CRET-client"), RefreshTokenStore.inMemory("S3CRET-refresh")).toString(),
        SalesforceAuth.legacyUsernamePassword("ck", "S3CRET-client", "user@x", "S3CRET-password").toString(),
        RefreshTokenStore.inMemory("S3CRET-refresh").toString(),
        new AccessToken("00D!S3CRET-access", URI.create("https://x.my.salesforce.com"), NOW).toString(),
        SalesforceConnector.builder().loginUrl(URI.create("https://acme.my.salesforce.com"))
            .auth(SalesforceAuth.clientCredentials("ck", "S3CRET-client")).build().toString());
    assertFalse(all.contains("S3CRET"), all);
    assertFalse(all.contains(encodedKey), all);
    assertTrue(all.contains("****"));
  }

  @Test
  void rejectsPlainHttpExceptLoopbackAndGenericHostsForClientCredentials() {
    SalesforceAuth cc = SalesforceAuth.clientCredentials("ck", "secret");
    assertThrows(ConfigurationException.class,
        () -> SalesforceConnector.builder().loginUrl(URI.create("http://acme.my.salesforce.com")).auth(cc).build());
    assertThrows(ConfigurationException.class,
        () -> SalesforceConnector.builder().loginUrl(URI.create("https://login.salesforce.com")).auth(cc).build());
    SalesforceConnector.builder().loginUrl(URI.create("http://127.0.0.1:8080")).auth(cc).build();
    SalesforceConnector.builder().loginUrl(URI.create("http://localhost:8080")).auth(cc).build();
    assertThrows(ConfigurationException.class, () -> Urls.requireSecure(URI.create("http://evil.example"), "instance_url"));
    assertThrows(ConfigurationException.class, () -> SalesforceConnector.builder().apiVersion("66"));
  }
}
