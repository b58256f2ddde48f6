package io.github.tandemsync.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.testkit.salesforce.ApiCall;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AuthAndSecurityTest {

  /** Records rotations, and what the sandbox had seen when each was saved. */
  static final class RecordingStore implements RefreshTokenStore {
    final List<String> saved = new CopyOnWriteArrayList<>();
    final List<Integer> callsSeenAtSave = new CopyOnWriteArrayList<>();
    private volatile String current;
    private final SandboxFixture f;

    RecordingStore(String initial, SandboxFixture f) {
      this.current = initial;
      this.f = f;
    }

    @Override
    public String load() {
      return current;
    }

    @Override
    public void save(String rotated) {
      callsSeenAtSave.add(f.sandbox.usage().calls().size());
      saved.add(rotated);
      current = rotated;
    }
  }

  private static long tokenRequests(SandboxFixture f) {
    return f.sandbox.usage().calls(c -> c.kind() == ResourceKind.AUTH && c.path().contains("/oauth2/token")).size();
  }

  @Test
  void expiredTokenMidRunReauthenticatesOnceAndLosesNothing() {
    try (SandboxFixture f = new SandboxFixture(401L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT));
      long before = tokenRequests(f);
      c.writer(EntityTypes.ACCOUNT).orElseThrow().write(WritingTest.creates(150));
      f.sandbox.expireAllSessions();
      List<WriteOutcome<Account>> out = c.writer(EntityTypes.ACCOUNT).orElseThrow().write(
          java.util.stream.IntStream.range(150, 300).mapToObj(i -> WriteRequest.create(WritingTest.account(i), "a" + i)).toList());
      assertTrue(out.stream().allMatch(WriteOutcome::isSuccess));
      f.sandbox.expireAllSessions();
      f.clock.advance(Duration.ofSeconds(5));
      List<Object> read = new ArrayList<>();
      Watermark w = Watermark.initial();
      ChangePage<Account> page;
      do {
        page = c.reader(EntityTypes.ACCOUNT).orElseThrow().read(w, 1_000);
        read.addAll(page.changes());
        w = page.next();
      } while (page.hasMore());
      assertEquals(300, read.size());
      assertEquals(300, f.sandbox.data().list("Account").size());
      assertEquals(2, tokenRequests(f) - before, "exactly one re-authentication per expiry");
    }
  }

  @Test
  void concurrentRefreshesShareOneTokenRequestAndRotationIsSavedBeforeUse() throws Exception {
    try (SandboxFixture f = new SandboxFixture(1_729L)) {
      f.sandbox.registerRefreshToken("web-app", Optional.of("web-S3CRET"), "rt-S3CRET-initial");
      RecordingStore store = new RecordingStore("rt-S3CRET-initial", f);
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT)
          .auth(SalesforceAuth.refreshToken("web-app", Optional.of("web-S3CRET"), store)));
      assertEquals(1, tokenRequests(f));
      f.sandbox.expireAllSessions();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<WriteOutcome<Account>>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int base = t * 10;
        futures.add(pool.submit(() -> {
          go.await();
          return c.writer(EntityTypes.ACCOUNT).orElseThrow().write(java.util.stream.IntStream.range(base, base + 10)
              .mapToObj(i -> WriteRequest.create(WritingTest.account(i), "r" + i)).toList());
        }));
      }
      go.countDown();
      for (Future<List<WriteOutcome<Account>>> fu : futures) {
        assertTrue(fu.get(30, TimeUnit.SECONDS).stream().allMatch(WriteOutcome::isSuccess));
      }
      pool.shutdown();
      assertEquals(2, tokenRequests(f), "one refresh for eight threads");
      assertEquals(80, f.sandbox.data().list("Account").size());
      if (!store.saved.isEmpty()) {
        // The rotated token was saved before any API call used the new access token.
        int seen = store.callsSeenAtSave.get(store.saved.size() - 1);
        List<ApiCall> calls = f.sandbox.usage().calls();
        int refresh = -1;
        for (int i = 0; i < calls.size(); i++) {
          if (calls.get(i).kind() == ResourceKind.AUTH) {
            refresh = i;
          }
        }
        assertTrue(refresh >= 0 && refresh < seen, "the refresh response had arrived before the save");
        assertTrue(calls.subList(refresh + 1, seen).stream().noneMatch(x -> x.status() == 200 && x.counted()),
            "no successful API call with the new token before the rotation was saved");
        assertFalse(store.saved.contains("rt-S3CRET-initial"));
      }
    }
  }

  @Test
  void aSecondUnauthorizedRightAfterReauthenticatingIsPermanent() {
    try (SandboxFixture f = new SandboxFixture(4_011L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT));
      // Sessions now die before any request can use them: re-authenticating once cannot help.
      f.sandbox.sessionTimeout(Duration.ofSeconds(1));
      f.clock.autoTick(Duration.ofSeconds(5));
      long before = tokenRequests(f);
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> c.writer(EntityTypes.ACCOUNT).orElseThrow().write(WritingTest.creates(1)));
      f.clock.autoTick(Duration.ZERO);
      assertTrue(e.getMessage().contains("INVALID_SESSION_ID"), e.getMessage());
      assertEquals(1, tokenRequests(f) - before, "one re-authentication, no loop");
      assertEquals(0, f.sandbox.data().list("Account").size());
    }
  }

  @Test
  void jwtBearerAuthenticatesAgainstTheSandbox() throws Exception {
    try (SandboxFixture f = new SandboxFixture(256L)) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      KeyPair keys = g.generateKeyPair();
      f.sandbox.registerJwtBearer("jwt-app", keys.getPublic(), Set.of("jwt-user@acme.example"));
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT)
          .auth(SalesforceAuth.jwtBearer("jwt-app", "jwt-user@acme.example", keys.getPrivate())));
      assertTrue(c.writer(EntityTypes.ACCOUNT).orElseThrow().write(WritingTest.creates(3)).stream().allMatch(WriteOutcome::isSuccess));
      KeyPair other = g.generateKeyPair();
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> f.started(f.connector()
          .entities(EntityTypes.ACCOUNT).auth(SalesforceAuth.jwtBearer("jwt-app", "jwt-user@acme.example", other.getPrivate()))));
      assertTrue(e.getMessage().contains("invalid_grant") || e.getMessage().contains("invalid"), e.getMessage());
    }
  }

  @Test
  void wrongSecretIsAPermanentAuthenticationErrorWithoutTheSecret() {
    try (SandboxFixture f = new SandboxFixture(403L)) {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> f.started(f.connector()
          .auth(SalesforceAuth.clientCredentials(SandboxFixture.CLIENT_ID, "wrong-S3CRET"))));
      assertFalse(e.getMessage().contains("S3CRET"), e.getMessage());
    }
  }

  @Test
  void everyRequestCarriesTheOriginTag() {
    try (SandboxFixture f = new SandboxFixture(5L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT));
      c.writer(EntityTypes.ACCOUNT).orElseThrow().write(WritingTest.creates(3));
      List<ApiCall> api = f.sandbox.usage().calls(x -> x.counted());
      assertFalse(api.isEmpty());
      assertTrue(api.stream().allMatch(x -> x.client().equals(Optional.of(SandboxFixture.ORIGIN))), api.toString());
    }
  }

  @Test
  void noSecretEverReachesTheLog() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> secrets = new ArrayList<>(List.of(SandboxFixture.CLIENT_SECRET, "web-S3CRET", "rt-S3CRET-initial"));
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (SandboxFixture f = new SandboxFixture(1_234L)) {
      f.sandbox.registerRefreshToken("web-app", Optional.of("web-S3CRET"), "rt-S3CRET-initial");
      RecordingStore store = new RecordingStore("rt-S3CRET-initial", f);
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT)
          .auth(SalesforceAuth.refreshToken("web-app", Optional.of("web-S3CRET"), store)));
      c.writer(EntityTypes.ACCOUNT).orElseThrow().write(WritingTest.creates(5));
      f.sandbox.expireAllSessions();
      c.writer(EntityTypes.ACCOUNT).orElseThrow().write(WritingTest.creates(5));
      f.sandbox.faults(io.github.tandemsync.testkit.salesforce.FaultPlan.builder().seed(3).serverUnavailableRate(0.3).build());
      c.writer(EntityTypes.ACCOUNT).orElseThrow().write(WritingTest.creates(5));
      f.sandbox.faults(io.github.tandemsync.testkit.salesforce.FaultPlan.none());
      c.health();
      assertThrows(AuthenticationException.class, () -> f.started(f.connector()
          .auth(SalesforceAuth.clientCredentials(SandboxFixture.CLIENT_ID, "wrong-S3CRET-2"))));
      secrets.addAll(store.saved);
      secrets.add("wrong-S3CRET-2");
      String text = captured.toString(StandardCharsets.UTF_8) + c + c.apiUsage();
      assertTrue(text.contains("Salesforce"), "the log was captured");
      for (String s : secrets) {
        assertFalse(text.contains(s), "secret in log: " + s);
      }
      assertFalse(text.contains("Bearer "), "no authorization header in the log");
      assertFalse(text.contains(Base64.getEncoder().encodeToString("x".getBytes(StandardCharsets.UTF_8)) + "=="));
    } finally {
      System.setErr(original);
    }
    Collections.emptyList();
    Map.of();
  }
}
