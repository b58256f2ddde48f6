package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import io.github.tandemsync.testkit.salesforce.internal.soql.SoqlException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Routes REST calls under {@code /services/data/vXX.X/} and implements sObject rows, rows by
 * external id, describe, limits and the resource list (reference §6, §13, §15.3).
 */
final class RestApi {
  final Org org;
  final ApiUsageTracker usage;
  final FaultInjector faults;
  final QueryApi queries;
  final CollectionsApi collections;
  final CompositeApi composite;
  final ReplicationApi replication;
  final BulkApi bulk;

  public RestApi(Org org, ApiUsageTracker usage, FaultInjector faults) {
    this.org = org;
    this.usage = usage;
    this.faults = faults;
    this.queries = new QueryApi(org);
    this.collections = new CollectionsApi(org, faults);
    this.composite = new CompositeApi(this);
    this.replication = new ReplicationApi(org);
    this.bulk = new BulkApi(org, faults);
  }

  /** The resource kind of a path (segments after the version). */
  public static ResourceKind kind(List<String> segments) {
    if (segments.isEmpty()) {
      return ResourceKind.OTHER;
    }
    return switch (segments.get(0)) {
      case "query", "queryAll" -> ResourceKind.QUERY;
      case "sobjects" -> ResourceKind.SOBJECTS;
      case "limits" -> ResourceKind.LIMITS;
      case "jobs" -> ResourceKind.BULK;
      case "composite" -> {
        String second = segments.size() > 1 ? segments.get(1) : "";
        yield second.equals("sobjects") ? ResourceKind.COLLECTIONS : second.equals("graph") ? ResourceKind.GRAPH : ResourceKind.COMPOSITE;
      }
      default -> ResourceKind.OTHER;
    };
  }

  /** Handles one call; every failure becomes Salesforce's error shape. */
  public ApiResponse handle(Call call) {
    try {
      return route(call);
    } catch (SfError e) {
      return ApiResponse.error(singleStatus(e));
    } catch (SoqlException e) {
      return ApiResponse.error(SfError.request(400, e.code(), e.getMessage()));
    }
  }

  /** NOT_FOUND always answers 404 (a deleted target record is answered 404 where it is looked up). */
  static SfError singleStatus(SfError e) {
    if (e.code().equals("NOT_FOUND")) {
      return e.withStatus(404);
    }
    return e;
  }

  private ApiResponse route(Call call) {
    List<String> s = call.segments;
    if (s.isEmpty()) {
      requireMethod(call, "GET");
      return ApiResponse.json(200, resources(call));
    }
    return switch (s.get(0)) {
      case "limits" -> {
        requireMethod(call, "GET");
        yield ApiResponse.json(200, limits());
      }
      case "query", "queryAll" -> {
        requireMethod(call, "GET");
        boolean all = s.get(0).equals("queryAll");
        yield s.size() == 1 ? queries.query(call, all) : queries.more(call, s.get(1));
      }
      case "sobjects" -> sobjects(call);
      case "composite" -> compositeRoute(call);
      case "jobs" -> bulk.handle(call);
      default -> throw notFound();
    };
  }

  private ApiResponse compositeRoute(Call call) {
    List<String> s = call.segments;
    if (s.size() == 1) {
      requireMethod(call, "POST");
      return composite.composite(call);
    }
    return switch (s.get(1)) {
      case "graph" -> {
        requireMethod(call, "POST");
        if (call.versionNumber() < 50.0) {
          throw notFound();
        }
        yield composite.graph(call);
      }
      case "batch" -> {
        requireMethod(call, "POST");
        yield composite.batch(call);
      }
      case "sobjects" -> {
        if (call.versionNumber() < 42.0) {
          throw notFound();
        }
        yield collections.handle(call);
      }
      default -> throw notFound();
    };
  }

  static SfError notFound() {
    return SfError.request(404, "NOT_FOUND", "The requested resource does not exist");
  }

  static void requireMethod(Call call, String... allowed) {
    for (String method : allowed) {
      if (method.equals(call.method) || (method.equals("GET") && call.method.equals("HEAD"))) {
        return;
      }
    }
    throw SfError.request(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + call.method + "' not allowed. Allowed are "
        + String.join(",", allowed));
  }

  SObjectType type(String name) {
    return org.schema.type(name).orElseThrow(RestApi::notFound);
  }

  // ---------------------------------------------------------------------------------------------
  // /sobjects

  private ApiResponse sobjects(Call call) {
    List<String> s = call.segments;
    if (s.size() == 1) {
      requireMethod(call, "GET");
      return ApiResponse.json(200, org.locked(() -> Describe.global(org, call.version)));
    }
    SObjectType type = type(s.get(1));
    if (s.size() == 2) {
      requireMethod(call, "GET", "POST");
      if (call.method.equals("POST")) {
        return create(call, type);
      }
      ObjectNode body = Json.object();
      body.set("objectDescribe", Describe.summary(type, call.version));
      body.putArray("recentItems");
      return ApiResponse.json(200, body);
    }
    String third = s.get(2);
    if (s.size() == 3) {
      switch (third) {
        case "describe" -> {
          requireMethod(call, "GET");
          return ApiResponse.json(200, org.locked(() -> Describe.full(org, type, call.version)));
        }
        case "updated" -> {
          requireMethod(call, "GET");
          return replication.updated(call, type);
        }
        case "deleted" -> {
          requireMethod(call, "GET");
          return replication.deleted(call, type);
        }
        default -> { }
      }
      if (third.equalsIgnoreCase("Id") && call.method.equals("POST")) {
        // v37+: POST /sobjects/X/Id creates a record (Id is the "external id" with a null value).
        return create(call, type);
      }
      return row(call, type, third);
    }
    if (s.size() == 4) {
      return byExternalId(call, type, third, s.get(3));
    }
    throw notFound();
  }

  private boolean lockFault(Call call) {
    return faults.lockRow(call.kind == ResourceKind.SOBJECTS ? ResourceKind.SOBJECTS : call.kind);
  }

  private static SfError lockError() {
    return SfError.request(400, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record");
  }

  private ApiResponse create(Call call, SObjectType type) {
    JsonNode body = call.json();
    if (lockFault(call)) {
      throw lockError();
    }
    String id = org.transaction(() -> {
      WriteEngine.Input input = org.writes.parseJson(type, body, call.actor("rest"));
      return org.writes.insert(type, input, call.actor("rest"));
    });
    ObjectNode result = Json.object();
    result.put("id", id);
    result.put("success", true);
    result.putArray("errors");
    return ApiResponse.json(201, result).header("Location", call.base() + "/sobjects/" + type.name + "/" + id);
  }

  private ApiResponse row(Call call, SObjectType type, String idText) {
    requireMethod(call, "GET", "PATCH", "DELETE");
    String id = Ids.normalize(idText);
    if (id == null) {
      throw SfError.request(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + idText);
    }
    return switch (call.method) {
      case "GET", "HEAD" -> org.locked(() -> {
        Row row = existing(type, id);
        Optional<String> since = call.headers.first("If-Modified-Since");
        if (since.isPresent()) {
          Optional<Instant> when = Formats.parseHttpDate(since.get());
          Instant modified = ((Instant) row.values.get("LastModifiedDate")).truncatedTo(ChronoUnit.SECONDS);
          if (when.isPresent() && !modified.isAfter(when.get())) {
            return ApiResponse.empty(304);
          }
        }
        return ApiResponse.json(200, render(row, call, fieldsParam(call, type)));
      });
      case "PATCH" -> {
        JsonNode body = call.json();
        if (lockFault(call)) {
          throw lockError();
        }
        org.transaction(() -> {
          Row row = existing(type, id);
          precondition(call, row);
          WriteEngine.Input input = org.writes.parseJson(type, body, call.actor("rest"));
          if (input.id != null && !id.equals(Ids.normalize(input.id))) {
            throw SfError.record("INVALID_FIELD", "The Id in the request body does not match the Id in the URL", "Id");
          }
          input.id = null;
          org.writes.update(row, input, call.actor("rest"));
          return null;
        });
        yield ApiResponse.empty(204);
      }
      default -> {
        if (lockFault(call)) {
          throw lockError();
        }
        org.transaction(() -> {
          org.writes.delete(existing(type, id), call.actor("rest"), false);
          return null;
        });
        yield ApiResponse.empty(204);
      }
    };
  }

  private void precondition(Call call, Row row) {
    Optional<String> header = call.headers.first("If-Unmodified-Since");
    if (header.isEmpty()) {
      return;
    }
    Instant when = Formats.parseHttpDate(header.get()).orElseThrow(() ->
        SfError.request(400, "INVALID_HEADER_TYPE", "If-Unmodified-Since is not a valid HTTP date: " + header.get()));
    Instant modified = ((Instant) row.values.get("LastModifiedDate")).truncatedTo(ChronoUnit.SECONDS);
    if (modified.isAfter(when)) {
      throw SfError.request(412, "PRECONDITION_FAILED", "The requested resource has been modified since " + header.get()
          + " (LastModifiedDate " + Formats.restDateTime((Instant) row.values.get("LastModifiedDate")) + ")");
    }
  }

  private Row existing(SObjectType type, String id18) {
    Row row = org.store.get(id18);
    if (row == null || row.type != type) {
      throw SfError.request(404, "NOT_FOUND", "The requested resource does not exist");
    }
    if (row.deleted) {
      throw SfError.request(404, "ENTITY_IS_DELETED", "entity is deleted");
    }
    return row;
  }

  private @Nullable List<FieldDef> fieldsParam(Call call, SObjectType type) {
    String fields = call.params.get("fields");
    if (fields == null || fields.isBlank()) {
      return null;
    }
    List<FieldDef> list = new ArrayList<>();
    for (String name : fields.split(",")) {
      String trimmed = name.trim();
      FieldDef field = type.field(trimmed).filter(f -> !org.schema.isHidden(type, f)).orElseThrow(() -> SfError.request(400,
          "INVALID_FIELD", "No such column '" + trimmed + "' on sobject of type " + type.name));
      list.add(field);
    }
    return list;
  }

  /** A record as {@code GET /sobjects/X/id} shows it: attributes, then the visible fields. */
  ObjectNode render(Row row, Call call, @Nullable List<FieldDef> fields) {
    ObjectNode node = Json.object();
    node.set("attributes", Values.attributes(row, call.version));
    if (fields != null) {
      node.set("Id", Values.json(row.type.field("Id").orElseThrow(), row.id));
      for (FieldDef field : fields) {
        node.set(field.name, Values.json(field, row.values.get(field.name)));
      }
      return node;
    }
    for (FieldDef field : row.type.fields()) {
      if (!org.schema.isHidden(row.type, field)) {
        node.set(field.name, Values.json(field, row.values.get(field.name)));
      }
    }
    return node;
  }

  /** An idLookup field usable in {@code /sobjects/X/Field/value}, or 404 as Salesforce answers. */
  FieldDef externalIdField(SObjectType type, String name) {
    return type.field(name).filter(f -> f.idLookup && !org.schema.isHidden(type, f)).orElseThrow(() ->
        SfError.request(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + name));
  }

  private ApiResponse byExternalId(Call call, SObjectType type, String fieldName, String value) {
    requireMethod(call, "GET", "PATCH", "DELETE");
    FieldDef field = externalIdField(type, fieldName);
    Object extValue = externalValue(field, value);
    return switch (call.method) {
      case "GET", "HEAD" -> org.locked(() -> {
        List<String> matches = sorted(org.writes.match(type, field, extValue));
        if (matches.isEmpty()) {
          throw SfError.request(404, "NOT_FOUND", "The requested resource does not exist");
        }
        if (matches.size() > 1) {
          return multipleChoices(call, type, matches);
        }
        return ApiResponse.json(200, render(org.store.get(matches.get(0)), call, fieldsParam(call, type)));
      });
      case "DELETE" -> {
        if (lockFault(call)) {
          throw lockError();
        }
        yield org.transaction(() -> {
          List<String> matches = sorted(org.writes.match(type, field, extValue));
          if (matches.isEmpty()) {
            throw SfError.request(404, "NOT_FOUND", "The requested resource does not exist");
          }
          if (matches.size() > 1) {
            return multipleChoices(call, type, matches);
          }
          org.writes.delete(org.store.get(matches.get(0)), call.actor("rest"), false);
          return ApiResponse.empty(204);
        });
      }
      default -> upsert(call, type, field, extValue);
    };
  }

  private ApiResponse upsert(Call call, SObjectType type, FieldDef field, Object extValue) {
    JsonNode body = call.json();
    if (body.isObject()) {
      for (Map.Entry<String, JsonNode> entry : body.properties()) {
        if (entry.getKey().equalsIgnoreCase(field.name) || (entry.getKey().equalsIgnoreCase("Id") && field.type != FieldType.ID)) {
          throw SfError.request(400, "INVALID_FIELD", "The field " + entry.getKey() + " cannot be specified in the request body of an "
              + "upsert: the external ID value comes from the URL");
        }
      }
    }
    if (lockFault(call)) {
      throw lockError();
    }
    boolean updateOnly = "true".equalsIgnoreCase(call.params.get("updateOnly"));
    WriteEngine.UpsertOutcome outcome = org.transaction(() -> {
      WriteEngine.Input input = org.writes.parseJson(type, body, call.actor("rest"));
      return org.writes.upsert(type, field, extValue, input, call.actor("rest"), updateOnly);
    });
    if (outcome instanceof WriteEngine.UpsertOutcome.Multiple multiple) {
      return multipleChoices(call, type, multiple.ids());
    }
    if (outcome instanceof WriteEngine.UpsertOutcome.NotFound) {
      throw SfError.request(404, "NOT_FOUND", "The requested resource does not exist");
    }
    boolean created = outcome instanceof WriteEngine.UpsertOutcome.Created;
    String id = created ? ((WriteEngine.UpsertOutcome.Created) outcome).id() : ((WriteEngine.UpsertOutcome.Updated) outcome).id();
    if (!created && call.versionNumber() < 46.0) {
      return ApiResponse.empty(204);
    }
    ObjectNode result = Json.object();
    result.put("id", id);
    result.put("success", true);
    result.putArray("errors");
    result.put("created", created);
    ApiResponse response = ApiResponse.json(created ? 201 : 200, result);
    if (created) {
      response.header("Location", call.base() + "/sobjects/" + type.name + "/" + id);
    }
    return response;
  }

  private static ApiResponse multipleChoices(Call call, SObjectType type, List<String> ids) {
    ArrayNode urls = Json.array();
    for (String id : ids) {
      urls.add(call.base() + "/sobjects/" + type.name + "/" + id);
    }
    return ApiResponse.json(300, urls);
  }

  private static List<String> sorted(Set<String> ids) {
    List<String> list = new ArrayList<>(ids);
    list.sort(null);
    return list;
  }

  /** Converts an external-id value from a URL segment. */
  Object externalValue(FieldDef field, String value) {
    if (field.type == FieldType.ID) {
      return value;
    }
    if (field.type.isNumber()) {
      try {
        return new java.math.BigDecimal(value);
      } catch (NumberFormatException e) {
        throw SfError.request(400, "MALFORMED_QUERY", field.name + ": " + value + " is not a number");
      }
    }
    return value;
  }

  // ---------------------------------------------------------------------------------------------
  // /limits and resources

  private ObjectNode limits() {
    long max = usage.limit();
    long remaining = Math.max(0, max - usage.used());
    ObjectNode body = Json.object();
    ObjectNode daily = body.putObject("DailyApiRequests");
    daily.put("Max", max);
    daily.put("Remaining", remaining);
    ObjectNode batches = body.putObject("DailyBulkApiBatches");
    batches.put("Max", 15000);
    batches.put("Remaining", Math.max(0, 15000 - bulk.batchesToday()));
    ObjectNode queryJobs = body.putObject("DailyBulkV2QueryJobs");
    queryJobs.put("Max", 10000);
    queryJobs.put("Remaining", Math.max(0, 10000 - bulk.queryJobsToday()));
    ObjectNode storage = body.putObject("DailyBulkV2QueryFileStorageMB");
    storage.put("Max", 1048576);
    storage.put("Remaining", 1048576);
    ObjectNode data = body.putObject("DataStorageMB");
    data.put("Max", 5);
    data.put("Remaining", 5);
    ObjectNode concurrent = body.putObject("ConcurrentAsyncGetReportInstances");
    concurrent.put("Max", 200);
    concurrent.put("Remaining", 200);
    return body;
  }

  private static ObjectNode resources(Call call) {
    ObjectNode body = Json.object();
    String base = call.base();
    for (String resource : List.of("sobjects", "query", "queryAll", "limits", "composite", "jobs/ingest", "jobs/query")) {
      body.put(resource, base + "/" + resource);
    }
    return body;
  }
}
