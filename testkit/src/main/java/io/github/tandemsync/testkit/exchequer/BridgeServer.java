package io.github.tandemsync.testkit.exchequer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Toolkit bridge simulator: protocol v1 (contract C) over HTTP on 127.0.0.1, answering from
 * the Toolkit emulation, with seeded fault injection.
 */
final class BridgeServer {
  private static final Logger LOG = LoggerFactory.getLogger(BridgeServer.class);
  static final String TOOLKIT_VERSION = "Tandem Exchequer sandbox (emulates COM Toolkit v11.0.1)";
  private static final Set<String> BRIDGE_TYPES = Set.of("SQU", "SOR", "SDN");

  private final ToolkitEngine engine;
  private final String company;
  private final byte[] apiKey;
  private final ObjectMapper json = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final FaultInjector faults = new FaultInjector();
  private @Nullable HttpServer server;
  private @Nullable ExecutorService executor;

  /** The reply, or a dropped connection, of one request. */
  private record Reply(int status, Map<String, Object> body) {}

  /** Thrown inside a handler to drop the connection without a reply. */
  private static final class ConnectionReset extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConnectionReset() {
      super("simulated connection reset", null, false, false);
    }
  }

  BridgeServer(ToolkitEngine engine, String company, String apiKey) {
    this.engine = engine;
    this.company = company;
    this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
  }

  void start() {
    HttpServer created;
    try {
      created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
      server = created;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start the Toolkit bridge simulator: " + e.getMessage(), e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "exchequer-bridge-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    executor = pool;
    created.setExecutor(pool);
    created.createContext("/", this::handle);
    created.start();
    LOG.info("Exchequer Toolkit bridge simulator listening on {}", baseUrl());
  }

  void stop() {
    if (server != null) {
      server.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + java.util.Objects.requireNonNull(server).getAddress().getPort();
  }

  void faults(List<FaultPlan> plans) {
    faults.replace(plans);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Reply reply;
    try {
      reply = route(exchange, method, path);
    } catch (ConnectionReset reset) {
      LOG.debug("bridge {} {} -> connection reset (injected)", method, path);
      throw reset;
    } catch (RuntimeException e) {
      LOG.warn("bridge {} {} failed: {}", method, path, e.toString());
      reply = envelope(500, ToolkitResult.error(-1, "Bridge failure: " + e.getMessage()));
    }
    byte[] body = json.writeValueAsBytes(reply.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    LOG.debug("bridge {} {} -> {} result {}", method, path, reply.status(), reply.body().get("result"));
  }

  private Reply route(HttpExchange exchange, String method, String path) throws IOException {
    if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
      drain(exchange);
      return envelope(401, ToolkitResult.error(-1, "Missing or invalid API key"));
    }
    String[] parts = path.split("/");
    // parts[0] is empty: /v1/...
    if (parts.length < 3 || !parts[1].equals("v1")) {
      drain(exchange);
      return badRoute(method, path);
    }
    if (parts.length == 3 && parts[2].equals("health") && method.equals("GET")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("result", 0);
      body.put("status", "UP");
      body.put("toolkitVersion", TOOLKIT_VERSION);
      body.put("companies", List.of(company));
      return new Reply(200, body);
    }
    if (parts.length < 5 || !parts[2].equals("companies")) {
      drain(exchange);
      return badRoute(method, path);
    }
    String co = decode(parts[3]);
    String resource = parts[4];
    @Nullable String id = parts.length > 5 ? decode(parts[5]) : null;
    @Nullable String action = parts.length > 6 ? parts[6] : null;
    boolean write = method.equals("POST") || method.equals("PATCH");
    @Nullable Map<String, Object> body = write ? readBody(exchange) : drainAndEmpty(exchange);
    if (!co.equalsIgnoreCase(company)) {
      return envelope(ToolkitResult.error(32761, "Company " + co + " is not part of this installation"));
    }
    FaultInjector.Decision decision = faults.next(write);
    if (!decision.latency().isZero()) {
      try {
        Thread.sleep(decision.latency().toMillis(), decision.latency().toNanosPart() % 1_000_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (decision.fault() == FaultPlan.Fault.RESET_BEFORE_APPLY) {
      throw new ConnectionReset();
    }
    ToolkitResult injected = FaultInjector.ANSWERS.get(decision.fault());
    if (injected != null) {
      return envelope(injected);
    }
    if (body == null) {
      return envelope(ToolkitResult.error(-102, "Request body must be a JSON object"));
    }
    Reply reply = dispatch(method, resource, id, action, body, exchange.getRequestURI().getRawQuery());
    if (decision.fault() == FaultPlan.Fault.RESET_AFTER_APPLY) {
      throw new ConnectionReset();
    }
    return reply;
  }

  private Reply dispatch(String method, String resource, @Nullable String id, @Nullable String action,
      Map<String, Object> body, @Nullable String query) {
    if (resource.equals("accounts") && action == null) {
      if (method.equals("POST") && id == null) {
        return addAccount(body);
      }
      if (method.equals("GET") && id == null) {
        String altCode = queryParameter(query, "altCode");
        if (altCode == null) {
          return envelope(ToolkitResult.error(-101, "Query parameter altCode is required", "altCode"));
        }
        return list("accounts", engine.read(connection -> engine.accounts.findByAltCode(connection, altCode)));
      }
      if (method.equals("GET")) {
        return engine.read(connection -> engine.accounts.find(connection, id))
            .map(row -> single("account", Accounts.record(row)))
            .orElseGet(() -> envelope(ToolkitResult.error(4, "Record not found: account " + id, "acCode")));
      }
      if (method.equals("PATCH")) {
        return updateAccount(id, body);
      }
    }
    if (resource.equals("transactions")) {
      if (method.equals("POST") && id == null && action == null) {
        return addTransaction(body);
      }
      if (method.equals("POST") && id != null && "convert".equals(action)) {
        return convert(id, body);
      }
      if (method.equals("GET") && id == null && action == null) {
        String key = queryParameter(query, "longYourRef");
        if (key == null) {
          return envelope(ToolkitResult.error(-101, "Query parameter longYourRef is required", "longYourRef"));
        }
        String docType = queryParameter(query, "docType");
        return list("transactions", engine.read(connection ->
            engine.documents.findByLongYourRef(connection, docType == null ? "" : docType, key)));
      }
      if (method.equals("GET") && id != null && action == null) {
        return engine.read(connection -> engine.documents.transaction(connection, id))
            .map(transaction -> {
              Map<String, Object> reply = new LinkedHashMap<>();
              reply.put("result", 0);
              reply.put("message", "OK");
              reply.put("transactions", List.of(transaction));
              reply.put("transaction", transaction);
              return new Reply(200, reply);
            })
            .orElseGet(() -> envelope(ToolkitResult.error(4, "Record not found: transaction " + id, "thOurRef")));
      }
    }
    return badRoute(method, "/" + resource + (id == null ? "" : "/" + id) + (action == null ? "" : "/" + action));
  }

  private Reply addAccount(Map<String, Object> body) {
    String key;
    Map<String, Object> account;
    try {
      key = idempotencyKey(body, 20);
      account = object(body, "account");
    } catch (Failure failure) {
      return envelope(failure.result());
    }
    Object altCode = account.get("acAltCode");
    if (altCode != null && !(altCode instanceof String)) {
      return envelope(ToolkitResult.error(-102, "acAltCode must be a string", "acAltCode"));
    }
    if (altCode != null && !((String) altCode).isEmpty() && !altCode.equals(key)) {
      return envelope(ToolkitResult.error(-102, "acAltCode holds the idempotency key: leave it empty or equal to it",
          "acAltCode"));
    }
    Map<String, Object> props = new LinkedHashMap<>(account);
    props.put("acAltCode", key);
    ToolkitResult result = engine.call(connection -> {
      List<Map<String, Object>> existing = engine.accounts.findByAltCode(connection, key);
      if (!existing.isEmpty()) {
        return ToolkitResult.ok(false, existing.get(0));
      }
      return engine.accounts.add(connection, props, ToolkitEngine.DEFAULT_OPERATOR, engine.now());
    });
    if (!result.ok()) {
      return envelope(result);
    }
    Map<String, Object> reply = okBody();
    reply.put("acCode", result.record().get("acCode"));
    reply.put("created", result.created());
    reply.put("account", result.record());
    return new Reply(result.created() ? 201 : 200, reply);
  }

  private Reply updateAccount(String code, Map<String, Object> body) {
    Map<String, Object> account;
    try {
      account = object(body, "account");
    } catch (Failure failure) {
      return envelope(failure.result());
    }
    ToolkitResult result = engine.call(connection ->
        engine.accounts.update(connection, code, account, ToolkitEngine.DEFAULT_OPERATOR, engine.now()));
    if (!result.ok()) {
      return envelope(result);
    }
    Map<String, Object> reply = okBody();
    reply.put("acCode", result.record().get("acCode"));
    reply.put("account", result.record());
    return new Reply(200, reply);
  }

  private Reply addTransaction(Map<String, Object> body) {
    String key;
    Map<String, Object> transaction;
    try {
      key = idempotencyKey(body, 20);
      transaction = object(body, "transaction");
    } catch (Failure failure) {
      return envelope(failure.result());
    }
    Object longYourRef = transaction.get("thLongYourRef");
    if (longYourRef != null && !(longYourRef instanceof String)) {
      return envelope(ToolkitResult.error(-102, "thLongYourRef must be a string", "thLongYourRef"));
    }
    if (longYourRef != null && !((String) longYourRef).isEmpty() && !longYourRef.equals(key)) {
      return envelope(ToolkitResult.error(-102, "thLongYourRef holds the idempotency key: leave it empty or equal to it",
          "thLongYourRef"));
    }
    Object type = transaction.get("thDocType");
    Map<String, Object> props = new LinkedHashMap<>(transaction);
    props.put("thLongYourRef", key);
    for (String internal : List.copyOf(props.keySet())) {
      if (internal.startsWith("_")) {
        return envelope(ToolkitResult.error(-102, "Unknown property " + internal, internal));
      }
    }
    ToolkitResult result = engine.call(connection -> {
      if (type instanceof String && BRIDGE_TYPES.contains(((String) type).trim().toUpperCase(java.util.Locale.ROOT))) {
        List<Map<String, Object>> existing = engine.documents.findByLongYourRef(connection,
            ((String) type).trim().toUpperCase(java.util.Locale.ROOT), key);
        if (!existing.isEmpty()) {
          return ToolkitResult.ok(false, existing.get(0));
        }
      }
      return engine.documents.add(connection, props, BRIDGE_TYPES, ToolkitEngine.DEFAULT_OPERATOR, engine.now());
    });
    return documentReply(result);
  }

  private Reply convert(String ourRef, Map<String, Object> body) {
    String key;
    try {
      key = idempotencyKey(body, 20);
    } catch (Failure failure) {
      return envelope(failure.result());
    }
    Object toType = body.get("toDocType");
    if (toType == null) {
      return envelope(ToolkitResult.error(-101, "toDocType is required", "toDocType"));
    }
    if (!"SOR".equals(toType)) {
      return envelope(ToolkitResult.error(-102, "toDocType must be SOR", "toDocType"));
    }
    for (String name : body.keySet()) {
      if (!name.equals("idempotencyKey") && !name.equals("toDocType")) {
        return envelope(ToolkitResult.error(-102, "Unknown property " + name, name));
      }
    }
    ToolkitResult result = engine.call(connection -> {
      List<Map<String, Object>> existing = engine.documents.findByLongYourRef(connection, "SOR", key);
      if (!existing.isEmpty()) {
        return ToolkitResult.ok(false, existing.get(0));
      }
      return engine.documents.convertQuote(connection, ourRef, "SOR", key, ToolkitEngine.DEFAULT_OPERATOR, engine.now());
    });
    return documentReply(result);
  }

  private Reply documentReply(ToolkitResult result) {
    if (!result.ok()) {
      return envelope(result);
    }
    Map<String, Object> reply = okBody();
    reply.put("thOurRef", result.record().get("thOurRef"));
    reply.put("thFolioNum", result.record().get("thFolioNum"));
    reply.put("created", result.created());
    reply.put("transaction", result.record());
    return new Reply(result.created() ? 201 : 200, reply);
  }

  // -- protocol plumbing ------------------------------------------------------------------------

  private boolean authorised(@Nullable String header) {
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, apiKey);
  }

  private static String idempotencyKey(Map<String, Object> body, int max) {
    Object key = body.get("idempotencyKey");
    if (key == null || (key instanceof String && ((String) key).isBlank())) {
      throw Failure.of(-101, "idempotencyKey is required", "idempotencyKey");
    }
    if (!(key instanceof String)) {
      throw Failure.of(-102, "idempotencyKey must be a string", "idempotencyKey");
    }
    if (((String) key).length() > max) {
      throw Failure.of(-100, "idempotencyKey is longer than " + max + " characters", "idempotencyKey");
    }
    return (String) key;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> body, String name) {
    Object value = body.get(name);
    if (value == null) {
      throw Failure.of(-101, name + " is required", name);
    }
    if (!(value instanceof Map)) {
      throw Failure.of(-102, name + " must be an object", name);
    }
    return (Map<String, Object>) value;
  }

  private @Nullable Map<String, Object> readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] raw = in.readAllBytes();
      try {
        Object parsed = json.readValue(raw, Object.class);
        if (parsed instanceof Map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> map = (Map<String, Object>) parsed;
          return map;
        }
        return null;
      } catch (JsonProcessingException e) {
        return null;
      }
    }
  }

  private static Map<String, Object> drainAndEmpty(HttpExchange exchange) throws IOException {
    drain(exchange);
    return Map.of();
  }

  private static void drain(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  private static @Nullable String queryParameter(@Nullable String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        return eq < 0 ? "" : decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private Reply badRoute(String method, String path) {
    return envelope(ToolkitResult.error(-102, "No such endpoint: " + method + " " + path));
  }

  private static Map<String, Object> okBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", 0);
    body.put("message", "OK");
    return body;
  }

  private static Reply list(String name, List<Map<String, Object>> items) {
    Map<String, Object> body = okBody();
    body.put(name, items);
    return new Reply(200, body);
  }

  private static Reply single(String name, Map<String, Object> item) {
    Map<String, Object> body = okBody();
    body.put(name, item);
    return new Reply(200, body);
  }

  private static Reply envelope(ToolkitResult result) {
    return envelope(status(result.result()), result);
  }

  private static Reply envelope(int status, ToolkitResult result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("result", result.result());
    body.put("message", result.message());
    result.field().ifPresent(field -> body.put("field", field));
    result.line().ifPresent(line -> body.put("line", line));
    if (status == 500) {
      body.put("retryable", false);
    }
    return new Reply(status, body);
  }

  /** Contract C: HTTP status by Toolkit result. */
  static int status(int result) {
    if (result == 0) {
      return 200;
    }
    if (result == -101 || result == -102) {
      return 400;
    }
    if (result == 4) {
      return 404;
    }
    if (result == 5) {
      return 409;
    }
    if (result == 84 || result == 85) {
      return 423;
    }
    if (result == 32762 || (result >= 31000 && result <= 31199)) {
      return 503;
    }
    if (result >= 30000 || result == -100) {
      return 422;
    }
    return 500;
  }
}
