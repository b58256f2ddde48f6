package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import io.github.tandemsync.testkit.salesforce.internal.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One REST call (top-level or a composite subrequest) after authentication: method, the path
 * segments after {@code /services/data/vXX.X/}, decoded query parameters, body and caller.
 */
final class Call {
  final String method;
  final List<String> segments;
  final Map<String, String> params;
  final String body;
  final HttpHeaders headers;
  final String version;
  final String userId;
  final @Nullable String client;
  final ResourceKind kind;
  /** Composite and graph subrequests: no metering, no call-level faults. */
  final boolean subrequest;
  private @Nullable JsonNode json;

  Call(String method, List<String> segments, Map<String, String> params, String body, HttpHeaders headers, String version,
      String userId, @Nullable String client, ResourceKind kind, boolean subrequest) {
    this.method = method;
    this.segments = List.copyOf(segments);
    this.params = Map.copyOf(params);
    this.body = body;
    this.headers = headers;
    this.version = version;
    this.userId = userId;
    this.client = client;
    this.kind = kind;
    this.subrequest = subrequest;
  }

  /** A subrequest call whose body is already JSON. */
  static Call subrequest(String method, List<String> segments, Map<String, String> params, @Nullable JsonNode body,
      HttpHeaders headers, String version, String userId, @Nullable String client, ResourceKind kind) {
    Call call = new Call(method, segments, params, body == null ? "" : Json.write(body), headers, version, userId, client, kind, true);
    call.json = body;
    return call;
  }

  /** The segment at an index, or empty. */
  Optional<String> segment(int index) {
    return index < segments.size() ? Optional.of(segments.get(index)) : Optional.empty();
  }

  /** The parsed JSON body; malformed JSON is JSON_PARSER_ERROR. */
  JsonNode json() {
    if (json == null) {
      json = Json.parse(body);
    }
    return json;
  }

  /** The API version as a number (65.0). */
  double versionNumber() {
    return Double.parseDouble(version);
  }

  /** The writer identity of this call. */
  WriteEngine.Actor actor(String apiKind) {
    return new WriteEngine.Actor(userId, client, apiKind, version, true);
  }

  /** The full path of this call, for record URLs. */
  String base() {
    return "/services/data/v" + version;
  }
}
