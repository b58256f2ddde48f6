package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.testkit.salesforce.ApiCall;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import io.github.tandemsync.testkit.salesforce.internal.http.HttpHeaders;
import io.github.tandemsync.testkit.salesforce.internal.http.HttpRequest;
import io.github.tandemsync.testkit.salesforce.internal.http.HttpResponse;
import io.github.tandemsync.testkit.salesforce.internal.http.MiniHttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's HTTP front: Date header from the org clock, version checks, authentication, API
 * metering with {@code Sforce-Limit-Info}, fault injection, gzip, call logging, then the REST
 * router, the OAuth endpoints and Bulk API 2.0.
 */
public final class SandboxServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
  private static final Pattern CLIENT = Pattern.compile("(?:^|;)\\s*client\\s*=\\s*([^;]+)");

  private final Org org;
  private final ApiUsageTracker usage;
  private final FaultInjector faults;
  private final AuthService auth;
  private final RestApi api;
  private @Nullable MiniHttpServer http;
  private String baseUrl = "";

  public SandboxServer(Org org, ApiUsageTracker usage, FaultInjector faults, AuthService auth) {
    this.org = org;
    this.usage = usage;
    this.faults = faults;
    this.auth = auth;
    this.api = new RestApi(org, usage, faults);
  }

  /** Starts listening on 127.0.0.1 and returns the base URL. */
  public synchronized String start() {
    if (http != null) {
      return baseUrl;
    }
    try {
      http = MiniHttpServer.start(this::handle, "salesforce-sandbox");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the Salesforce sandbox on 127.0.0.1", e);
    }
    baseUrl = "http://127.0.0.1:" + http.port();
    auth.baseUrl(baseUrl);
    LOG.info("Salesforce sandbox listening on {}", baseUrl);
    return baseUrl;
  }

  /** The base URL (empty before start). */
  public synchronized String baseUrl() {
    return baseUrl;
  }

  private HttpResponse handle(HttpRequest request) {
    Instant arrived = org.now();
    String path = request.rawPath();
    Optional<String> client = client(request);
    try {
      if (path.startsWith("/services/oauth2/")) {
        return oauth(request, arrived, client);
      }
      if (path.equals("/services/data") || path.equals("/services/data/")) {
        ApiResponse versions = request.method().equals("GET") || request.method().equals("HEAD")
            ? ApiResponse.json(200, versions())
            : ApiResponse.error(SfError.request(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + request.method() + "' not allowed. Allowed are GET"));
        return finish(request, versions, arrived, ResourceKind.VERSIONS, false, client);
      }
      Optional<ApiPaths.Versioned> parsed = ApiPaths.parse(path);
      if (parsed.isEmpty()) {
        return finish(request, ApiResponse.error(RestApi.notFound()), arrived, ResourceKind.OTHER, false, client);
      }
      ApiPaths.Versioned versioned = parsed.get();
      ResourceKind kind = RestApi.kind(versioned.segments());
      if (ApiPaths.retired(versioned)) {
        return finish(request, ApiResponse.error(SfError.request(410, "UNSUPPORTED_API_VERSION", "API version " + versioned.version()
            + " has been retired and is no longer supported")), arrived, kind, false, client);
      }
      if (!ApiPaths.supported(versioned)) {
        return finish(request, ApiResponse.error(RestApi.notFound()), arrived, kind, false, client);
      }
      Optional<AuthService.Session> session = auth.authenticate(request.header("Authorization").orElse(null));
      if (session.isEmpty()) {
        return finish(request, ApiResponse.error(SfError.request(401, "INVALID_SESSION_ID", "Session expired or invalid")), arrived, kind,
            false, client);
      }
      if (!usage.tryCount(kind)) {
        return finish(request, ApiResponse.error(SfError.request(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")),
            arrived, kind, false, client);
      }
      FaultInjector.Fault fault = faults.decide(kind);
      if (fault == FaultInjector.Fault.SERVER_UNAVAILABLE) {
        return finish(request, ApiResponse.error(SfError.request(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable. "
            + "Please try again later.")), arrived, kind, true, client);
      }
      if (fault == FaultInjector.Fault.RESET_BEFORE) {
        log(request, arrived, kind, true, client, 0);
        return new HttpResponse.Reset();
      }
      faults.sleep(kind);
      Call call;
      try {
        byte[] body = decodeBody(request);
        call = new Call(request.method(), versioned.segments(), ApiPaths.query(request.rawQuery()),
            new String(body, StandardCharsets.UTF_8), request.headers(), versioned.version(), session.get().userId(), client.orElse(null),
            kind, false);
      } catch (IllegalArgumentException | IOException e) {
        return finish(request, ApiResponse.error(SfError.request(400, "MALFORMED_QUERY", "malformed request: " + e.getMessage())), arrived,
            kind, true, client);
      }
      ApiResponse response = api.handle(call);
      if (fault == FaultInjector.Fault.RESET_AFTER) {
        log(request, arrived, kind, true, client, 0);
        return new HttpResponse.Reset();
      }
      if (ApiPaths.deprecated(versioned)) {
        response.header("Warning", "299 - \"This API version (" + versioned.version() + ") is deprecated and will be retired\"");
      }
      return finish(request, response, arrived, kind, true, client);
    } catch (RuntimeException e) {
      LOG.error("Salesforce sandbox failed on {} {}", request.method(), path, e);
      return finish(request, ApiResponse.error(SfError.request(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred in the sandbox: "
          + e.getClass().getSimpleName())), arrived, ResourceKind.OTHER, false, client);
    }
  }

  private HttpResponse oauth(HttpRequest request, Instant arrived, Optional<String> client) {
    String path = request.rawPath();
    FaultInjector.Fault fault = faults.decide(ResourceKind.AUTH);
    if (fault == FaultInjector.Fault.RESET_BEFORE) {
      log(request, arrived, ResourceKind.AUTH, false, client, 0);
      return new HttpResponse.Reset();
    }
    AuthService.TokenResponse answer;
    if (path.equals("/services/oauth2/token")) {
      if (!request.method().equals("POST")) {
        answer = new AuthService.TokenResponse(405, oauthError("invalid_request", "must use HTTP POST"));
      } else {
        answer = auth.token(request);
      }
    } else if (path.equals("/services/oauth2/revoke")) {
      answer = auth.revoke(request);
    } else {
      answer = new AuthService.TokenResponse(404, oauthError("not_found", "unknown OAuth endpoint"));
    }
    if (fault == FaultInjector.Fault.RESET_AFTER) {
      log(request, arrived, ResourceKind.AUTH, false, client, 0);
      return new HttpResponse.Reset();
    }
    ApiResponse response = ApiResponse.json(answer.status(), answer.body());
    response.header("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
    return encode(request, response, arrived, ResourceKind.AUTH, false, client, false);
  }

  private static ObjectNode oauthError(String error, String description) {
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put("error_description", description);
    return body;
  }

  private static ArrayNode versions() {
    ArrayNode list = Json.array();
    for (int major = ApiPaths.OLDEST_SUPPORTED; major <= ApiPaths.LATEST; major++) {
      ObjectNode version = list.addObject();
      version.put("label", ApiPaths.label(major));
      version.put("url", "/services/data/v" + major + ".0");
      version.put("version", major + ".0");
    }
    return list;
  }

  private HttpResponse finish(HttpRequest request, ApiResponse response, Instant arrived, ResourceKind kind, boolean counted,
      Optional<String> client) {
    return encode(request, response, arrived, kind, counted, client, true);
  }

  private HttpResponse encode(HttpRequest request, ApiResponse response, Instant arrived, ResourceKind kind, boolean counted,
      Optional<String> client, boolean limitHeader) {
    HttpHeaders headers = new HttpHeaders();
    // Clients take the source-side "now" from this header: it must come from the org clock.
    headers.set("Date", Formats.httpDate(org.now()));
    if (limitHeader) {
      headers.set("Sforce-Limit-Info", usage.header());
    }
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      headers.set(header.getKey(), header.getValue());
    }
    byte[] body;
    if (response.json() != null) {
      body = Json.write(response.json()).getBytes(StandardCharsets.UTF_8);
      headers.set("Content-Type", response.contentType());
    } else if (response.text() != null) {
      body = response.text().getBytes(StandardCharsets.UTF_8);
      headers.set("Content-Type", response.contentType());
    } else {
      body = new byte[0];
    }
    if (body.length > 0 && acceptsGzip(request)) {
      body = gzip(body);
      headers.set("Content-Encoding", "gzip");
      headers.set("Vary", "Accept-Encoding");
    }
    log(request, arrived, kind, counted, client, response.status());
    return new HttpResponse.Full(response.status(), headers, body);
  }

  private void log(HttpRequest request, Instant arrived, ResourceKind kind, boolean counted, Optional<String> client, int status) {
    Optional<String> query = Optional.empty();
    // OAuth query strings may carry secrets or tokens: never log them.
    if (request.rawQuery() != null && kind != ResourceKind.AUTH) {
      try {
        query = Optional.of(java.net.URLDecoder.decode(request.rawQuery(), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        query = Optional.of(request.rawQuery());
      }
    }
    usage.log(new ApiCall(arrived, request.method(), request.rawPath(), query, kind, counted, client, status));
  }

  private static Optional<String> client(HttpRequest request) {
    return request.header("Sforce-Call-Options").flatMap(value -> {
      Matcher matcher = CLIENT.matcher(value);
      return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
    });
  }

  private static boolean acceptsGzip(HttpRequest request) {
    return request.headers().all("Accept-Encoding").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("gzip"));
  }

  private static byte[] decodeBody(HttpRequest request) throws IOException {
    boolean gzipped = request.header("Content-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
    if (!gzipped) {
      return request.body();
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(request.body()))) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The REST router (for the data API's bulk worker shutdown). */
  RestApi api() {
    return api;
  }

  /** Stops the server and the Bulk worker. */
  @Override
  public synchronized void close() {
    if (http != null) {
      http.close();
      http = null;
    }
    api.bulk.close();
  }
}
