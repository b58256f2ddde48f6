package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.SyncError;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes one entity type. Creates are always upserts by external id (replays find the record made
 * the first time); linked records are updated by Id; documents go as one Composite Graph per
 * document; large batches of upserts go through Bulk API 2.0. Every request gets exactly one
 * outcome, in request order.
 */
final class SalesforceWriter<T> implements RecordWriter<T> {
  private final RecordMapper<T> mapper;
  private final RestApi rest;
  private final BulkApi bulk;
  private final WriterSettings settings;
  private final OrgCache orgCache;

  /**
   * Writer tuning.
   *
   * @param bulkThreshold batches of at least this many upserts go through Bulk API 2.0
   * @param maxBatch the largest batch accepted
   * @param includeSuppliers whether supplier accounts are written
   * @param activatedStatus the Order status value of the Activated category
   */
  record WriterSettings(int bulkThreshold, int maxBatch, boolean includeSuppliers, String activatedStatus) {}

  SalesforceWriter(RecordMapper<T> mapper, RestApi rest, BulkApi bulk, WriterSettings settings, OrgCache orgCache) {
    this.mapper = mapper;
    this.rest = rest;
    this.bulk = bulk;
    this.settings = settings;
    this.orgCache = orgCache;
  }

  @Override
  public int maxBatchSize() {
    return settings.maxBatch();
  }

  @Override
  public FieldSet fields() {
    return mapper.writeFields();
  }

  /** A request prepared for sending. */
  private final class Prepared {
    final int index;
    final WriteRequest<T> request;
    @Nullable JsonNode canonical;
    @Nullable ObjectNode body;
    Optional<String> extId = Optional.empty();

    Prepared(int index, WriteRequest<T> request) {
      this.index = index;
      this.request = request;
    }
  }

  @Override
  public List<WriteOutcome<T>> write(List<WriteRequest<T>> batch) {
    if (batch.size() > settings.maxBatch()) {
      throw new IllegalArgumentException("batch of " + batch.size() + " exceeds maxBatchSize " + settings.maxBatch());
    }
    List<WriteOutcome<T>> outcomes = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      outcomes.add(null);
    }
    List<Prepared> upserts = new ArrayList<>();
    List<Prepared> deletes = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      WriteRequest<T> req = batch.get(i);
      Prepared p = new Prepared(i, req);
      if (req.operation() == WriteRequest.Operation.DELETE) {
        deletes.add(p);
        continue;
      }
      try {
        prepare(p);
        upserts.add(p);
      } catch (InvalidRecordException e) {
        String code = e instanceof UnsupportedCurrencyException ? UnsupportedCurrencyException.CODE : "INVALID_RECORD";
        SyncError err = SyncError.permanent(code, describe(p) + ": " + e.getMessage());
        outcomes.set(i, WriteOutcome.failed(e.field().map(err::withField).orElse(err)));
      } catch (KeyMissing e) {
        outcomes.set(i, WriteOutcome.failed(e.error));
      }
    }
    switch (mapper.mapping.writeMode) {
      case NONE -> upserts.forEach(p -> outcomes.set(p.index, fail("NOT_WRITABLE", mapper.entity() + " is not written to Salesforce")));
      case UPSERT -> writeUpserts(upserts, outcomes);
      case UPDATE_ONLY -> writeUpdateOnly(upserts, outcomes);
      case WRITE_BACK -> writeBack(upserts, outcomes);
      case DOCUMENT, ORDER -> new DocumentWriter().write(upserts, outcomes);
      case PRICE -> new PriceWriter().write(upserts, outcomes);
      default -> throw new IllegalStateException();
    }
    writeDeletes(deletes, outcomes);
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) == null) {
        outcomes.set(i, fail("NO_RESULT", "Salesforce returned no result for " + describe(new Prepared(i, batch.get(i)))));
      }
    }
    return outcomes;
  }

  private static final class KeyMissing extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient SyncError error;

    KeyMissing(SyncError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }

  private void prepare(Prepared p) {
    T value = p.request.value().orElseThrow();
    JsonNode canonical = mapper.canonicalJson(value);
    p.canonical = canonical;
    if (mapper.mapping.type.name().equals("account") && !settings.includeSuppliers()
        && "SUPPLIER".equals(Paths.get(canonical, "role").asText())) {
      throw new KeyMissing(SyncError.permanent("SUPPLIERS_DISABLED", describe(p)
          + " is a supplier; suppliers are not synced to Salesforce unless the connector is built with includeSuppliers(true)")
          .withField("role"));
    }
    boolean create = p.request.targetId().isEmpty();
    p.extId = mapper.externalId(canonical); // first: errors of the mapping below name the record by it
    p.body = mapper.toSObject(value, canonical, p.request.changedFields(), create);
    if (p.request.targetId().isEmpty() && p.extId.isEmpty() && mapper.mapping.writeMode != EntityMapping.WriteMode.PRICE) {
      String keyField = mapper.mapping.keyPaths.isEmpty() ? "id" : mapper.mapping.keyPaths.get(0);
      throw new KeyMissing(SyncError.permanent("MISSING_KEY", describe(p) + " has neither an ERP key (" + keyField
          + ") nor a Salesforce Id: records are only created in Salesforce by upsert on an external id").withField(keyField));
    }
  }

  private String describe(Prepared p) {
    String key = p.request.targetId().orElse(p.extId.orElse(p.request.idempotencyKey()));
    return mapper.entity() + " " + key;
  }

  private static <T> WriteOutcome<T> fail(String code, String message) {
    return WriteOutcome.failed(SyncError.permanent(code, message));
  }

  // ------------------------------------------------------------------ plain records

  private void writeUpserts(List<Prepared> upserts, List<WriteOutcome<T>> outcomes) {
    String extField = mapper.externalIdField().orElse(null);
    List<Prepared> byExtId = new ArrayList<>();
    List<Prepared> byId = new ArrayList<>();
    for (Prepared p : upserts) {
      if (p.request.targetId().isPresent()) {
        p.body.put("Id", p.request.targetId().get());
        p.extId.ifPresent(e -> p.body.put(extField, e));
        byId.add(p);
      } else {
        p.body.put(extField, p.extId.orElseThrow());
        byExtId.add(p);
      }
    }
    if (byExtId.size() >= settings.bulkThreshold()) {
      bulkUpsert(byExtId, extField, outcomes);
    } else if (byExtId.size() == 1) {
      upsertSingle(byExtId.get(0), extField, outcomes);
    } else {
      for (List<Prepared> chunk : chunks(byExtId, RestApi.COLLECTION_LIMIT)) {
        ApiResponse r = rest.upsertCollection(mapper.object(), extField, bodies(chunk), mapper.entity());
        applyCollectionResults(r, chunk, outcomes);
      }
    }
    for (List<Prepared> chunk : chunks(byId, RestApi.COLLECTION_LIMIT)) {
      ApiResponse r = rest.updateCollection(mapper.object(), bodies(chunk), mapper.entity());
      applyCollectionResults(r, chunk, outcomes);
    }
  }

  /**
   * One record: {@code PATCH /sobjects/{type}/{extField}/{value}} (same cost as a collection of
   * one). 201 created, 200/204 updated, 300 when several records carry the value.
   */
  private void upsertSingle(Prepared p, String extField, List<WriteOutcome<T>> outcomes) {
    String key = p.extId.orElseThrow();
    ObjectNode body = p.body.deepCopy();
    body.remove(extField);
    ApiResponse r = rest.upsertOne(mapper.object(), extField, key, body, mapper.entity());
    if (r.status() == 300) {
      List<String> matches = new ArrayList<>();
      JsonNode urls = r.body().isBlank() ? Json.array() : r.json();
      urls.forEach(u -> matches.add(u.asText()));
      String keyPath = mapper.canonicalField(extField).orElse(extField);
      outcomes.set(p.index, WriteOutcome.failed(SyncError.permanent("DUPLICATE_EXTERNAL_ID", describe(p) + ": " + matches.size()
          + " " + mapper.object() + " records have " + extField + "=" + key + " " + matches
          + "; make the field Unique and merge the duplicates").withField(keyPath)));
    } else if (r.isSuccess()) {
      JsonNode res = r.body().isBlank() ? Json.object() : r.json();
      String id = res.path("id").asText("");
      boolean created = r.status() == 201 || res.path("created").asBoolean(false);
      if (id.isEmpty()) {
        // Before v46 an update answered 204 without a body: the Id is in the Location header.
        id = r.header("Location").map(l -> l.substring(l.lastIndexOf('/') + 1)).orElse(key);
      }
      outcomes.set(p.index, created ? WriteOutcome.created(id) : WriteOutcome.updated(id));
    } else {
      List<ApiError> errors = r.errors();
      outcomes.set(p.index, WriteOutcome.failed(withContext(errors.get(0).toSyncError(mapper::canonicalField), p)));
    }
  }

  private List<ObjectNode> bodies(List<Prepared> chunk) {
    return chunk.stream().map(p -> p.body).toList();
  }

  /** Maps per-record collection results (request order) or a top-level error onto outcomes. */
  private void applyCollectionResults(ApiResponse r, List<Prepared> chunk, List<WriteOutcome<T>> outcomes) {
    if (!r.isSuccess()) {
      List<ApiError> errors = r.errors();
      ApiError first = errors.get(0);
      for (Prepared p : chunk) {
        outcomes.set(p.index, WriteOutcome.failed(withContext(first.toSyncError(mapper::canonicalField), p)));
      }
      return;
    }
    JsonNode results = r.json();
    for (int i = 0; i < chunk.size(); i++) {
      Prepared p = chunk.get(i);
      JsonNode res = results.isArray() ? results.path(i) : results;
      outcomes.set(p.index, recordOutcome(res, p, true));
    }
  }

  private WriteOutcome<T> recordOutcome(JsonNode res, Prepared p, boolean upsertSemantics) {
    if (res.path("success").asBoolean(false)) {
      String id = res.path("id").asText(p.request.targetId().orElse(""));
      boolean created = res.path("created").asBoolean(false) && upsertSemantics;
      return created ? WriteOutcome.created(id) : WriteOutcome.updated(id);
    }
    List<ApiError> errors = ApiError.listFrom(res);
    ApiError err = errors.isEmpty() ? ApiError.of("UNKNOWN_ERROR", "Salesforce reported a failure without an error") : errors.get(0);
    return WriteOutcome.failed(withContext(err.toSyncError(mapper::canonicalField), p));
  }

  private SyncError withContext(SyncError e, Prepared p) {
    return new SyncError(e.code(), describe(p) + ": " + e.message(), e.field(), e.retryable());
  }

  private void bulkUpsert(List<Prepared> records, String extField, List<WriteOutcome<T>> outcomes) {
    List<String> columns = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Map<String, String>> flat = new ArrayList<>();
    for (Prepared p : records) {
      Map<String, String> row = new LinkedHashMap<>();
      flatten("", p.body, row);
      row.keySet().forEach(seen::add);
      flat.add(row);
    }
    columns.addAll(seen);
    List<List<String>> rows = new ArrayList<>();
    for (Map<String, String> row : flat) {
      List<String> values = new ArrayList<>();
      for (String c : columns) {
        values.add(row.getOrDefault(c, ""));
      }
      rows.add(values);
    }
    BulkApi.IngestResult result = bulk.ingest(mapper.object(), "upsert", Optional.of(extField), extField, columns, rows, mapper.entity());
    Set<String> unprocessed = new java.util.HashSet<>(result.unprocessed());
    // Result files are not in input order: reconcile by the external id we sent.
    for (Prepared p : records) {
      String key = p.extId.orElseThrow();
      BulkApi.Success ok = result.successful().get(key);
      String failure = result.failed().get(key);
      if (ok != null) {
        outcomes.set(p.index, ok.created() ? WriteOutcome.created(ok.id()) : WriteOutcome.updated(ok.id()));
      } else if (failure != null) {
        outcomes.set(p.index, WriteOutcome.failed(withContext(bulkError(failure), p)));
      } else if (unprocessed.contains(key)) {
        outcomes.set(p.index, WriteOutcome.failed(SyncError.retryable("BULK_UNPROCESSED", describe(p)
            + ": Bulk job " + result.jobId() + " did not process this record")));
      } else {
        outcomes.set(p.index, WriteOutcome.failed(SyncError.retryable("BULK_NO_RESULT", describe(p)
            + ": Bulk job " + result.jobId() + " returned no result for this record")));
      }
    }
  }

  /** Bulk errors look like {@code REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --}. */
  private SyncError bulkError(String text) {
    String[] parts = text.split(":", 3);
    String code = parts[0].strip().isEmpty() ? "BULK_ERROR" : parts[0].strip();
    String message = parts.length > 1 ? parts[1].strip() : text;
    List<String> fields = new ArrayList<>();
    if (parts.length > 2) {
      for (String f : parts[2].replace("--", "").split(",")) {
        if (!f.isBlank()) {
          fields.add(f.strip());
        }
      }
    }
    return new ApiError(code, message, fields).toSyncError(mapper::canonicalField);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("attributes")) {
        continue;
      }
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flatten(prefix + e.getKey() + ".", v, out);
      } else {
        out.put(prefix + e.getKey(), v.isNull() ? "#N/A" : v.asText());
      }
    }
  }

  /**
   * Updates existing records only: each record's candidate external ids (for balances: the
   * customer's {@code C-} key first, then the supplier's {@code S-} key) are looked up in one
   * query per 100 keys; a record none of whose keys exists fails with {@code NOT_FOUND}.
   */
  private void writeUpdateOnly(List<Prepared> upserts, List<WriteOutcome<T>> outcomes) {
    String extField = mapper.externalIdField().orElseThrow();
    String keyPath = mapper.mapping.keyPaths.isEmpty() ? "id" : mapper.mapping.keyPaths.get(0);
    List<EntityMapping.KeyLookup> lookups = mapper.mapping.keyLookups.stream()
        .filter(k -> k.path().equals(keyPath) && k.nativeField().equals(mapper.mapping.externalIdField.orElse(""))).toList();
    Map<Prepared, List<String>> candidates = new LinkedHashMap<>();
    for (Prepared p : upserts) {
      String key = Paths.get(p.canonical, keyPath).asText("");
      List<String> c = lookups.isEmpty() ? List.of(p.extId.orElseThrow()) : lookups.stream().map(k -> k.toNative().apply(key)).toList();
      candidates.put(p, c);
    }
    Map<String, String> idByKey = new LinkedHashMap<>();
    List<String> keys = candidates.entrySet().stream().filter(e -> e.getKey().request.targetId().isEmpty())
        .flatMap(e -> e.getValue().stream()).distinct().toList();
    for (List<String> chunk : chunks(keys, 100)) {
      String soql = Soql.select("Id", extField).from(mapper.object()).where(Soql.field(extField).in(chunk)).toSoql();
      for (ObjectNode row : rest.queryAllRows(soql, mapper.entity())) {
        idByKey.put(row.path(extField).asText().toUpperCase(java.util.Locale.ROOT), row.path("Id").asText());
      }
    }
    List<Prepared> updates = new ArrayList<>();
    for (Prepared p : upserts) {
      Optional<String> id = p.request.targetId().or(() -> candidates.get(p).stream()
          .map(k -> idByKey.get(k.toUpperCase(java.util.Locale.ROOT))).filter(java.util.Objects::nonNull).findFirst());
      if (id.isEmpty()) {
        outcomes.set(p.index, WriteOutcome.failed(SyncError.permanent("NOT_FOUND", describe(p) + ": no " + mapper.object() + " with "
            + extField + " in " + candidates.get(p) + " exists in Salesforce; " + mapper.entity()
            + " only updates existing records and never creates one").withField(keyPath)));
        continue;
      }
      p.body.remove(extField);
      p.body.put("Id", id.get());
      updates.add(p);
    }
    for (List<Prepared> chunk : chunks(updates, RestApi.COLLECTION_LIMIT)) {
      applyCollectionResults(rest.updateCollection(mapper.object(), bodies(chunk), mapper.entity()), chunk, outcomes);
    }
  }

  private void writeBack(List<Prepared> upserts, List<WriteOutcome<T>> outcomes) {
    List<Prepared> updates = new ArrayList<>();
    for (Prepared p : upserts) {
      if (p.request.targetId().isEmpty()) {
        outcomes.set(p.index, fail("NOT_CREATABLE", describe(p) + ": " + mapper.object()
            + " records are created in Salesforce; only write-back updates of linked records are sent"));
        continue;
      }
      ObjectNode body = p.body;
      p.extId.ifPresent(e -> mapper.externalIdField().ifPresent(f -> body.put(f, e)));
      body.put("Id", p.request.targetId().get());
      updates.add(p);
    }
    for (List<Prepared> chunk : chunks(updates, RestApi.COLLECTION_LIMIT)) {
      applyCollectionResults(rest.updateCollection(mapper.object(), bodies(chunk), mapper.entity()), chunk, outcomes);
    }
  }

  private void writeDeletes(List<Prepared> deletes, List<WriteOutcome<T>> outcomes) {
    for (List<Prepared> chunk : chunks(deletes, RestApi.COLLECTION_LIMIT)) {
      ApiResponse r = rest.deleteCollection(chunk.stream().map(p -> p.request.targetId().orElseThrow()).toList(), mapper.entity());
      if (!r.isSuccess()) {
        applyCollectionResults(r, chunk, outcomes);
        continue;
      }
      JsonNode results = r.json();
      for (int i = 0; i < chunk.size(); i++) {
        Prepared p = chunk.get(i);
        JsonNode res = results.path(i);
        String id = p.request.targetId().orElseThrow();
        List<ApiError> errors = ApiError.listFrom(res);
        boolean gone = !res.path("success").asBoolean(false)
            && errors.stream().anyMatch(e -> e.code().equals("ENTITY_IS_DELETED") || e.code().equals("NOT_FOUND"));
        outcomes.set(p.index, res.path("success").asBoolean(false) || gone ? WriteOutcome.deleted(id) : recordOutcome(res, p, false));
      }
    }
  }

  static <E> List<List<E>> chunks(List<E> list, int size) {
    List<List<E>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i += size) {
      out.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return out;
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ------------------------------------------------------------------ documents (graph)

  /** Writes documents as one Composite Graph each (header + lines, all or nothing per document). */
  private final class DocumentWriter {
    private static final int MAX_NODES = 500;
    private static final int MAX_GRAPHS = 75;

    private final boolean order = mapper.mapping.writeMode == EntityMapping.WriteMode.ORDER;
    private final LineMapping lines = mapper.mapping.lines.orElseThrow();
    private final String lineObject = mapper.ctx.naming().object(lines.object());
    private final String lineExt = mapper.ctx.naming().field(lines.object(), lines.externalIdField());
    private final String parentField = mapper.ctx.naming().field(lines.object(), lines.parentField());
    private final String extField = mapper.externalIdField().orElseThrow();

    /** What Salesforce already holds for one document; lines without an ERP key are keyed by their Id. */
    private record Existing(String id, String status, Map<String, String> lineIdsByKey, Map<String, ObjectNode> lineRows,
        List<UnkeyedLine> unkeyed) {}

    /** A line people added in Salesforce, not keyed by the ERP yet, with its product code. */
    private record UnkeyedLine(String id, String product) {}

    /** The line field holding the product: a line the ERP numbers is matched to a Salesforce line by it. */
    private final Optional<FieldSpec> productSpec = lines.fields().stream().filter(f -> f.paths.contains("productCode")).findFirst();

    private Optional<String> productSelect() {
      return productSpec.map(f -> f.refs.isEmpty() ? mapper.ctx.naming().field(lines.object(), f.nativeFields.get(0))
          : f.refs.get(0).selectPath(mapper.ctx, lines.object()));
    }

    private String productOf(ObjectNode lineRow) {
      Optional<String> select = productSelect();
      if (select.isEmpty()) {
        return "";
      }
      String[] parts = select.get().split("\\.", 2);
      JsonNode v = parts.length == 2 ? lineRow.path(parts[0]).path(parts[1]) : lineRow.path(parts[0]);
      return v.isTextual() ? v.asText() : "";
    }

    void write(List<Prepared> docs, List<WriteOutcome<T>> outcomes) {
      Map<String, Existing> existing = existing(docs);
      List<Graph> graphs = new ArrayList<>();
      for (Prepared p : docs) {
        try {
          graphs.add(graph(p, existing));
        } catch (KeyMissing e) {
          outcomes.set(p.index, WriteOutcome.failed(e.error));
        }
      }
      List<Graph> pending = new ArrayList<>();
      int nodes = 0;
      for (Graph g : graphs) {
        if (!pending.isEmpty() && (nodes + g.nodes.size() > MAX_NODES || pending.size() >= MAX_GRAPHS)) {
          send(pending, outcomes);
          pending = new ArrayList<>();
          nodes = 0;
        }
        pending.add(g);
        nodes += g.nodes.size();
      }
      if (!pending.isEmpty()) {
        send(pending, outcomes);
      }
      if (order) {
        activate(graphs, outcomes);
      }
    }

    /** Looks up documents already in Salesforce, with their line keys (one query per 100 documents). */
    private Map<String, Existing> existing(List<Prepared> docs) {
      Map<String, Existing> out = new LinkedHashMap<>();
      List<String> keys = docs.stream().flatMap(p -> p.extId.stream()).distinct().toList();
      List<String> ids = docs.stream().flatMap(p -> p.request.targetId().stream()).distinct().toList();
      if (keys.isEmpty() && ids.isEmpty()) {
        return out;
      }
      List<String> fields = new ArrayList<>(List.of("Id", extField));
      if (order) {
        fields.add("Status");
      }
      List<Soql.Condition> conditions = new ArrayList<>();
      for (List<String> chunk : chunks(keys, 100)) {
        conditions.add(Soql.field(extField).in(chunk));
      }
      for (List<String> chunk : chunks(ids, 100)) {
        conditions.add(Soql.field("Id").in(chunk));
      }
      String childRel = mapper.ctx.naming().field(mapper.mapping.object, lines.childRelationship());
      for (Soql.Condition c : conditions) {
        List<String> lineFields = new ArrayList<>(List.of("Id", lineExt));
        if (order) {
          lineFields.addAll(List.of("Quantity", "UnitPrice"));
        }
        productSelect().ifPresent(lineFields::add);
        Soql q = Soql.select(fields).from(mapper.object()).subquery(Soql.select(lineFields).from(childRel)).where(c);
        for (ObjectNode row : rest.queryAllRows(q.toSoql(), mapper.entity())) {
          Map<String, String> lineIds = new LinkedHashMap<>();
          Map<String, ObjectNode> lineValues = new LinkedHashMap<>();
          QueryPage sub = QueryPage.from(row.path(childRel));
          List<ObjectNode> lineRows = new ArrayList<>(sub.records());
          while (!sub.done() && sub.nextRecordsUrl().isPresent()) {
            sub = rest.nextPage(sub.nextRecordsUrl().get(), 2000, mapper.entity());
            lineRows.addAll(sub.records());
          }
          List<UnkeyedLine> unkeyed = new ArrayList<>();
          for (ObjectNode l : lineRows) {
            String lineKey = l.path(lineExt).asText("");
            if (lineKey.isBlank()) {
              lineKey = l.path("Id").asText();
              unkeyed.add(new UnkeyedLine(lineKey, productOf(l)));
            }
            lineIds.put(lineKey, l.path("Id").asText());
            lineValues.put(lineKey, l);
          }
          Existing e = new Existing(row.path("Id").asText(), row.path("Status").asText(""), lineIds, lineValues, unkeyed);
          out.put("id:" + SalesforceReader.normalise(e.id), e);
          String key = row.path(extField).asText("");
          if (!key.isEmpty()) {
            out.put("key:" + key, e);
          }
        }
      }
      return out;
    }

    private final class Graph {
      final Prepared doc;
      final String graphId;
      final ArrayNode nodes = Json.array();
      @Nullable Existing existing;
      boolean activate;

      Graph(Prepared doc, String graphId) {
        this.doc = doc;
        this.graphId = graphId;
      }

      void node(String method, String url, @Nullable ObjectNode body, String ref) {
        ObjectNode n = nodes.addObject().put("method", method).put("url", url).put("referenceId", ref);
        if (body != null) {
          n.set("body", body);
        }
      }
    }

    private Graph graph(Prepared p, Map<String, Existing> existingDocs) {
      Existing ex = p.request.targetId().map(id -> existingDocs.get("id:" + SalesforceReader.normalise(id)))
          .orElseGet(() -> p.extId.map(k -> existingDocs.get("key:" + k)).orElse(null));
      String docKey = p.extId.orElseGet(() -> p.request.targetId().orElseThrow());
      Graph g = new Graph(p, "g" + p.index);
      g.existing = ex;
      ObjectNode header = p.body.deepCopy();
      header.remove("Id");
      String base = rest.path("/sobjects/");
      boolean activated = ex != null && order && !ex.status.equalsIgnoreCase("Draft") && !ex.status.isEmpty();
      if (order) {
        String status = Paths.get(p.canonical, "status").asText("DRAFT");
        header.remove(mapper.field("Status"));
        g.activate = !status.equals("DRAFT") && !activated;
        if (ex == null) {
          // Orders are inserted as Draft with their price book set before any item (reference §15.2).
          header.put("Status", "Draft");
          String book = Paths.get(p.canonical, "priceBook").asText("");
          if (book.isBlank()) {
            header.put("Pricebook2Id", orgCache.standardPricebookId());
          } else {
            header.putObject("Pricebook2").put(mapper.ctx.naming().field("Pricebook2", DefaultMappings.ERP_ID), book);
          }
          if (!header.hasNonNull(mapper.field("EffectiveDate"))) {
            header.put(mapper.field("EffectiveDate"), SalesforceDateTimes.formatDate(java.time.LocalDate.ofInstant(
                rest.transport().serverNow(), java.time.ZoneOffset.UTC)));
          }
        } else {
          header.remove(mapper.field("AccountId"));
          header.remove("Account");
        }
      }
      String headerUrl;
      if (ex != null) {
        headerUrl = base + mapper.object() + "/" + ex.id;
        p.extId.ifPresent(k -> header.put(extField, k));
      } else if (p.request.targetId().isPresent()) {
        headerUrl = base + mapper.object() + "/" + p.request.targetId().get();
        p.extId.ifPresent(k -> header.put(extField, k));
      } else {
        header.remove(extField);
        headerUrl = base + mapper.object() + "/" + extField + "/" + enc(docKey);
      }
      g.node("PATCH", headerUrl, header, "h");
      String parentRef = ex != null ? ex.id : "@{h.id}";
      if (ex != null && !linesChanged(p)) {
        return g; // e.g. the ERP number written back: the lines stay as they are
      }
      List<RecordMapper.LineBody> lineBodies = mapper.lineBodies(p.canonical, docKey, true);
      Set<String> keep = new LinkedHashSet<>();
      if (activated && ex != null) {
        Set<String> wanted = new LinkedHashSet<>();
        lineBodies.forEach(b -> wanted.add(b.body().path(lineExt).asText()));
        if (!wanted.equals(ex.lineIdsByKey.keySet())) {
          throw new KeyMissing(SyncError.permanent("ORDER_ACTIVATED", describe(p) + ": the order is activated in Salesforce, "
              + "so order products cannot be added or removed; lines differ (Salesforce " + ex.lineIdsByKey.keySet() + ", ERP "
              + wanted + ")").withField("lines"));
        }
      }
      if (activated && ex != null) {
        // Order products of an activated order are locked (editing needs "Edit Activated Orders"):
        // write the header only, and refuse clearly when the ERP changed a line.
        for (RecordMapper.LineBody lineBody : lineBodies) {
          ObjectNode line = lineBody.body();
          ObjectNode current = ex.lineRows.get(line.path(lineExt).asText());
          if (current != null && (differs(line.path("Quantity"), current.path("Quantity"))
              || differs(line.path("UnitPrice"), current.path("UnitPrice")))) {
            throw new KeyMissing(SyncError.permanent("ORDER_ACTIVATED", describe(p) + ": the order is activated in Salesforce and line "
                + line.path(lineExt).asText() + " changed; activated order products cannot be edited").withField("lines"));
          }
        }
        lineBodies = List.of();
      }
      Set<String> adopted = new LinkedHashSet<>();
      for (int i = 0; i < lineBodies.size(); i++) {
        ObjectNode line = lineBodies.get(i).body();
        String lineKey = line.path(lineExt).asText();
        keep.add(lineKey);
        String existingLineId = ex == null ? null : ex.lineIdsByKey.get(lineKey);
        if (existingLineId == null && ex != null) {
          // A line added in Salesforce that the ERP has numbered now: it gets the ERP key instead of being replaced.
          String product = lineBodies.get(i).line().path("productCode").asText("");
          Optional<UnkeyedLine> match = ex.unkeyed.stream().filter(u -> !adopted.contains(u.id()) && !product.isBlank()
              && u.product().equals(product)).findFirst();
          if (match.isPresent()) {
            adopted.add(match.get().id());
            keep.add(match.get().id());
            existingLineId = match.get().id();
          }
        }
        String ref = "l" + (i + 1);
        if (existingLineId != null) {
          line.remove(parentField);
          if (order) {
            line.remove(mapper.ctx.naming().field(lines.object(), "PricebookEntryId"));
          }
          g.node("PATCH", base + lineObject + "/" + existingLineId, line, ref);
        } else {
          line.remove(lineExt);
          line.put(parentField, parentRef);
          if (order) {
            orderItemPricing(p, lineBodies.get(i).line(), line);
          }
          g.node("PATCH", base + lineObject + "/" + lineExt + "/" + enc(lineKey), line, ref);
        }
      }
      if (ex != null && !activated) {
        int d = 1;
        for (Map.Entry<String, String> e : ex.lineIdsByKey.entrySet()) {
          if (!keep.contains(e.getKey())) {
            g.node("DELETE", base + lineObject + "/" + e.getValue(), null, "d" + d++);
          }
        }
      }
      return g;
    }

    /** Whether an update touches the lines: a create, an update of everything, or one whose changed fields name them. */
    private boolean linesChanged(Prepared p) {
      Set<String> changed = p.request.changedFields();
      return p.request.targetId().isEmpty() || changed.isEmpty()
          || changed.stream().anyMatch(f -> f.equals(lines.path()) || f.startsWith(lines.path() + "."));
    }

    private static boolean differs(JsonNode wanted, JsonNode current) {
      if (!wanted.isNumber() || !current.isNumber()) {
        return false;
      }
      return wanted.decimalValue().compareTo(current.decimalValue()) != 0;
    }

    /**
     * An order product needs the price-book entry of the order's price book in the order's currency
     * (by external id) and a unit price. Lines without a product never get here: they are kept as
     * text on the order.
     */
    private void orderItemPricing(Prepared p, JsonNode line, ObjectNode body) {
      String product = line.path("productCode").asText("");
      if (!body.hasNonNull("UnitPrice")) {
        throw new KeyMissing(SyncError.permanent("REQUIRED_FIELD_MISSING", describe(p) + ": line " + line.path("lineNumber").asText("?")
            + " (" + product + ") has no unit price; an order product needs one").withField("lines.unitPrice"));
      }
      String book = Paths.get(p.canonical, "priceBook").asText("");
      String currency = Paths.get(p.canonical, "currency").asText(mapper.ctx.defaultCurrency());
      String entryKey = (book.isBlank() ? DefaultMappings.STANDARD_BOOK_KEY : book) + "-" + product + "-" + currency;
      body.putObject("PricebookEntry").put(mapper.ctx.naming().field("PricebookEntry", DefaultMappings.ERP_ID), entryKey);
    }

    private void send(List<Graph> graphs, List<WriteOutcome<T>> outcomes) {
      ObjectNode body = Json.object();
      ArrayNode arr = body.putArray("graphs");
      for (Graph g : graphs) {
        arr.addObject().put("graphId", g.graphId).set("compositeRequest", g.nodes);
      }
      // Every node is a PATCH by Id or by external id, or a DELETE: the whole request may be repeated.
      ApiResponse r = rest.graph(body, true, mapper.entity(), "composite graph of " + graphs.size() + " " + mapper.entity());
      if (!r.isSuccess()) {
        ApiError first = r.errors().get(0);
        for (Graph g : graphs) {
          outcomes.set(g.doc.index, WriteOutcome.failed(withContext(first.toSyncError(mapper::canonicalField), g.doc)));
        }
        return;
      }
      Map<String, JsonNode> results = new LinkedHashMap<>();
      for (JsonNode res : r.json().path("graphs")) {
        results.put(res.path("graphId").asText(), res);
      }
      for (Graph g : graphs) {
        JsonNode res = results.get(g.graphId);
        if (res == null) {
          outcomes.set(g.doc.index, WriteOutcome.failed(SyncError.retryable("NO_RESULT", describe(g.doc)
              + ": the composite graph response has no result for this document")));
          continue;
        }
        JsonNode responses = res.path("graphResponse").path("compositeResponse");
        if (res.path("isSuccessful").asBoolean(false)) {
          JsonNode h = responses.path(0);
          String id = h.path("body").path("id").asText(g.existing != null ? g.existing.id : "");
          boolean created = g.existing == null && (h.path("httpStatusCode").asInt() == 201 || h.path("body").path("created").asBoolean(false));
          outcomes.set(g.doc.index, created ? WriteOutcome.created(id) : WriteOutcome.updated(id));
          if (g.activate) {
            g.doc.body.put("Id", id);
          }
        } else {
          g.activate = false;
          outcomes.set(g.doc.index, WriteOutcome.failed(graphError(responses, g.doc)));
        }
      }
    }

    private SyncError graphError(JsonNode responses, Prepared doc) {
      ApiError chosen = null;
      String where = "";
      for (JsonNode sub : responses) {
        int status = sub.path("httpStatusCode").asInt(200);
        if (status >= 200 && status < 300) {
          continue;
        }
        for (ApiError e : ApiError.listFrom(sub.path("body"))) {
          if (chosen == null || (chosen.code().equals("PROCESSING_HALTED") && !e.code().equals("PROCESSING_HALTED"))) {
            chosen = e;
            where = sub.path("referenceId").asText();
          }
        }
      }
      if (chosen == null) {
        return SyncError.retryable("GRAPH_FAILED", describe(doc) + ": the composite graph failed without an error");
      }
      boolean line = where.startsWith("l") || where.startsWith("d");
      Function<String, Optional<String>> translate = line
          ? f -> lines.fields().stream().filter(s -> s.nativeFields.stream().anyMatch(n -> mapper.ctx.naming().field(lines.object(), n).equals(f)))
              .findFirst().map(s -> lines.path() + "." + s.paths.get(0))
              // An order product's price-book entry comes from its product (in the order's book and currency).
              .or(() -> order && f.equals(mapper.ctx.naming().field(lines.object(), "PricebookEntryId"))
                  ? Optional.of(lines.path() + ".productCode") : Optional.empty())
          : mapper::canonicalField;
      SyncError e = chosen.toSyncError(translate);
      if (where.startsWith("d") && chosen.code().equals("ENTITY_IS_DELETED")) {
        // A replayed graph found its line deletion already done: writing the document again succeeds.
        e = new SyncError(e.code(), e.message(), e.field(), true);
      }
      if (line && e.field().isEmpty()) {
        e = e.withField(lines.path());
      }
      return new SyncError(e.code(), describe(doc) + (line ? " (line " + where.substring(1) + ")" : "") + ": " + e.message(), e.field(),
          e.retryable());
    }

    /** Activation is its own update, changing only Status (reference §15.2, rule 7). */
    private void activate(List<Graph> graphs, List<WriteOutcome<T>> outcomes) {
      List<Graph> todo = graphs.stream().filter(g -> g.activate && outcomes.get(g.doc.index) != null
          && outcomes.get(g.doc.index).isSuccess()).toList();
      for (List<Graph> chunk : chunks(todo, RestApi.COLLECTION_LIMIT)) {
        List<ObjectNode> bodies = new ArrayList<>();
        for (Graph g : chunk) {
          bodies.add(Json.object().put("Id", outcomes.get(g.doc.index).nativeId().orElseThrow()).put("Status", settings.activatedStatus()));
        }
        ApiResponse r = rest.updateCollection(mapper.object(), bodies, mapper.entity());
        JsonNode results = r.isSuccess() ? r.json() : null;
        for (int i = 0; i < chunk.size(); i++) {
          Graph g = chunk.get(i);
          JsonNode res = results == null ? null : results.path(i);
          if (res == null || !res.path("success").asBoolean(false)) {
            List<ApiError> errs = res == null ? r.errors() : ApiError.listFrom(res);
            ApiError err = errs.isEmpty() ? ApiError.of("UNKNOWN_ERROR", "activation failed") : errs.get(0);
            SyncError se = err.toSyncError(mapper::canonicalField);
            outcomes.set(g.doc.index, WriteOutcome.failed(new SyncError(se.code(), describe(g.doc)
                + ": written as Draft, but activation failed: " + se.message(), se.field().or(() -> Optional.of("status")), se.retryable())));
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ prices

  /** Standard price-book entries first, then one Pricebook2 per price band and its entries. */
  private final class PriceWriter {
    private final String extField = mapper.externalIdField().orElseThrow();

    void write(List<Prepared> prices, List<WriteOutcome<T>> outcomes) {
      String stdBook = mapper.ctx.standardPriceBook();
      Map<String, Prepared> byKey = new LinkedHashMap<>();
      for (Prepared p : prices) {
        Optional<String> key = DefaultMappings.priceKey(p.canonical, stdBook);
        if (key.isEmpty()) {
          outcomes.set(p.index, fail("MISSING_KEY", describe(p) + ": a price needs a product code, a price book and a currency"));
          continue;
        }
        p.extId = key;
        byKey.put(key.get(), p);
      }
      if (byKey.isEmpty()) {
        return;
      }
      // Standard entries: one per product and currency, required before any custom entry.
      Map<String, Prepared> standardFor = new LinkedHashMap<>();
      for (Prepared p : byKey.values()) {
        String stdKey = standardKey(p);
        Prepared current = standardFor.get(stdKey);
        if (current == null || Paths.get(p.canonical, "priceBook").asText().equals(stdBook)) {
          standardFor.put(stdKey, p);
        }
      }
      List<String> allKeys = new ArrayList<>(byKey.keySet());
      allKeys.addAll(standardFor.keySet());
      Map<String, String> existing = existingEntries(allKeys);
      Map<String, SyncError> standardErrors = new LinkedHashMap<>();
      List<ObjectNode> stdBodies = new ArrayList<>();
      List<String> stdKeys = new ArrayList<>();
      for (Map.Entry<String, Prepared> e : standardFor.entrySet()) {
        Prepared p = e.getValue();
        boolean isStdBand = Paths.get(p.canonical, "priceBook").asText().equals(stdBook);
        String id = existing.get(e.getKey());
        if (id != null && !isStdBand) {
          continue;
        }
        ObjectNode body = Json.object();
        body.put("UnitPrice", Paths.get(p.canonical, "unitPrice.amount").decimalValue());
        body.put("IsActive", true);
        if (id != null) {
          body.put("Id", id);
        } else {
          body.put(extField, e.getKey());
          if (mapper.ctx.currencyField(mapper.mapping.object).isPresent()) {
            // One standard entry per currency: its currency is set on create only.
            body.put(MappingContext.CURRENCY_FIELD, Paths.get(p.canonical, "unitPrice.currency").asText());
          }
          body.put("Pricebook2Id", orgCache.standardPricebookId());
          body.putObject("Product2").put(mapper.ctx.naming().field("Product2", DefaultMappings.ERP_ID),
              Paths.get(p.canonical, "productCode").asText());
        }
        stdBodies.add(body);
        stdKeys.add(e.getKey());
      }
      sendEntries(stdBodies, stdKeys, standardErrors, existing);
      orgCache.ensurePricebooks(byKey.values().stream().map(p -> Paths.get(p.canonical, "priceBook").asText())
          .filter(b -> !b.equals(DefaultMappings.STANDARD_BOOK_KEY)).distinct().toList(), mapper.entity());
      List<Prepared> custom = new ArrayList<>();
      for (Prepared p : byKey.values()) {
        SyncError stdError = standardErrors.get(standardKey(p));
        if (stdError != null && !existing.containsKey(standardKey(p))) {
          outcomes.set(p.index, WriteOutcome.failed(new SyncError(stdError.code(), describe(p)
              + ": the standard price-book entry could not be written: " + stdError.message(), stdError.field(), stdError.retryable())));
          continue;
        }
        String id = existing.get(p.extId.orElseThrow());
        ObjectNode body = p.body;
        body.remove(mapper.field("Product2Id"));
        body.remove("Product2");
        if (id != null) {
          body.remove(MappingContext.CURRENCY_FIELD); // create-only, and part of the entry's key
          body.put("Id", id);
        } else {
          body.put(extField, p.extId.get());
          if (mapper.ctx.currencyField(mapper.mapping.object).isPresent()) {
            body.put(MappingContext.CURRENCY_FIELD, Paths.get(p.canonical, "unitPrice.currency").asText());
          }
          body.putObject("Pricebook2").put(mapper.ctx.naming().field("Pricebook2", DefaultMappings.ERP_ID),
              Paths.get(p.canonical, "priceBook").asText());
          body.putObject("Product2").put(mapper.ctx.naming().field("Product2", DefaultMappings.ERP_ID),
              Paths.get(p.canonical, "productCode").asText());
          body.put("UseStandardPrice", false);
        }
        custom.add(p);
      }
      List<Prepared> updates = custom.stream().filter(p -> p.body.has("Id")).toList();
      List<Prepared> inserts = custom.stream().filter(p -> !p.body.has("Id")).toList();
      for (List<Prepared> chunk : chunks(inserts, RestApi.COLLECTION_LIMIT)) {
        applyCollectionResults(rest.upsertCollection(mapper.object(), extField, bodies(chunk), mapper.entity()), chunk, outcomes);
      }
      for (List<Prepared> chunk : chunks(updates, RestApi.COLLECTION_LIMIT)) {
        applyCollectionResults(rest.updateCollection(mapper.object(), bodies(chunk), mapper.entity()), chunk, outcomes);
      }
    }

    private String standardKey(Prepared p) {
      return DefaultMappings.STANDARD_BOOK_KEY + "-" + Paths.get(p.canonical, "productCode").asText() + "-"
          + Paths.get(p.canonical, "unitPrice.currency").asText();
    }

    private Map<String, String> existingEntries(List<String> keys) {
      Map<String, String> out = new LinkedHashMap<>();
      for (List<String> chunk : chunks(keys.stream().distinct().toList(), 100)) {
        String soql = Soql.select("Id", extField).from(mapper.object()).where(Soql.field(extField).in(chunk)).toSoql();
        for (ObjectNode row : rest.queryAllRows(soql, mapper.entity())) {
          out.put(row.path(extField).asText(), row.path("Id").asText());
        }
      }
      return out;
    }

    private void sendEntries(List<ObjectNode> bodies, List<String> keys, Map<String, SyncError> errors, Map<String, String> existing) {
      List<Integer> inserts = new ArrayList<>();
      List<Integer> updates = new ArrayList<>();
      for (int i = 0; i < bodies.size(); i++) {
        (bodies.get(i).has("Id") ? updates : inserts).add(i);
      }
      for (List<Integer> chunk : chunks(inserts, RestApi.COLLECTION_LIMIT)) {
        ApiResponse r = rest.upsertCollection(mapper.object(), extField, chunk.stream().map(bodies::get).toList(), mapper.entity());
        collect(r, chunk, keys, errors, existing);
      }
      for (List<Integer> chunk : chunks(updates, RestApi.COLLECTION_LIMIT)) {
        ApiResponse r = rest.updateCollection(mapper.object(), chunk.stream().map(bodies::get).toList(), mapper.entity());
        collect(r, chunk, keys, errors, existing);
      }
    }

    private void collect(ApiResponse r, List<Integer> chunk, List<String> keys, Map<String, SyncError> errors, Map<String, String> existing) {
      if (!r.isSuccess()) {
        SyncError e = r.errors().get(0).toSyncError(mapper::canonicalField);
        chunk.forEach(i -> errors.put(keys.get(i), e));
        return;
      }
      JsonNode results = r.json();
      for (int j = 0; j < chunk.size(); j++) {
        JsonNode res = results.path(j);
        String key = keys.get(chunk.get(j));
        if (res.path("success").asBoolean(false)) {
          existing.putIfAbsent(key, res.path("id").asText());
        } else {
          List<ApiError> errs = ApiError.listFrom(res);
          errors.put(key, (errs.isEmpty() ? ApiError.of("UNKNOWN_ERROR", "failed") : errs.get(0)).toSyncError(mapper::canonicalField));
        }
      }
    }
  }
}
