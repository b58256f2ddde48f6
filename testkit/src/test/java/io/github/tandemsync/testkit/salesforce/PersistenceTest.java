package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.core.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code persistTo}, {@code checkpoint()} and restore on {@code start()}: "run it again and it continues from there". */
class PersistenceTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Map<String, String> CLIENT_TANDEM = Map.of("Sforce-Call-Options", "client=tandem-1");

  @TempDir
  Path dir;

  TestClock clock;
  Path file;

  @BeforeEach
  void setUp() {
    clock = new TestClock(START);
    file = dir.resolve("state").resolve("salesforce-org.json");
  }

  private SalesforceSandbox.Builder builder(Path metadata) {
    return SalesforceSandbox.builder().seed(42).clock(clock).sessionTimeout(Duration.ofDays(365)).deployMetadata(metadata).persistTo(file);
  }

  private SalesforceSandbox.Builder builder() {
    return builder(SandboxFixture.metadata());
  }

  // ---------------------------------------------------------------------------------------------

  /** Everything a client can observe about the org, compared before the restart and after. */
  private record Observed(Map<String, JsonNode> queries, Map<String, JsonNode> replication, Map<String, List<SandboxRecord>> records) {}

  private static final List<String> TYPES = List.of("User", "Account", "Pricebook2", "Invoice__c", "Invoice_Line__c");

  private static Observed observe(SalesforceSandbox sf, SfHttp http) {
    Map<String, JsonNode> queries = new java.util.LinkedHashMap<>();
    queries.put("accounts", records(http.query("SELECT Id, Name, ERP_Id__c, Code__c, Credit_Limit__c, Notes__c, On_Stop__c, Price_Band__c, "
        + "CreatedDate, CreatedById, LastModifiedDate, LastModifiedById, SystemModstamp FROM Account ORDER BY Id")));
    queries.put("accountsAll", records(http.queryAll("SELECT Id, Name, IsDeleted, SystemModstamp FROM Account ORDER BY Id")));
    queries.put("invoicesAll", records(http.queryAll("SELECT Id, Name, Amount__c, Paid__c, Invoice_Date__c, Sent_At__c, Contact_Email__c, "
        + "Account__r.ERP_Id__c, IsDeleted, SystemModstamp, LastModifiedById FROM Invoice__c ORDER BY Name")));
    queries.put("linesAll", records(http.queryAll("SELECT Id, Name, Quantity__c, Discount__c, Invoice__c, IsDeleted, SystemModstamp "
        + "FROM Invoice_Line__c ORDER BY Id")));
    queries.put("invoicesWithLines", records(http.query("SELECT Name, (SELECT Quantity__c FROM Lines__r ORDER BY Id) "
        + "FROM Invoice__c ORDER BY Name")));
    Map<String, JsonNode> replication = new java.util.LinkedHashMap<>();
    for (String type : List.of("Account", "Invoice__c", "Invoice_Line__c")) {
      SfHttp.Response deleted = http.get("/sobjects/" + type + "/deleted/?start=" + SfHttp.encode("2026-03-02T09:00:00Z") + "&end="
          + SfHttp.encode("2026-03-02T11:00:00Z"));
      assertEquals(200, deleted.status(), deleted.body());
      replication.put("deleted " + type, deleted.json());
      SfHttp.Response updated = http.get("/sobjects/" + type + "/updated/?start=" + SfHttp.encode("2026-03-02T09:00:00Z") + "&end="
          + SfHttp.encode("2026-03-02T11:00:00Z"));
      assertEquals(200, updated.status(), updated.body());
      replication.put("updated " + type, updated.json());
    }
    Map<String, List<SandboxRecord>> records = new java.util.LinkedHashMap<>();
    TYPES.forEach(type -> records.put(type, sf.data().listIncludingDeleted(type)));
    return new Observed(queries, replication, records);
  }

  private static JsonNode records(SfHttp.Response response) {
    assertEquals(200, response.status(), response.body());
    assertTrue(response.json().get("done").asBoolean());
    return response.json().get("records");
  }

  private static SfHttp.Response refresh(SfHttp http, String token) {
    return http.form("/services/oauth2/token", "grant_type=refresh_token&refresh_token=" + SfHttp.encode(token)
        + "&client_id=web-app&client_secret=web-secret");
  }

  private static long apiUsage(SfHttp.Response response) {
    String header = response.header("Sforce-Limit-Info").orElseThrow();
    return Long.parseLong(header.substring("api-usage=".length(), header.indexOf('/')));
  }

  @Test
  void aRestartedSandboxContinuesWhereTheSavedOrgStopped() {
    Observed before;
    Set<String> idsBefore = new HashSet<>();
    String rotatedTwice;
    String accountViaApi;
    String oldAccessToken;
    long usageBefore;
    String pricebook;
    try (SalesforceSandbox sf = builder().build().start()) {
      assertFalse(sf.restored(), "no file yet: a fresh org");
      SfHttp http = SfHttp.login(sf);
      oldAccessToken = http.token;
      pricebook = sf.data().standardPricebookId();

      // Records through the API (with a client for echo suppression) and as UI edits, every value kind.
      accountViaApi = createWith(http, "Account", SfHttp.object("Name", "Acme", "ERP_Id__c", "C-ACME01", "Credit_Limit__c", 1250.5,
          "On_Stop__c", true, "Price_Band__c", "B", "Notes__c", "long\ntext"));
      String beta = sf.data().insert("Account", Map.of("Name", "Beta", "ERP_Id__c", "C-BETA01", "Code__c", "beta"));
      String gamma = sf.data().insert("Account", Map.of("Name", "Gamma", "ERP_Id__c", "C-GAMMA1"));
      clock.advance(Duration.ofMinutes(3));
      String invoice1 = createWith(http, "Invoice__c", SfHttp.object("Amount__c", new BigDecimal("12.50"), "Account__c", accountViaApi,
          "Invoice_Date__c", "2026-02-27", "Sent_At__c", "2026-02-27T16:05:09.123Z", "Paid__c", false, "Contact_Email__c",
          "ap@acme.example", "ERP_Id__c", "SIN000001"));
      String invoice2 = sf.data().insert("Invoice__c", Map.of("Amount__c", new BigDecimal("99"), "Account__c", beta, "ERP_Id__c",
          "SIN000002"));
      String line1 = sf.data().insert("Invoice_Line__c", Map.of("Invoice__c", invoice1, "Quantity__c", new BigDecimal("2.500"),
          "Discount__c", new BigDecimal("5")));
      sf.data().insert("Invoice_Line__c", Map.of("Invoice__c", invoice2, "Quantity__c", 1));
      sf.data().insert("Invoice_Line__c", Map.of("Invoice__c", invoice2, "Quantity__c", 3));
      clock.advance(Duration.ofMinutes(3));
      http.patch("/sobjects/Invoice_Line__c/" + line1, SfHttp.object("Quantity__c", 4), CLIENT_TANDEM);

      // Deletes: UI deletes and an API delete that cascades to the invoice's lines.
      sf.data().delete(gamma);
      clock.advance(Duration.ofMinutes(2));
      assertEquals(204, http.send("DELETE", http.data("/sobjects/Invoice__c/" + invoice2), "", CLIENT_TANDEM).status());
      sf.data().delete(sf.data().insert("Account", Map.of("Name", "Short-lived")));
      clock.advance(Duration.ofMinutes(2));

      // A refresh token rotated twice: rt-initial -> first -> second.
      sf.registerRefreshToken("web-app", Optional.of("web-secret"), "rt-initial");
      SfHttp.Response first = refresh(http, "rt-initial");
      assertEquals(200, first.status(), first.body());
      SfHttp.Response second = refresh(http, first.json().get("refresh_token").asText());
      assertEquals(200, second.status(), second.body());
      rotatedTwice = second.json().get("refresh_token").asText();

      before = observe(sf, http);
      before.records().values().forEach(list -> list.forEach(r -> idsBefore.add(r.id())));
      assertTrue(before.queries().get("linesAll").toString().contains("\"IsDeleted\":true"), "cascaded lines are in the recycle bin");
      sf.checkpoint();
      assertTrue(Files.exists(file));

      // A change after the checkpoint: close() saves it too.
      clock.advance(Duration.ofMinutes(1));
      sf.data().update(beta, Map.of("Code__c", "beta-2"));
      assertEquals("beta-2", http.get("/sobjects/Account/" + beta).json().get("Code__c").asText());
      before = observe(sf, http);
      usageBefore = apiUsage(http.get("/limits/"));
    }
    assertPosixOwnerOnly(file);

    // Rerun: same code, same seed. Registering again before start() is harmless.
    try (SalesforceSandbox sf = builder().build()) {
      sf.registerRefreshToken("web-app", Optional.of("web-secret"), "rt-initial");
      sf.registerClientCredentials("late-app", "late-secret", "late@tests.example");
      sf.start();
      assertTrue(sf.restored());
      assertEquals(pricebook, sf.data().standardPricebookId());

      SfHttp stale = new SfHttp(sf);
      stale.token = oldAccessToken;
      assertEquals(401, stale.get("/limits/").status(), "access tokens are not saved: clients re-authenticate");

      SfHttp http = SfHttp.login(sf);
      SfHttp.Response firstCall = http.get("/sobjects/Account/" + accountViaApi);
      assertEquals(usageBefore + 1, apiUsage(firstCall), "the rolling API usage window continues");
      assertEquals(Optional.of("tandem-1"), sf.data().find(accountViaApi).orElseThrow().lastWriterClient());

      Observed after = observe(sf, http);
      assertEquals(before.queries(), after.queries(), "query and queryAll return the same rows, SystemModstamp included");
      assertEquals(before.replication(), after.replication(), "getDeleted and getUpdated report the same");
      Map<String, List<SandboxRecord>> restoredRecords = new java.util.LinkedHashMap<>(after.records());
      restoredRecords.put("User", restoredRecords.get("User").stream()
          .filter(user -> !user.string("Username").orElseThrow().equals("late@tests.example")).toList());
      assertTrue(before.records().equals(restoredRecords), "every record with every value, audit field and last writer; "
          + "only the run-as user of the app registered before start() is new");

      // New records get fresh ids and the next auto number.
      String newAccount = sf.data().insert("Account", Map.of("Name", "Delta"));
      String newInvoice = http.create("Invoice__c", SfHttp.object("Amount__c", 1, "Account__c", newAccount));
      String newLine = sf.data().insert("Invoice_Line__c", Map.of("Invoice__c", newInvoice, "Quantity__c", 1));
      for (String id : List.of(newAccount, newInvoice, newLine)) {
        assertFalse(idsBefore.contains(id), id + " collides with a restored id");
      }
      assertEquals("INV-00003", sf.data().find(newInvoice).orElseThrow().string("Name").orElseThrow(),
          "auto numbers continue after INV-00001 and INV-00002");
      assertEquals(1, sf.data().list("Pricebook2").size(), "still exactly one standard price book");

      // The rotated token still works; the invalidated one (re-registered before start) still revokes the grant.
      SfHttp.Response third = refresh(http, rotatedTwice);
      assertEquals(200, third.status(), third.body());
      String current = third.json().get("refresh_token").asText();
      assertNotEquals(rotatedTwice, current);
      SfHttp.Response replay = refresh(http, "rt-initial");
      assertEquals(400, replay.status());
      assertEquals("invalid_grant", replay.json().get("error").asText());
      assertEquals(400, refresh(http, current).status(), "reusing a rotated token revoked the current one");

      // A registration made before start() was applied on top of the restored org.
      SfHttp.Response late = http.form("/services/oauth2/token", "grant_type=client_credentials&client_id=late-app&client_secret=late-secret");
      assertEquals(200, late.status(), late.body());
    }
  }

  @Test
  void credentialsOfEveryFlowSurviveARestartWithoutRegisteringAgain() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(2027L);
    System.out.println("RSA key seed: 2027");
    generator.initialize(2048, random);
    KeyPair keys = generator.generateKeyPair();
    try (SalesforceSandbox sf = builder().allowUsernamePassword(true).build().start()) {
      sf.registerJwtBearer("jwt-app", keys.getPublic(), Set.of("etl@tests.example"));
      sf.registerPassword("legacy@tests.example", "pa55word", "TOKEN123");
      sf.registerClientCredentials("cc-app", "cc-secret", "integration@tests.example");
      sf.registerRefreshToken("web-app", Optional.of("web-secret"), "rt-to-revoke");
      SfHttp http = new SfHttp(sf);
      assertEquals(200, http.form("/services/oauth2/revoke", "token=rt-to-revoke").status());
    }
    try (SalesforceSandbox sf = builder().allowUsernamePassword(true).build().start()) {
      SfHttp http = new SfHttp(sf);
      String claims = "{\"iss\":\"jwt-app\",\"sub\":\"etl@tests.example\",\"aud\":\"" + sf.baseUrl() + "\",\"exp\":"
          + clock.instant().plusSeconds(120).getEpochSecond() + "}";
      SfHttp.Response jwt = http.form("/services/oauth2/token", "grant_type=" + SfHttp.encode("urn:ietf:params:oauth:grant-type:jwt-bearer")
          + "&assertion=" + signedJwt(claims, keys.getPrivate()));
      assertEquals(200, jwt.status(), jwt.body());
      String intruder = claims.replace("etl@tests.example", "legacy@tests.example");
      assertEquals(400, http.form("/services/oauth2/token", "grant_type=" + SfHttp.encode("urn:ietf:params:oauth:grant-type:jwt-bearer")
          + "&assertion=" + signedJwt(intruder, keys.getPrivate())).status(), "only the pre-authorised users");

      SfHttp.Response password = http.form("/services/oauth2/token", "grant_type=password&client_id=any&username=legacy%40tests.example"
          + "&password=pa55wordTOKEN123");
      assertEquals(200, password.status(), password.body());
      SfHttp.Response clientCredentials = http.form("/services/oauth2/token",
          "grant_type=client_credentials&client_id=cc-app&client_secret=cc-secret");
      assertEquals(200, clientCredentials.status(), clientCredentials.body());
      assertEquals(400, http.form("/services/oauth2/token", "grant_type=client_credentials&client_id=cc-app&client_secret=wrong").status());
      assertEquals(400, refresh(http, "rt-to-revoke").status(), "a revoked grant stays revoked");
    }
  }

  private static String signedJwt(String claims, PrivateKey key) throws Exception {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput = base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + base64.encodeToString(signer.sign());
  }

  private static String createWith(SfHttp http, String type, Object body) {
    SfHttp.Response response = http.send("POST", http.data("/sobjects/" + type), body.toString(),
        Map.of("Content-Type", "application/json", "Sforce-Call-Options", "client=tandem-1"));
    assertEquals(201, response.status(), response.body());
    return response.json().get("id").asText();
  }

  private static void assertPosixOwnerOnly(Path path) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      assertEquals(PosixFilePermissions.fromString("rw-------"), permissions, "the file holds secrets");
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void restoredIdsAndTokensNeverRepeatWhatTheSavedOrgHandedOut() {
    Set<String> seen = new HashSet<>();
    for (int run = 0; run < 3; run++) {
      try (SalesforceSandbox sf = builder().build().start()) {
        SfHttp http = SfHttp.login(sf);
        assertTrue(seen.add(http.token), "access token repeated on run " + run);
        for (int i = 0; i < 5; i++) {
          String id = sf.data().insert("Account", Map.of("Name", "run " + run + " #" + i));
          assertTrue(seen.add(id), id + " repeated on run " + run);
        }
        assertEquals(5 * (run + 1), sf.data().list("Account").size());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Bad files

  private byte[] savedOrg() {
    try (SalesforceSandbox sf = builder().build().start()) {
      SfHttp.login(sf);
      String account = sf.data().insert("Account", Map.of("Name", "Acme"));
      String invoice = sf.data().insert("Invoice__c", Map.of("Amount__c", 5, "Account__c", account, "Sent_At__c", START));
      sf.data().insert("Invoice_Line__c", Map.of("Invoice__c", invoice, "Quantity__c", 2));
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ConfigurationException startFails(Path metadata) {
    SalesforceSandbox sf = builder(metadata).build();
    try {
      ConfigurationException e = assertThrows(ConfigurationException.class, sf::start);
      assertThrows(IllegalStateException.class, sf::checkpoint, "a failed restore must not be overwritten");
      return e;
    } finally {
      sf.close();
    }
  }

  private void write(String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertFileUnchanged(String expected) {
    try {
      assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8), "close() after a failed start leaves the file alone");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aCorruptFileFailsStartWithAClearMessage() throws IOException {
    byte[] saved = savedOrg();
    String truncated = new String(saved, 0, saved.length / 2, StandardCharsets.UTF_8);
    write(truncated);
    ConfigurationException e = startFails(SandboxFixture.metadata());
    assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("not valid JSON (corrupt or truncated) at line"), e.getMessage());
    assertFileUnchanged(truncated);

    write("[1, 2, 3]");
    assertTrue(startFails(SandboxFixture.metadata()).getMessage().contains("is not a saved Salesforce sandbox org"));

    ObjectNode tree = (ObjectNode) SfHttp.JSON.readTree(saved);
    ((ObjectNode) tree.get("org")).remove("standardPricebookId");
    write(tree.toString());
    e = startFails(SandboxFixture.metadata());
    assertTrue(e.getMessage().contains("the saved org is corrupt") && e.getMessage().contains("\"standardPricebookId\" is missing")
        && e.getMessage().contains("at org"), e.getMessage());

    tree = (ObjectNode) SfHttp.JSON.readTree(saved);
    JsonNode invoice = tree.get("objects").get("Invoice__c").get("records").get(0);
    ((ObjectNode) invoice.get("values")).put("Amount__c", "five");
    write(tree.toString());
    e = startFails(SandboxFixture.metadata());
    assertTrue(e.getMessage().contains("record " + invoice.get("id").asText() + " holds a string in CURRENCY field Invoice__c.Amount__c"),
        e.getMessage());
  }

  @Test
  void anUnknownFormatVersionFailsStart() throws IOException {
    ObjectNode tree = (ObjectNode) SfHttp.JSON.readTree(savedOrg());
    assertEquals(1, tree.get("formatVersion").asInt());
    tree.put("formatVersion", 99);
    write(tree.toString());
    ConfigurationException e = startFails(SandboxFixture.metadata());
    assertTrue(e.getMessage().contains("format version 99 is not supported; this tandem-testkit reads version 1"), e.getMessage());
    assertFileUnchanged(tree.toString());
  }

  @Test
  void savedValuesOfAFieldOrObjectTheMetadataNoLongerDefinesFailStart() throws IOException {
    savedOrg();
    Path withoutField = copyMetadata("without-field");
    Files.delete(withoutField.resolve("objects/Invoice__c/fields/Sent_At__c.field-meta.xml"));
    ConfigurationException e = startFails(withoutField);
    assertTrue(e.getMessage().contains("has a value in field Invoice__c.Sent_At__c, which the deployed metadata does not define"),
        e.getMessage());

    Path withoutObject = copyMetadata("without-object");
    deleteTree(withoutObject.resolve("objects/Invoice_Line__c"));
    e = startFails(withoutObject);
    assertTrue(e.getMessage().contains("1 records of object Invoice_Line__c"), e.getMessage());

    Path retyped = copyMetadata("retyped");
    Files.writeString(retyped.resolve("objects/Invoice_Line__c/fields/Quantity__c.field-meta.xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CustomField xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
            + "<fullName>Quantity__c</fullName><label>Quantity</label><length>20</length><type>Text</type></CustomField>\n");
    e = startFails(retyped);
    assertTrue(e.getMessage().contains("field Invoice_Line__c.Quantity__c was DOUBLE when the org was saved and is STRING now"),
        e.getMessage());

    // Unchanged metadata still restores the file the failed starts left alone.
    try (SalesforceSandbox sf = builder().build().start()) {
      assertEquals(1, sf.data().list("Invoice_Line__c").size());
    }
  }

  @Test
  void customObjectsKeepTheirKeyPrefixesWhenTheMetadataGrows() throws IOException {
    String invoice;
    String line;
    try (SalesforceSandbox sf = builder().build().start()) {
      String account = sf.data().insert("Account", Map.of("Name", "Acme"));
      invoice = sf.data().insert("Invoice__c", Map.of("Amount__c", 5, "Account__c", account));
      line = sf.data().insert("Invoice_Line__c", Map.of("Invoice__c", invoice, "Quantity__c", 2));
    }
    // A new object sorts first: deployed alone it would take the invoice's prefix.
    Path grown = copyMetadata("grown");
    Path aardvark = Files.createDirectories(grown.resolve("objects/Aardvark__c"));
    Files.writeString(aardvark.resolve("Aardvark__c.object-meta.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<CustomObject xmlns=\"http://soap.sforce.com/2006/04/metadata\"><label>Aardvark</label>"
        + "<nameField><label>Name</label><type>Text</type></nameField><pluralLabel>Aardvarks</pluralLabel></CustomObject>\n");
    try (SalesforceSandbox sf = builder(grown).build().start()) {
      SfHttp http = SfHttp.login(sf);
      assertEquals(200, http.get("/sobjects/Invoice__c/" + invoice).status());
      SfHttp.Response byLine = http.get("/sobjects/Invoice_Line__c/" + line);
      assertEquals(200, byLine.status(), byLine.body());
      assertEquals(invoice, byLine.json().get("Invoice__c").asText());
      String animal = http.create("Aardvark__c", SfHttp.object("Name", "Arthur"));
      assertNotEquals(invoice.substring(0, 3), animal.substring(0, 3));
      assertNotEquals(line.substring(0, 3), animal.substring(0, 3));
      String keyPrefix = http.get("/sobjects/Aardvark__c/describe").json().get("keyPrefix").asText();
      assertEquals(animal.substring(0, 3), keyPrefix);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle rules

  @Test
  void savingNeverOverwritesAnOrgThatWasNotRestored() throws IOException {
    savedOrg();
    String saved = Files.readString(file);

    SalesforceSandbox notStarted = builder().build();
    assertThrows(IllegalStateException.class, notStarted::checkpoint);
    notStarted.close();
    assertFileUnchanged(saved);

    SalesforceSandbox writtenTooEarly = builder().build();
    writtenTooEarly.data().insert("Account", Map.of("Name", "would be lost"));
    IllegalStateException early = assertThrows(IllegalStateException.class, writtenTooEarly::start);
    assertTrue(early.getMessage().contains("write records after start()"), early.getMessage());
    writtenTooEarly.close();
    assertFileUnchanged(saved);

    try (SalesforceSandbox withoutFile = SalesforceSandbox.builder().clock(clock).build().start()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, withoutFile::checkpoint);
      assertTrue(e.getMessage().contains("persistTo"), e.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Concurrency

  @Test
  void checkpointsTakenDuringConcurrentWritesAreConsistentAndLoadable() throws Exception {
    long seed = new Random().nextLong();
    System.out.println("checkpointsTakenDuringConcurrentWritesAreConsistentAndLoadable seed=" + seed);
    List<Path> snapshots = new ArrayList<>();
    int writers = 4;
    int opsPerWriter = 150;
    try (SalesforceSandbox sf = builder().build().start()) {
      SfHttp http = SfHttp.login(sf);
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      CountDownLatch go = new CountDownLatch(1);
      AtomicBoolean failed = new AtomicBoolean();
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        Random random = new Random(seed + w);
        int writer = w;
        futures.add(pool.submit(() -> {
          go.await();
          List<String> mine = new ArrayList<>();
          for (int i = 0; i < opsPerWriter && !failed.get(); i++) {
            int op = random.nextInt(10);
            if (op < 5 || mine.isEmpty()) {
              // An invoice and its line in one all-or-none composite: a snapshot holds both or neither.
              SfHttp.Response response = http.post("/composite", "{\"allOrNone\":true,\"compositeRequest\":["
                  + "{\"method\":\"POST\",\"url\":\"/services/data/v65.0/sobjects/Invoice__c\",\"referenceId\":\"inv\","
                  + "\"body\":{\"Amount__c\":" + (i + 1) + ",\"ERP_Id__c\":\"W" + writer + "-" + i + "\"}},"
                  + "{\"method\":\"POST\",\"url\":\"/services/data/v65.0/sobjects/Invoice_Line__c\",\"referenceId\":\"line\","
                  + "\"body\":{\"Invoice__c\":\"@{inv.id}\",\"Quantity__c\":" + (i + 1) + "}}]}");
              assertEquals(200, response.status(), response.body());
              mine.add(response.json().get("compositeResponse").get(0).get("body").get("id").asText());
            } else if (op < 8) {
              sf.data().update(mine.get(random.nextInt(mine.size())), Map.of("Paid__c", random.nextBoolean()));
            } else {
              sf.data().delete(mine.remove(random.nextInt(mine.size())));
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (int n = 0; n < 8; n++) {
        sf.checkpoint();
        Path copy = dir.resolve("snapshot-" + n + ".json");
        Files.copy(file, copy);
        snapshots.add(copy);
        Thread.sleep(5);
      }
      for (Future<?> future : futures) {
        try {
          future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
          failed.set(true);
          throw e;
        }
      }
      pool.shutdown();
    }
    try (Stream<Path> leftovers = Files.list(file.getParent())) {
      assertEquals(List.of(file), leftovers.toList(), "no temporary files are left behind");
    }
    snapshots.add(file);
    for (Path snapshot : snapshots) {
      try (SalesforceSandbox sf = SalesforceSandbox.builder().seed(42).clock(clock).deployMetadata(SandboxFixture.metadata())
          .persistTo(snapshot).build().start()) {
        assertTrue(sf.restored());
        // Consistency: every invoice (live or in the recycle bin) has exactly its one line, in the same state.
        List<SandboxRecord> invoices = sf.data().listIncludingDeleted("Invoice__c");
        List<SandboxRecord> lines = sf.data().listIncludingDeleted("Invoice_Line__c");
        assertEquals(invoices.size(), lines.size(), snapshot.getFileName() + ": invoices and lines were saved together");
        Map<String, Boolean> invoiceDeleted = new java.util.HashMap<>();
        invoices.forEach(invoice -> invoiceDeleted.put(invoice.id(), invoice.deleted()));
        for (SandboxRecord line : lines) {
          assertEquals(invoiceDeleted.get(line.string("Invoice__c").orElseThrow()), line.deleted(), snapshot.getFileName() + " " + line.id());
        }
        String fresh = sf.data().insert("Invoice__c", Map.of("Amount__c", 1));
        assertTrue(invoices.stream().noneMatch(invoice -> invoice.id().equals(fresh)));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  private Path copyMetadata(String name) throws IOException {
    Path source = SandboxFixture.metadata();
    Path target = dir.resolve("metadata-" + name);
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
    return target;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
