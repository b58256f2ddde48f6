package io.github.tandemsync.exchequer.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.spi.Health;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write gateway that calls Tandem's Toolkit bridge: a small Windows service wrapping the COM
 * Toolkit ({@code Enterprise04.Toolkit}) behind HTTP and JSON, protocol v1 as published in
 * {@code docs/exchequer-toolkit-bridge.openapi.yaml}. Synchronous: every call returns the
 * Toolkit's {@code Save} result, the assigned {@code thOurRef} and the stored record.
 *
 * <p>Transient failures (connection errors, timeouts, HTTP 423 locked, 429 too many requests, 503 busy) are retried
 * with exponential back-off and jitter. Replays are safe because every add carries the
 * idempotency key the bridge honours.
 *
 * <pre>{@code
 * ExchequerWriteGateway gateway = ToolkitBridgeGateway.builder()
 *     .baseUrl(URI.create("https://erp-bridge.example.com:8443"))
 *     .apiKey(System.getenv("EXCHEQUER_BRIDGE_KEY"))
 *     .company("ZZZZ01")
 *     .build();
 * }</pre>
 */
public final class ToolkitBridgeGateway implements ExchequerWriteGateway {
  private static final Logger LOG = LoggerFactory.getLogger(ToolkitBridgeGateway.class);
  private static final Pattern COMPANY = Pattern.compile("[A-Za-z0-9_]{1,10}");
  private static final Set<Operation> OPERATIONS = EnumSet.allOf(Operation.class);

  private final URI base;
  private final String apiKey;
  private final String company;
  private final Duration requestTimeout;
  private final HttpClient http;
  private final Retry retry;

  private ToolkitBridgeGateway(Builder builder, URI base) {
    this.base = base;
    this.apiKey = Objects.requireNonNull(builder.apiKey);
    this.company = Objects.requireNonNull(builder.company).toUpperCase(Locale.ROOT);
    this.requestTimeout = builder.requestTimeout;
    this.http = builder.httpClient != null ? builder.httpClient
        : HttpClient.newBuilder().connectTimeout(builder.connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    RetryConfig config = RetryConfig.<BridgeResponse>custom()
        .maxAttempts(builder.maxAttempts)
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(builder.initialBackoff, 2.0, 0.5, builder.maxBackoff))
        .retryOnResult(BridgeResponse::isTransient)
        .retryOnException(e -> e instanceof IOException)
        .failAfterMaxAttempts(false)
        .build();
    this.retry = Retry.of("exchequer-toolkit-bridge", config);
  }

  /**
   * A builder; {@code baseUrl}, {@code apiKey} and {@code company} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String kind() {
    return "toolkit-bridge";
  }

  @Override
  public Set<Operation> operations() {
    return OPERATIONS;
  }

  /**
   * The bridge's base URL (without {@code /v1}), for health output.
   *
   * @return the URL
   */
  public URI baseUrl() {
    return base;
  }

  @Override
  public List<GatewayResult> addAccounts(List<GatewayRequest> requests) {
    List<GatewayResult> results = new ArrayList<>(requests.size());
    for (GatewayRequest request : requests) {
      results.add(addAccount(request));
    }
    return results;
  }

  private GatewayResult addAccount(GatewayRequest request) {
    String key = request.idempotencyKey();
    Optional<GatewayResult> badKey = checkKey(key, request.record().text("acAltCode"), "acAltCode");
    if (badKey.isPresent()) {
      return badKey.get();
    }
    ObjectNode body = BridgeJson.MAPPER.createObjectNode();
    body.put("idempotencyKey", key);
    body.set("account", BridgeJson.toJson(request.record(), false));
    BridgeResponse response = call("POST", companyPath("accounts"), body);
    if (response.isSuccess()) {
      ToolkitRecord stored = BridgeJson.record(response.body(), "account");
      return response.body().path("created").asBoolean(response.status() == 201)
          ? GatewayResult.created(key, stored) : GatewayResult.existing(key, stored);
    }
    GatewayResult failure = failure(key, response);
    if (failure.resultCode() == GatewayResult.DUPLICATE_KEY) {
      // Duplicate account code: report it with the account that holds the code.
      Optional<String> code = request.record().text("acCode");
      if (code.isPresent()) {
        Optional<ToolkitRecord> existing = getAccount(code.get());
        if (existing.isPresent()) {
          return failure.withRecord(existing.get());
        }
      }
    }
    return failure;
  }

  @Override
  public GatewayResult updateAccount(String accountCode, ToolkitRecord changes) {
    ObjectNode body = BridgeJson.MAPPER.createObjectNode();
    body.set("account", BridgeJson.toJson(changes, false));
    BridgeResponse response = call("PATCH", companyPath("accounts/" + BridgeJson.pathSegment(accountCode)), body);
    if (response.isSuccess()) {
      return GatewayResult.updated(accountCode, BridgeJson.record(response.body(), "account"));
    }
    return failure(accountCode, response);
  }

  @Override
  public List<GatewayResult> addTransactions(List<GatewayRequest> requests) {
    List<GatewayResult> results = new ArrayList<>(requests.size());
    for (GatewayRequest request : requests) {
      results.add(addTransaction(request));
    }
    return results;
  }

  private GatewayResult addTransaction(GatewayRequest request) {
    String key = request.idempotencyKey();
    Optional<GatewayResult> badKey = checkKey(key, request.record().text("thLongYourRef"), "thLongYourRef");
    if (badKey.isPresent()) {
      return badKey.get();
    }
    ObjectNode body = BridgeJson.MAPPER.createObjectNode();
    body.put("idempotencyKey", key);
    body.set("transaction", BridgeJson.toJson(request.record(), true));
    BridgeResponse response = call("POST", companyPath("transactions"), body);
    return transactionResult(key, response);
  }

  @Override
  public GatewayResult convertQuoteToOrder(String quoteOurRef, String idempotencyKey) {
    Optional<GatewayResult> badKey = checkKey(idempotencyKey, Optional.empty(), "thLongYourRef");
    if (badKey.isPresent()) {
      return badKey.get();
    }
    ObjectNode body = BridgeJson.MAPPER.createObjectNode();
    body.put("idempotencyKey", idempotencyKey);
    body.put("toDocType", "SOR");
    BridgeResponse response = call("POST", companyPath("transactions/" + BridgeJson.pathSegment(quoteOurRef) + "/convert"), body);
    return transactionResult(idempotencyKey, response);
  }

  private GatewayResult transactionResult(String key, BridgeResponse response) {
    if (!response.isSuccess()) {
      return failure(key, response);
    }
    ToolkitRecord stored = BridgeJson.record(response.body(), "transaction");
    ToolkitRecord.Builder withRefs = stored.toBuilder();
    // The envelope repeats the assigned number; keep it even if the stored record omits it.
    if (stored.text("thOurRef").isEmpty() && response.body().hasNonNull("thOurRef")) {
      withRefs.set("thOurRef", response.body().get("thOurRef").asText());
    }
    if (stored.get("thFolioNum").isEmpty() && response.body().hasNonNull("thFolioNum")) {
      withRefs.set("thFolioNum", response.body().get("thFolioNum").asLong());
    }
    ToolkitRecord complete = withRefs.build();
    return response.body().path("created").asBoolean(response.status() == 201)
        ? GatewayResult.created(key, complete) : GatewayResult.existing(key, complete);
  }

  @Override
  public Optional<ToolkitRecord> findAccount(String idempotencyKey) {
    BridgeResponse response = call("GET", companyPath("accounts?altCode=" + BridgeJson.queryValue(idempotencyKey)), null);
    return first(response, "accounts", idempotencyKey);
  }

  @Override
  public Optional<ToolkitRecord> findTransaction(String docType, String idempotencyKey) {
    BridgeResponse response = call("GET", companyPath("transactions?docType=" + BridgeJson.queryValue(docType)
        + "&longYourRef=" + BridgeJson.queryValue(idempotencyKey)), null);
    return first(response, "transactions", idempotencyKey);
  }

  private Optional<ToolkitRecord> getAccount(String accountCode) {
    BridgeResponse response = call("GET", companyPath("accounts/" + BridgeJson.pathSegment(accountCode)), null);
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (!response.isSuccess()) {
      throw lookupFailed(accountCode, response);
    }
    return Optional.of(BridgeJson.record(response.body(), "account"));
  }

  private Optional<ToolkitRecord> first(BridgeResponse response, String arrayName, String key) {
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (!response.isSuccess()) {
      throw lookupFailed(key, response);
    }
    JsonNode items = response.body().path(arrayName);
    if (!items.isArray() || items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(BridgeJson.fromJson(items.get(0)));
  }

  private RuntimeException lookupFailed(String key, BridgeResponse response) {
    String text = "Toolkit bridge lookup of " + key + " failed: HTTP " + response.status() + " result "
        + response.resultCode() + " " + response.message();
    return response.isTransient() ? new RetryableException(text) : new io.github.tandemsync.core.PermanentException(text);
  }

  @Override
  public Health health() {
    BridgeResponse response;
    try {
      response = send("GET", base.resolve("v1/health"), null);
    } catch (IOException e) {
      return Health.down("Toolkit bridge at " + base + " unreachable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down("interrupted while checking the Toolkit bridge at " + base);
    }
    if (response.status() == 401) {
      return Health.down("Toolkit bridge at " + base + " refused the API key (HTTP 401)");
    }
    if (!response.isSuccess() || !"UP".equalsIgnoreCase(response.body().path("status").asText())) {
      return Health.down("Toolkit bridge at " + base + " answered HTTP " + response.status() + " status "
          + response.body().path("status").asText("?") + " " + response.message());
    }
    String version = response.body().path("toolkitVersion").asText("?");
    boolean served = false;
    for (JsonNode served1 : response.body().path("companies")) {
      served |= company.equalsIgnoreCase(served1.asText().strip());
    }
    if (!served) {
      return Health.down("Toolkit bridge at " + base + " (Toolkit " + version + ") does not serve company " + company);
    }
    return Health.up("Toolkit bridge at " + base + " (Toolkit " + version + ") serves company " + company);
  }

  private Optional<GatewayResult> checkKey(String key, Optional<String> keyProperty, String property) {
    if (key.length() > GatewayRequest.MAX_KEY_LENGTH) {
      return Optional.of(GatewayResult.failure(key, GatewayResult.VALUE_TOO_LONG,
          "idempotency key is " + key.length() + " characters; Exchequer keeps at most " + GatewayRequest.MAX_KEY_LENGTH
              + " in " + property, Optional.of(property), Optional.empty()));
    }
    if (keyProperty.isPresent() && !keyProperty.get().equals(key)) {
      return Optional.of(GatewayResult.failure(key, GatewayResult.MALFORMED,
          property + " holds the idempotency key; leave it empty or equal to the key", Optional.of(property), Optional.empty()));
    }
    return Optional.empty();
  }

  private GatewayResult failure(String key, BridgeResponse response) {
    if (response.status() == 401) {
      throw new ConfigurationException("Toolkit bridge at " + base + " refused the API key (HTTP 401); check the apiKey setting");
    }
    int code = response.resultCode();
    String message = response.message().isEmpty() ? "Toolkit bridge answered HTTP " + response.status() : response.message();
    GatewayResult result = GatewayResult.failure(key, code, message, response.field(), response.line());
    // The bridge tells us by status when the failure is transient even if the code is unusual.
    if ((response.status() == 423 || response.status() == 429 || response.status() == 503) && !result.isRetryable()) {
      result = new GatewayResult(GatewayResult.Status.RETRYABLE, key, code, message, result.field(), result.line(), Optional.empty());
    }
    return result;
  }

  private String companyPath(String rest) {
    return "v1/companies/" + BridgeJson.pathSegment(company) + "/" + rest;
  }

  private BridgeResponse call(String method, String path, @Nullable JsonNode body) {
    URI uri = base.resolve(path);
    try {
      BridgeResponse response = Retry.decorateCheckedSupplier(retry, () -> send(method, uri, body)).get();
      if (response.isTransient()) {
        LOG.warn("Toolkit bridge {} {} still answers HTTP {} (result {}) after retries", method, uri.getPath(), response.status(),
            response.resultCode());
      }
      return response;
    } catch (IOException e) {
      throw new RetryableException("Toolkit bridge at " + base + " unreachable (" + method + " " + uri.getPath() + "): "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableException("interrupted while calling the Toolkit bridge", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new RetryableException("Toolkit bridge call failed: " + e, e);
    }
  }

  private BridgeResponse send(String method, URI uri, @Nullable JsonNode body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Authorization", "Bearer " + apiKey)
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json; charset=utf-8");
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(BridgeJson.MAPPER.writeValueAsBytes(body)));
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    LOG.debug("Toolkit bridge {} {} -> HTTP {}", method, uri.getPath(), response.statusCode());
    return BridgeResponse.of(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "ToolkitBridgeGateway[" + base + ", company " + company + "]";
  }

  /** Builds a {@link ToolkitBridgeGateway}. */
  public static final class Builder {
    private @Nullable URI baseUrl;
    private @Nullable String apiKey;
    private @Nullable String company;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private @Nullable HttpClient httpClient;

    private Builder() {}

    /**
     * The bridge's base URL, without {@code /v1}. HTTPS is required except on the loopback
     * interface.
     *
     * @param value e.g. {@code https://erp-bridge.example.com:8443}
     * @return this builder
     */
    public Builder baseUrl(URI value) {
      this.baseUrl = Objects.requireNonNull(value, "baseUrl");
      return this;
    }

    /**
     * The bridge's API key, sent as a bearer token. Never logged.
     *
     * @param value the key
     * @return this builder
     */
    public Builder apiKey(String value) {
      this.apiKey = Objects.requireNonNull(value, "apiKey");
      return this;
    }

    /**
     * The Exchequer company code the bridge writes to, e.g. {@code ZZZZ01}.
     *
     * @param value the company code
     * @return this builder
     */
    public Builder company(String value) {
      this.company = Objects.requireNonNull(value, "company");
      return this;
    }

    /**
     * How long to wait for a TCP connection (default 10 s).
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /**
     * How long to wait for one answer (default 60 s; a Toolkit Save can take seconds).
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = positive(value, "requestTimeout");
      return this;
    }

    /**
     * How many times one call is tried in total before a transient failure is reported
     * (default 5).
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder maxAttempts(int value) {
      if (value < 1) {
        throw new ConfigurationException("maxAttempts must be at least 1, was " + value);
      }
      this.maxAttempts = value;
      return this;
    }

    /**
     * The first back-off between attempts (default 500 ms); it doubles, with ±50 % jitter, up to
     * {@link #maxBackoff(Duration)}.
     *
     * @param value the back-off
     * @return this builder
     */
    public Builder initialBackoff(Duration value) {
      this.initialBackoff = positive(value, "initialBackoff");
      return this;
    }

    /**
     * The longest back-off between attempts (default 30 s).
     *
     * @param value the back-off
     * @return this builder
     */
    public Builder maxBackoff(Duration value) {
      this.maxBackoff = positive(value, "maxBackoff");
      return this;
    }

    /**
     * The HTTP client to use (proxies, TLS trust). By default a client with the connect timeout.
     *
     * @param value the client
     * @return this builder
     */
    public Builder httpClient(HttpClient value) {
      this.httpClient = Objects.requireNonNull(value, "httpClient");
      return this;
    }

    /**
     * The gateway.
     *
     * @return the gateway
     * @throws ConfigurationException naming the missing or invalid setting
     */
    public ToolkitBridgeGateway build() {
      if (baseUrl == null) {
        throw new ConfigurationException("the Toolkit bridge needs baseUrl");
      }
      if (apiKey == null || apiKey.isBlank()) {
        throw new ConfigurationException("the Toolkit bridge needs apiKey");
      }
      if (company == null || !COMPANY.matcher(company).matches()) {
        throw new ConfigurationException("company must be an Exchequer company code such as ZZZZ01");
      }
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new ConfigurationException("maxBackoff must not be shorter than initialBackoff");
      }
      return new ToolkitBridgeGateway(this, checkedBase(baseUrl));
    }

    private static URI checkedBase(URI url) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new ConfigurationException("bridgeUrl must be an http(s) URL, was " + url);
      }
      if (url.getRawUserInfo() != null) {
        throw new ConfigurationException("bridgeUrl must not carry credentials; use apiKey");
      }
      if (url.getHost() == null) {
        throw new ConfigurationException("bridgeUrl needs a host, was " + url);
      }
      if (scheme.equals("http") && !isLoopback(url.getHost())) {
        throw new ConfigurationException("bridgeUrl must use https (plain http is allowed on the loopback interface only), was "
            + url);
      }
      String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
      if (!path.endsWith("/")) {
        path = path + "/";
      }
      return URI.create(scheme + "://" + url.getRawAuthority() + path);
    }

    private static boolean isLoopback(String host) {
      String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      if (bare.equalsIgnoreCase("localhost")) {
        return true;
      }
      // Only literal addresses are checked: resolving a name here would trust DNS.
      if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
        return false;
      }
      try {
        return InetAddress.getByName(bare).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new ConfigurationException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
