package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.core.PermanentException;
import io.github.tandemsync.core.RetryableException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Salesforce REST resources on top of {@link Transport}: query and queryAll with paging, sObject
 * Collections, Composite and Composite Graph, single-record upsert, describe, getDeleted, limits.
 */
public final class RestApi {
  /** Keep request URIs well below the 16 KB header limit; Salesforce advises about 2,000 characters. */
  static final int MAX_URI_CHARS = 2_000;
  /** sObject Collections take at most 200 records per call. */
  public static final int COLLECTION_LIMIT = 200;

  private final Transport transport;

  RestApi(Transport transport) {
    this.transport = transport;
  }

  Transport transport() {
    return transport;
  }

  String path(String rest) {
    return transport.dataPath(rest);
  }

  // ---------------------------------------------------------------- query

  /**
   * Runs {@code soql} and returns its pages lazily: each {@code next()} fetches one page, following
   * {@code nextRecordsUrl} until a page says {@code done}. A short page does not end the result.
   */
  Iterator<QueryPage> query(String soql, boolean all, int batchSize, String entity) {
    return new Iterator<>() {
      private Optional<String> next = Optional.empty();
      private boolean started;
      private boolean finished;

      @Override
      public boolean hasNext() {
        return !finished;
      }

      @Override
      public QueryPage next() {
        if (finished) {
          throw new NoSuchElementException();
        }
        QueryPage page = started ? nextPage(next.orElseThrow(), batchSize, entity) : firstPage(soql, all, batchSize, entity);
        started = true;
        next = page.nextRecordsUrl();
        finished = page.done();
        return page;
      }
    };
  }

  /** All rows of {@code soql}; for small, bounded results only. */
  List<ObjectNode> queryAllRows(String soql, String entity) {
    List<ObjectNode> rows = new ArrayList<>();
    query(soql, false, 2_000, entity).forEachRemaining(p -> rows.addAll(p.records()));
    return rows;
  }

  QueryPage firstPage(String soql, boolean all, int batchSize, String entity) {
    String resource = all ? "/queryAll" : "/query";
    String path = path(resource + "/?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
    String what = (all ? "queryAll " : "query ") + entity;
    if (path.length() > MAX_URI_CHARS) {
      // A long SOQL goes into a Composite subrequest body instead of the request line.
      return QueryPage.from(compositeGet(path, batchSize, entity, what));
    }
    ApiResponse r = transport.send(ApiRequest.get(path, entity, what)
        .withHeader("Sforce-Query-Options", "batchSize=" + clampBatch(batchSize)));
    return QueryPage.from(r.requireSuccess().json());
  }

  QueryPage nextPage(String nextRecordsUrl, int batchSize, String entity) {
    ApiResponse r = transport.send(ApiRequest.get(nextRecordsUrl, entity, "query page of " + entity)
        .withHeader("Sforce-Query-Options", "batchSize=" + clampBatch(batchSize)));
    return QueryPage.from(r.requireSuccess().json());
  }

  static int clampBatch(int batchSize) {
    return Math.max(200, Math.min(2_000, batchSize));
  }

  private JsonNode compositeGet(String url, int batchSize, String entity, String what) {
    ObjectNode sub = Json.object().put("method", "GET").put("url", url).put("referenceId", "q");
    sub.putObject("httpHeaders").put("Sforce-Query-Options", "batchSize=" + clampBatch(batchSize));
    ObjectNode body = Json.object().put("allOrNone", false);
    body.putArray("compositeRequest").add(sub);
    ApiResponse r = transport.send(ApiRequest.json("POST", path("/composite"), Json.write(body), true, entity, what + " (composite)"));
    JsonNode result = r.requireSuccess().json().path("compositeResponse").path(0);
    int status = result.path("httpStatusCode").asInt(500);
    if (status < 200 || status >= 300) {
      List<ApiError> errors = ApiError.listFrom(result.path("body"));
      String text = what + " failed with HTTP " + status + ": " + errors;
      if (status >= 500 || (!errors.isEmpty() && errors.stream().allMatch(ApiError::isRetryable))) {
        throw new RetryableException(text);
      }
      throw new PermanentException(text);
    }
    return result.path("body");
  }

  // ---------------------------------------------------------------- sObject Collections

  /**
   * {@code PATCH /composite/sobjects/{type}/{extIdField}}: upserts up to 200 records of one type by
   * external id, {@code allOrNone=false}. Safe to repeat. Returns the HTTP response; the caller maps
   * the per-record results (in request order).
   */
  ApiResponse upsertCollection(String type, String externalIdField, List<ObjectNode> records, String entity) {
    requireChunk(records.size());
    ObjectNode body = Json.object().put("allOrNone", false);
    ArrayNode arr = body.putArray("records");
    for (ObjectNode r : records) {
      ObjectNode copy = r.deepCopy();
      copy.putObject("attributes").put("type", type);
      arr.add(copy);
    }
    return transport.send(ApiRequest.json("PATCH", path("/composite/sobjects/" + type + "/" + externalIdField),
        Json.write(body), true, entity, "upsert of " + records.size() + " " + type + " by " + externalIdField));
  }

  /** {@code PATCH /composite/sobjects}: updates up to 200 records by Id. Safe to repeat. */
  ApiResponse updateCollection(String type, List<ObjectNode> records, String entity) {
    requireChunk(records.size());
    ObjectNode body = Json.object().put("allOrNone", false);
    ArrayNode arr = body.putArray("records");
    for (ObjectNode r : records) {
      ObjectNode copy = r.deepCopy();
      copy.putObject("attributes").put("type", type);
      arr.add(copy);
    }
    return transport.send(ApiRequest.json("PATCH", path("/composite/sobjects"), Json.write(body), true, entity,
        "update of " + records.size() + " " + type));
  }

  /**
   * {@code POST /composite/sobjects}: creates up to 200 records. Not safe to repeat: a lost
   * response is never replayed (see {@link OutcomeUnknownException}).
   */
  ApiResponse createCollection(String type, List<ObjectNode> records, String entity) {
    requireChunk(records.size());
    ObjectNode body = Json.object().put("allOrNone", false);
    ArrayNode arr = body.putArray("records");
    for (ObjectNode r : records) {
      ObjectNode copy = r.deepCopy();
      copy.putObject("attributes").put("type", type);
      arr.add(copy);
    }
    return transport.send(ApiRequest.json("POST", path("/composite/sobjects"), Json.write(body), false, entity,
        "create of " + records.size() + " " + type));
  }

  /** {@code DELETE /composite/sobjects?ids=...&allOrNone=false}: deletes up to 200 records. */
  ApiResponse deleteCollection(List<String> ids, String entity) {
    requireChunk(ids.size());
    String p = path("/composite/sobjects?ids=" + String.join(",", ids) + "&allOrNone=false");
    return transport.send(new ApiRequest("DELETE", p, null, "application/json", java.util.Map.of(), true, entity,
        "delete of " + ids.size() + " " + entity));
  }

  /**
   * {@code POST /composite/sobjects/{type}}: reads up to 2,000 records by Id with the given fields.
   * Missing or inaccessible ids come back as {@code null} entries.
   */
  List<JsonNode> retrieveCollection(String type, List<String> ids, List<String> fields, String entity) {
    if (ids.size() > 2_000) {
      throw new IllegalArgumentException("collections retrieve takes at most 2,000 ids");
    }
    ObjectNode body = Json.object();
    ArrayNode idArr = body.putArray("ids");
    ids.forEach(idArr::add);
    ArrayNode fieldArr = body.putArray("fields");
    fields.forEach(fieldArr::add);
    ApiResponse r = transport.send(ApiRequest.json("POST", path("/composite/sobjects/" + type), Json.write(body), true,
        entity, "retrieve of " + ids.size() + " " + type));
    List<JsonNode> out = new ArrayList<>();
    r.requireSuccess().json().forEach(out::add);
    return out;
  }

  private static void requireChunk(int size) {
    if (size == 0 || size > COLLECTION_LIMIT) {
      throw new IllegalArgumentException("sObject Collections take 1 to 200 records, got " + size);
    }
  }

  // ---------------------------------------------------------------- Composite Graph, single upsert

  /** {@code POST /composite/graph}; safe to repeat only when every node is. */
  ApiResponse graph(ObjectNode body, boolean replayable, String entity, String what) {
    return transport.send(ApiRequest.json("POST", path("/composite/graph"), Json.write(body), replayable, entity, what));
  }

  /** {@code POST /composite}. */
  ApiResponse composite(ObjectNode body, boolean replayable, String entity, String what) {
    return transport.send(ApiRequest.json("POST", path("/composite"), Json.write(body), replayable, entity, what));
  }

  /** {@code PATCH /sobjects/{type}/{extIdField}/{value}}: one upsert by external id. */
  ApiResponse upsertOne(String type, String externalIdField, String value, ObjectNode fields, String entity) {
    String p = path("/sobjects/" + type + "/" + externalIdField + "/" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    return transport.send(ApiRequest.json("PATCH", p, Json.write(fields), true, entity, "upsert of " + type + " " + externalIdField + "=" + value));
  }

  // ---------------------------------------------------------------- metadata and replication

  /** {@code GET /sobjects/{type}/describe}. */
  ApiResponse describe(String type) {
    return transport.send(ApiRequest.get(path("/sobjects/" + type + "/describe"), "connector", "describe " + type));
  }

  /**
   * {@code GET /sobjects/{type}/deleted/?start=&end=}. Salesforce truncates both ends to the minute
   * and needs more than a minute between them.
   */
  ApiResponse getDeleted(String type, Instant start, Instant end, String entity) {
    String p = path("/sobjects/" + type + "/deleted/?start=" + enc(SalesforceDateTimes.format(start))
        + "&end=" + enc(SalesforceDateTimes.format(end)));
    return transport.send(ApiRequest.get(p, entity, "getDeleted " + type));
  }

  /** {@code GET /sobjects/{type}/updated/?start=&end=}. */
  ApiResponse getUpdated(String type, Instant start, Instant end, String entity) {
    String p = path("/sobjects/" + type + "/updated/?start=" + enc(SalesforceDateTimes.format(start))
        + "&end=" + enc(SalesforceDateTimes.format(end)));
    return transport.send(ApiRequest.get(p, entity, "getUpdated " + type));
  }

  /** {@code GET /limits/}. */
  ApiResponse limits() {
    return transport.send(ApiRequest.get(path("/limits/"), "connector", "limits"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Joins ids for log lines without flooding them. */
  static String sample(List<String> ids) {
    return ids.size() <= 5 ? String.join(",", ids) : ids.stream().limit(5).collect(Collectors.joining(",")) + ",…";
  }
}
