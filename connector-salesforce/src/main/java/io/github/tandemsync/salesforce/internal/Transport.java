package io.github.tandemsync.salesforce.internal;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.TandemException;
import io.github.tandemsync.salesforce.AuthenticationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends REST calls to the org: bearer token, {@code Sforce-Call-Options: client=<origin tag>} on
 * every request, gzip, the API budget, {@code Sforce-Limit-Info} and {@code Date} on every response,
 * one re-authentication on {@code 401 INVALID_SESSION_ID}, {@code REQUEST_LIMIT_EXCEEDED} as budget
 * exhaustion (never retried), and bounded exponential back-off with jitter for transient faults —
 * replaying only requests that are safe to repeat.
 */
public final class Transport {
  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

  private final HttpClient http;
  private final TokenService tokens;
  private final ApiMeter meter;
  private final String apiVersion;
  private final String callOptions;
  private final Duration requestTimeout;
  private final Retry retry;
  private final Clock clock;
  /** Salesforce's clock minus ours, from the last {@code Date} header. */
  private volatile @Nullable Duration serverClockOffset;

  Transport(HttpClient http, TokenService tokens, ApiMeter meter, String apiVersion, String originTag,
      Duration requestTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff, Clock clock) {
    this.http = http;
    this.tokens = tokens;
    this.meter = meter;
    this.apiVersion = apiVersion;
    this.callOptions = "client=" + originTag;
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    RetryConfig config = RetryConfig.custom()
        .maxAttempts(maxAttempts)
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(initialBackoff, 2.0, 0.5, maxBackoff))
        .retryOnException(e -> e instanceof TransientFailure)
        .build();
    this.retry = Retry.of("salesforce", config);
  }

  /** The API version path segment, e.g. {@code v66.0}. */
  String apiVersion() {
    return apiVersion;
  }

  /** {@code /services/data/vXX.X} plus {@code rest}. */
  String dataPath(String rest) {
    return "/services/data/" + apiVersion + rest;
  }

  ApiMeter meter() {
    return meter;
  }

  /** Salesforce's current time: our clock corrected by the offset seen in the last {@code Date} header. */
  Instant serverNow() {
    Duration offset = serverClockOffset;
    Instant now = clock.instant();
    return offset == null ? now : now.plus(offset);
  }

  boolean knowsServerClock() {
    return serverClockOffset != null;
  }

  /** The instance URL of the current token (authenticating first if needed). */
  URI instanceUrl() {
    return tokens.current().instanceUrl();
  }

  /** Makes sure a token exists (authenticates if needed). */
  void authenticate() {
    tokens.current();
  }

  /**
   * Sends {@code request}; returns the response whatever its status, except for the statuses this
   * layer owns (401, limit exceeded, exhausted transient faults), which throw.
   */
  ApiResponse send(ApiRequest request) {
    AccessToken token = tokens.current();
    ApiResponse response = sendWithRetry(request, token);
    if (response.status() == 401) {
      LOG.info("Salesforce answered 401 to {}; re-authenticating once", request.what());
      AccessToken renewed = tokens.renew(token);
      // A 401 means the request was not processed, so even a create may be sent again.
      response = sendWithRetry(request, renewed);
      if (response.status() == 401) {
        throw new AuthenticationException(request.what() + " was refused with 401 " + firstCode(response)
            + " again right after re-authenticating");
      }
    }
    if (response.status() == 403) {
      Optional<ApiError> limit = response.errors().stream().filter(e -> e.code().equals("REQUEST_LIMIT_EXCEEDED")).findFirst();
      if (limit.isPresent()) {
        throw meter.limitExceeded(request.what(), limit.get().message());
      }
    }
    return response;
  }

  private static String firstCode(ApiResponse response) {
    List<ApiError> errors = response.errors();
    return errors.isEmpty() ? "" : errors.get(0).code();
  }

  private ApiResponse sendWithRetry(ApiRequest request, AccessToken token) {
    try {
      return retry.executeCheckedSupplier(() -> attempt(request, token));
    } catch (TransientFailure e) {
      throw new RetryableException(request.what() + " failed after retries: " + e.getMessage());
    } catch (TandemException e) {
      throw e;
    } catch (Throwable e) {
      throw new RetryableException(request.what() + " failed: " + e.getClass().getSimpleName());
    }
  }

  private ApiResponse attempt(ApiRequest request, AccessToken token) throws TransientFailure {
    meter.beforeCall(request.what());
    URI uri = resolve(request.path(), token.instanceUrl());
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Authorization", "Bearer " + token.value())
        .header("Sforce-Call-Options", callOptions)
        .header("Accept-Encoding", "gzip")
        .header("Accept", request.contentType().equals("text/csv") ? "text/csv, application/json" : "application/json");
    request.headers().forEach(builder::header);
    HttpRequest.BodyPublisher body = request.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
    if (request.body() != null) {
      builder.header("Content-Type", request.contentType() + (request.contentType().contains("charset") ? "" : "; charset=UTF-8"));
    }
    builder.method(request.method(), body);
    HttpResponse<byte[]> raw;
    try {
      raw = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      // Never reached Salesforce: safe to try again whatever the request is.
      meter.callFailed();
      LOG.warn("{}: cannot connect ({}); will retry", request.what(), e.getClass().getSimpleName());
      throw new TransientFailure("cannot connect to " + uri.getHost());
    } catch (IOException e) {
      meter.callFailed();
      meter.recordCall(request.entity());
      String kind = e instanceof HttpTimeoutException ? "timed out" : "lost its response (" + e.getClass().getSimpleName() + ")";
      if (!request.replayable()) {
        throw new OutcomeUnknownException(request.what() + " " + kind + " after it was sent; it is not safe to repeat, "
            + "so it was not replayed: look the records up by key before writing again");
      }
      LOG.warn("{} {}; will retry", request.what(), kind);
      throw new TransientFailure(request.what() + " " + kind);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      meter.callFailed();
      throw new RetryableException("interrupted while calling Salesforce (" + request.what() + ")");
    }
    meter.recordCall(request.entity());
    meter.observe(raw.headers().firstValue("Sforce-Limit-Info").orElse(null));
    raw.headers().firstValue("Date").ifPresent(this::observeDate);
    ApiResponse response = new ApiResponse(raw.statusCode(), raw.headers(), decode(raw), request.what());
    if (response.status() >= 500) {
      List<ApiError> errors = response.errors();
      if (request.replayable() || response.status() == 503) {
        LOG.warn("{} answered {} {}; will retry", request.what(), response.status(), errors);
        throw new TransientFailure("HTTP " + response.status() + " " + errors);
      }
      throw new OutcomeUnknownException(request.what() + " answered HTTP " + response.status() + " " + errors
          + "; it is not safe to repeat, so it was not replayed: look the records up by key before writing again");
    }
    return response;
  }

  private static String decode(HttpResponse<byte[]> raw) {
    byte[] bytes = raw.body();
    if (raw.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false)) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new RetryableException("Salesforce sent a corrupt gzip body");
      }
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private void observeDate(String value) {
    try {
      Instant server = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      serverClockOffset = Duration.between(clock.instant(), server);
    } catch (DateTimeParseException e) {
      LOG.debug("ignoring an unparseable Date header");
    }
  }

  static URI resolve(String path, URI instanceUrl) {
    if (path.startsWith("http://") || path.startsWith("https://")) {
      URI absolute = URI.create(path);
      if (!absolute.getHost().equalsIgnoreCase(instanceUrl.getHost())) {
        throw new IllegalArgumentException("refusing to send the access token to another host: " + absolute.getHost());
      }
      return absolute;
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("API paths start with /services/: " + path);
    }
    return URI.create(Urls.base(instanceUrl) + path);
  }

  /** A fault worth retrying: connection refused, lost response of a replayable call, 5xx. */
  static final class TransientFailure extends Exception {
    private static final long serialVersionUID = 1L;

    TransientFailure(String message) {
      super(message, null, false, false);
    }
  }
}
