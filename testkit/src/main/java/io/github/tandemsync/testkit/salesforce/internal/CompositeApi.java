package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import io.github.tandemsync.testkit.salesforce.internal.http.HttpHeaders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Composite ({@code POST /composite}: ≤25 subrequests, ≤5 collections or queries, {@code @{ref}}
 * references, optional allOrNone), Composite Graph (each graph all or nothing, ≤500 nodes) and
 * Composite Batch (independent subrequests, each counted) — reference §8.
 */
final class CompositeApi {
  static final int MAX_SUBREQUESTS = 25;
  static final int MAX_COLLECTION_OR_QUERY = 5;
  static final int MAX_GRAPH_NODES = 500;
  static final int MAX_GRAPHS = 75;
  static final int MAX_FAILED_GRAPHS = 14;
  private static final Pattern REFERENCE = Pattern.compile("@\\{([A-Za-z][A-Za-z0-9_]*)((?:\\.[A-Za-z0-9_]+|\\[\\d+\\])*)\\}");
  private static final Pattern REFERENCE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern GRAPH_URL = Pattern.compile("sobjects/[^/]+(/[^/]+(/[^/]+)?)?");
  private static final String HALTED = "The transaction was rolled back since another operation in the same transaction failed.";

  private final RestApi api;
  private final Org org;

  CompositeApi(RestApi api) {
    this.api = api;
    this.org = api.org;
  }

  /** A subrequest after validation. */
  private record Sub(String method, String url, String referenceId, @Nullable JsonNode body, Map<String, String> headers) {}

  private List<Sub> subrequests(JsonNode array, boolean graph) {
    if (array == null || !array.isArray()) {
      throw SfError.request(400, "JSON_PARSER_ERROR", "compositeRequest must be an array");
    }
    List<Sub> subs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode node : array) {
      String method = node.path("method").asText("");
      String url = node.path("url").asText("");
      String referenceId = node.path("referenceId").asText("");
      if (method.isEmpty() || url.isEmpty()) {
        throw SfError.request(400, "JSON_PARSER_ERROR", "every subrequest needs a method and a url");
      }
      if (!REFERENCE_ID.matcher(referenceId).matches()) {
        throw SfError.request(400, "JSON_PARSER_ERROR", "referenceId '" + referenceId + "' must start with a letter and contain only "
            + "letters, digits and underscores");
      }
      if (!ids.add(referenceId)) {
        throw SfError.request(400, "JSON_PARSER_ERROR", "Duplicate referenceId provided in the request: " + referenceId);
      }
      Map<String, String> headers = new LinkedHashMap<>();
      node.path("httpHeaders").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
      JsonNode body = node.has("body") && !node.get("body").isNull() ? node.get("body") : null;
      subs.add(new Sub(method.toUpperCase(java.util.Locale.ROOT), url, referenceId, body, headers));
    }
    return subs;
  }

  // ---------------------------------------------------------------------------------------------
  // Composite

  ApiResponse composite(Call call) {
    JsonNode request = call.json();
    List<Sub> subs = subrequests(request.get("compositeRequest"), false);
    if (subs.size() > MAX_SUBREQUESTS) {
      throw SfError.request(400, "INVALID_API_INPUT", "Composite requests may contain at most " + MAX_SUBREQUESTS + " subrequests, got "
          + subs.size());
    }
    int heavy = 0;
    for (Sub sub : subs) {
      List<String> segments = ApiPaths.parse(pathOf(sub.url())).map(ApiPaths.Versioned::segments).orElse(List.of());
      ResourceKind kind = RestApi.kind(segments);
      if (kind == ResourceKind.COLLECTIONS || kind == ResourceKind.QUERY) {
        heavy++;
      }
    }
    if (heavy > MAX_COLLECTION_OR_QUERY) {
      throw SfError.request(400, "INVALID_API_INPUT", "Composite requests may contain at most " + MAX_COLLECTION_OR_QUERY
          + " sObject Collections or query subrequests, got " + heavy);
    }
    boolean allOrNone = request.path("allOrNone").asBoolean(false);
    boolean collate = !request.has("collateSubrequests") || request.path("collateSubrequests").asBoolean(true);
    List<Integer> order = executionOrder(subs, collate);
    Map<String, ObjectNode> responses = new HashMap<>();
    Map<String, @Nullable JsonNode> bodies = new HashMap<>();
    Set<String> failed = new HashSet<>();
    org.transaction(() -> {
      int start = org.savepoint();
      boolean halted = false;
      for (int index : order) {
        Sub sub = subs.get(index);
        if (halted) {
          responses.put(sub.referenceId(), halted(sub.referenceId()));
          continue;
        }
        ApiResponse response = execute(call, sub, bodies, failed, ResourceKind.COMPOSITE);
        responses.put(sub.referenceId(), entry(sub.referenceId(), response));
        bodies.put(sub.referenceId(), response.json());
        if (response.status() >= 400) {
          failed.add(sub.referenceId());
          if (allOrNone) {
            org.rollbackTo(start);
            halted = true;
            for (String done : new ArrayList<>(responses.keySet())) {
              if (!done.equals(sub.referenceId())) {
                responses.put(done, halted(done));
              }
            }
          }
        }
      }
      return null;
    });
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("compositeResponse");
    for (Sub sub : subs) {
      array.add(responses.get(sub.referenceId()));
    }
    return ApiResponse.json(200, body);
  }

  /**
   * With collateSubrequests (the default) Salesforce may run independent subrequests out of
   * order: here subrequests run by dependency level, grouped by resource. Without it, in order.
   */
  private static List<Integer> executionOrder(List<Sub> subs, boolean collate) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < subs.size(); i++) {
      order.add(i);
    }
    if (!collate) {
      return order;
    }
    Map<String, Integer> level = new HashMap<>();
    int[] levels = new int[subs.size()];
    for (int i = 0; i < subs.size(); i++) {
      int max = 0;
      Matcher matcher = REFERENCE.matcher(subs.get(i).url() + " " + (subs.get(i).body() == null ? "" : Json.write(subs.get(i).body())));
      while (matcher.find()) {
        max = Math.max(max, level.getOrDefault(matcher.group(1), 0) + 1);
      }
      levels[i] = max;
      level.put(subs.get(i).referenceId(), max);
    }
    Map<String, Integer> groupFirst = new HashMap<>();
    int[] groups = new int[subs.size()];
    for (int i = 0; i < subs.size(); i++) {
      List<String> segments = ApiPaths.parse(pathOf(subs.get(i).url())).map(ApiPaths.Versioned::segments).orElse(List.of());
      String key = subs.get(i).method() + " " + String.join("/", segments.subList(0, Math.min(2, segments.size())));
      groups[i] = groupFirst.computeIfAbsent(key, k -> groupFirst.size());
    }
    order.sort((a, b) -> levels[a] != levels[b] ? Integer.compare(levels[a], levels[b])
        : groups[a] != groups[b] ? Integer.compare(groups[a], groups[b]) : Integer.compare(a, b));
    return order;
  }

  private static ObjectNode halted(String referenceId) {
    ObjectNode entry = Json.object();
    ArrayNode body = entry.putArray("body");
    ObjectNode error = body.addObject();
    error.put("errorCode", "PROCESSING_HALTED");
    error.put("message", HALTED);
    entry.putObject("httpHeaders");
    entry.put("httpStatusCode", 400);
    entry.put("referenceId", referenceId);
    return entry;
  }

  private static ObjectNode entry(String referenceId, ApiResponse response) {
    ObjectNode entry = Json.object();
    if (response.json() != null) {
      entry.set("body", response.json());
    } else {
      entry.putNull("body");
    }
    ObjectNode headers = entry.putObject("httpHeaders");
    response.headers().forEach(headers::put);
    entry.put("httpStatusCode", response.status());
    entry.put("referenceId", referenceId);
    return entry;
  }

  private static String pathOf(String url) {
    int question = url.indexOf('?');
    return question < 0 ? url : url.substring(0, question);
  }

  /** Resolves references and runs one subrequest through the REST router. */
  private ApiResponse execute(Call parent, Sub sub, Map<String, @Nullable JsonNode> bodies, Set<String> failed, ResourceKind kind) {
    String url;
    JsonNode body;
    try {
      url = resolveText(sub.url(), bodies, failed, true);
      body = sub.body() == null ? null : resolveNode(sub.body(), bodies, failed);
    } catch (SfError e) {
      return ApiResponse.error(e);
    }
    String path = pathOf(url);
    String rawQuery = url.length() > path.length() ? url.substring(path.length() + 1) : null;
    if (!path.startsWith("/")) {
      path = "/services/data/" + path;
    }
    Optional<ApiPaths.Versioned> parsed = ApiPaths.parse(path);
    if (parsed.isEmpty() || !ApiPaths.supported(parsed.get())) {
      return ApiResponse.error(RestApi.notFound());
    }
    List<String> segments = parsed.get().segments();
    ResourceKind subKind = RestApi.kind(segments);
    if (subKind == ResourceKind.COMPOSITE || subKind == ResourceKind.GRAPH || subKind == ResourceKind.BULK) {
      return ApiResponse.error(SfError.request(400, "INVALID_API_INPUT", "This resource is not supported in a composite request: " + path));
    }
    HttpHeaders headers = new HttpHeaders();
    sub.headers().forEach(headers::set);
    Map<String, String> params;
    try {
      params = ApiPaths.query(rawQuery);
    } catch (IllegalArgumentException e) {
      return ApiResponse.error(SfError.request(400, "MALFORMED_QUERY", "malformed query string"));
    }
    Call call = Call.subrequest(sub.method(), segments, params, body, headers, parsed.get().version(), parent.userId, parent.client, kind);
    return api.handle(call);
  }

  private String resolveText(String text, Map<String, @Nullable JsonNode> bodies, Set<String> failed, boolean inUrl) {
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      JsonNode value = lookup(matcher, bodies, failed);
      String replacement = value.isValueNode() ? value.asText() : Json.write(value);
      matcher.appendReplacement(out, Matcher.quoteReplacement(inUrl ? replacement.replace(" ", "%20") : replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private JsonNode resolveNode(JsonNode node, Map<String, @Nullable JsonNode> bodies, Set<String> failed) {
    if (node.isTextual()) {
      String text = node.asText();
      Matcher whole = REFERENCE.matcher(text);
      if (whole.matches()) {
        return lookup(whole, bodies, failed);
      }
      return text.contains("@{") ? new TextNode(resolveText(text, bodies, failed, false)) : node;
    }
    if (node.isObject()) {
      ObjectNode copy = Json.object();
      node.properties().forEach(e -> copy.set(e.getKey(), resolveNode(e.getValue(), bodies, failed)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Json.array();
      node.forEach(n -> copy.add(resolveNode(n, bodies, failed)));
      return copy;
    }
    return node;
  }

  private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[(\\d+)\\]");

  private static JsonNode lookup(Matcher reference, Map<String, @Nullable JsonNode> bodies, Set<String> failed) {
    String referenceId = reference.group(1);
    String expression = reference.group(0);
    if (failed.contains(referenceId)) {
      throw SfError.request(400, "PROCESSING_HALTED", "Invalid reference specified. No value for " + expression.substring(2,
          expression.length() - 1) + " found in " + referenceId + ". Provided referenceId ('" + referenceId
          + "') refers to a subrequest that failed.");
    }
    if (!bodies.containsKey(referenceId)) {
      throw SfError.request(400, "INVALID_API_INPUT", "Invalid reference specified. " + referenceId
          + " does not refer to an earlier subrequest.");
    }
    JsonNode current = bodies.get(referenceId);
    Matcher step = STEP.matcher(reference.group(2));
    while (current != null && step.find()) {
      current = step.group(1) != null ? current.get(step.group(1)) : current.get(Integer.parseInt(step.group(2)));
    }
    if (current == null || current.isNull() || current.isMissingNode()) {
      throw SfError.request(400, "INVALID_API_INPUT", "Invalid reference specified. No value for "
          + expression.substring(2, expression.length() - 1) + " found in " + referenceId + ".");
    }
    return current;
  }

  // ---------------------------------------------------------------------------------------------
  // Graph

  ApiResponse graph(Call call) {
    JsonNode request = call.json();
    JsonNode graphs = request.get("graphs");
    if (graphs == null || !graphs.isArray()) {
      throw SfError.request(400, "JSON_PARSER_ERROR", "graphs must be an array");
    }
    if (graphs.size() > MAX_GRAPHS) {
      throw SfError.request(400, "INVALID_API_INPUT", "A request may contain at most " + MAX_GRAPHS + " graphs");
    }
    List<String> graphIds = new ArrayList<>();
    List<List<Sub>> nodes = new ArrayList<>();
    int total = 0;
    Set<String> seen = new HashSet<>();
    for (JsonNode graph : graphs) {
      String graphId = graph.path("graphId").asText("");
      if (graphId.isEmpty() || !seen.add(graphId)) {
        throw SfError.request(400, "INVALID_API_INPUT", "every graph needs a unique graphId: '" + graphId + "'");
      }
      List<Sub> subs = subrequests(graph.get("compositeRequest"), true);
      for (Sub sub : subs) {
        checkGraphNode(sub);
      }
      total += subs.size();
      graphIds.add(graphId);
      nodes.add(subs);
    }
    if (total > MAX_GRAPH_NODES) {
      throw SfError.request(400, "INVALID_API_INPUT", "A graph request may contain at most " + MAX_GRAPH_NODES + " nodes, got " + total);
    }
    ObjectNode body = Json.object();
    ArrayNode results = body.putArray("graphs");
    int failedGraphs = 0;
    for (int g = 0; g < graphIds.size(); g++) {
      List<Sub> subs = nodes.get(g);
      ObjectNode result = results.addObject();
      result.put("graphId", graphIds.get(g));
      ArrayNode responses = result.putObject("graphResponse").putArray("compositeResponse");
      if (failedGraphs > MAX_FAILED_GRAPHS) {
        subs.forEach(sub -> responses.add(halted(sub.referenceId())));
        result.put("isSuccessful", false);
        continue;
      }
      boolean ok = org.transaction(() -> {
        int start = org.savepoint();
        Map<String, @Nullable JsonNode> bodies = new HashMap<>();
        Set<String> failed = new HashSet<>();
        List<ObjectNode> entries = new ArrayList<>();
        int failedAt = -1;
        for (int i = 0; i < subs.size(); i++) {
          Sub sub = subs.get(i);
          ApiResponse response = execute(call, sub, bodies, failed, ResourceKind.GRAPH);
          bodies.put(sub.referenceId(), response.json());
          entries.add(entry(sub.referenceId(), response));
          if (response.status() >= 400) {
            failedAt = i;
            break;
          }
        }
        if (failedAt >= 0) {
          org.rollbackTo(start);
          for (int i = 0; i < subs.size(); i++) {
            responses.add(i == failedAt ? entries.get(i) : halted(subs.get(i).referenceId()));
          }
          return false;
        }
        entries.forEach(responses::add);
        return true;
      });
      result.put("isSuccessful", ok);
      if (!ok) {
        failedGraphs++;
      }
    }
    return ApiResponse.json(200, body);
  }

  private static void checkGraphNode(Sub sub) {
    String path = pathOf(sub.url());
    Optional<ApiPaths.Versioned> parsed = ApiPaths.parse(path);
    String rest = parsed.map(p -> String.join("/", p.segments())).orElse("");
    boolean ok = parsed.isPresent() && GRAPH_URL.matcher(rest).matches();
    if (ok) {
      int depth = parsed.get().segments().size();
      ok = switch (sub.method()) {
        case "POST" -> depth == 2 || depth == 4;
        case "GET", "PATCH", "DELETE" -> depth == 3 || depth == 4;
        default -> false;
      };
    }
    if (!ok) {
      throw SfError.request(400, "INVALID_API_INPUT", "Graph nodes may only be POST /sobjects/{SObject}, GET|PATCH|DELETE "
          + "/sobjects/{SObject}/{id} or GET|PATCH|POST|DELETE /sobjects/{SObject}/{ExtIdField}/{value}; got " + sub.method() + " "
          + sub.url() + " (referenceId " + sub.referenceId() + ")");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Batch

  ApiResponse batch(Call call) {
    JsonNode request = call.json();
    JsonNode array = request.get("batchRequests");
    if (array == null || !array.isArray()) {
      throw SfError.request(400, "JSON_PARSER_ERROR", "batchRequests must be an array");
    }
    if (array.size() > MAX_SUBREQUESTS) {
      throw SfError.request(400, "INVALID_API_INPUT", "A batch may contain at most " + MAX_SUBREQUESTS + " subrequests");
    }
    boolean haltOnError = request.path("haltOnError").asBoolean(false);
    ObjectNode body = Json.object();
    ArrayNode results = Json.array();
    boolean hasErrors = false;
    boolean halted = false;
    int index = 0;
    for (JsonNode node : array) {
      ObjectNode result = results.addObject();
      if (halted) {
        result.put("statusCode", 412);
        ArrayNode errors = result.putArray("result");
        ObjectNode error = errors.addObject();
        error.put("errorCode", "BATCH_PROCESSING_HALTED");
        error.put("message", "Batch processing halted per request");
        continue;
      }
      // Each subrequest counts as a call; the request itself was counted once already.
      if (index++ > 0 && !api.usage.tryCount(ResourceKind.COMPOSITE)) {
        result.put("statusCode", 403);
        result.set("result", Json.topLevelError(SfError.request(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")));
        hasErrors = true;
        continue;
      }
      JsonNode richInput = node.get("richInput");
      Sub sub = new Sub(node.path("method").asText("GET").toUpperCase(java.util.Locale.ROOT), node.path("url").asText(""),
          "batch" + index, richInput == null || richInput.isNull() ? null : richInput, Map.of());
      ApiResponse response = org.transaction(() -> execute(call, sub, new HashMap<>(), new HashSet<>(), ResourceKind.COMPOSITE));
      result.put("statusCode", response.status());
      if (response.json() != null) {
        result.set("result", response.json());
      } else {
        result.putNull("result");
      }
      if (response.status() >= 400) {
        hasErrors = true;
        halted = haltOnError;
      }
    }
    body.put("hasErrors", hasErrors);
    body.set("results", results);
    return ApiResponse.json(200, body);
  }
}
