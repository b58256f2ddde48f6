package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import io.github.tandemsync.testkit.salesforce.internal.soql.SoqlEngine;
import io.github.tandemsync.testkit.salesforce.internal.soql.SoqlException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk API 2.0 (reference §11): ingest jobs (insert, update, upsert, delete, hardDelete) processed
 * asynchronously through the same validation as REST, with successful/failed/unprocessed results
 * in an order different from the input, and query jobs with locator paging.
 */
final class BulkApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BulkApi.class);
  private static final Set<String> OPERATIONS = Set.of("insert", "update", "upsert", "delete", "hardDelete");
  private static final Set<String> DELIMITERS = Set.of("COMMA", "TAB", "PIPE", "SEMICOLON", "CARET", "BACKQUOTE");
  private static final int CHUNK = 200;
  private static final int DEFAULT_MAX_RECORDS = 100_000;
  private static final Duration RETENTION = Duration.ofDays(7);

  private final Org org;
  private final FaultInjector faults;
  private final Map<String, IngestJob> ingestJobs = new LinkedHashMap<>();
  private final Map<String, QueryJob> queryJobs = new LinkedHashMap<>();
  private final ExecutorService worker;
  private final Random shuffle;
  private long batchesToday;
  private long queryJobsToday;

  BulkApi(Org org, FaultInjector faults) {
    this.org = org;
    this.faults = faults;
    this.shuffle = new Random(org.config().seed() ^ 0xB01CL);
    this.worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "salesforce-sandbox-bulk");
      thread.setDaemon(true);
      return thread;
    });
  }

  synchronized long batchesToday() {
    return batchesToday;
  }

  synchronized long queryJobsToday() {
    return queryJobsToday;
  }

  /** Common job fields. */
  private abstract static class Job {
    final String id;
    final String object;
    final String operation;
    final String createdById;
    final Instant createdDate;
    final String apiVersion;
    final String columnDelimiter;
    final String lineEnding;
    volatile String state;
    volatile Instant systemModstamp;
    volatile @Nullable String errorMessage;
    volatile long processingMillis;

    Job(String id, String object, String operation, String createdById, Instant now, String apiVersion, String delimiter,
        String lineEnding, String state) {
      this.id = id;
      this.object = object;
      this.operation = operation;
      this.createdById = createdById;
      this.createdDate = now;
      this.systemModstamp = now;
      this.apiVersion = apiVersion;
      this.columnDelimiter = delimiter;
      this.lineEnding = lineEnding;
      this.state = state;
    }

    String newline() {
      return lineEnding.equals("CRLF") ? "\r\n" : "\n";
    }

    boolean terminal() {
      return state.equals("JobComplete") || state.equals("Failed") || state.equals("Aborted");
    }
  }

  private static final class IngestJob extends Job {
    final @Nullable String externalIdFieldName;
    /** The Sforce-Call-Options client of the request that created the job: its writes carry it. */
    @Nullable String client;
    @Nullable String data;
    final List<List<String>> successful = new ArrayList<>();
    final List<List<String>> failed = new ArrayList<>();
    final List<List<String>> unprocessed = new ArrayList<>();
    List<String> header = List.of();
    volatile long processed;
    volatile long failures;

    IngestJob(String id, String object, String operation, @Nullable String externalIdFieldName, String createdById, Instant now,
        String apiVersion, String delimiter, String lineEnding) {
      super(id, object, operation, createdById, now, apiVersion, delimiter, lineEnding, "Open");
      this.externalIdFieldName = externalIdFieldName;
    }
  }

  private static final class QueryJob extends Job {
    final String query;
    List<String> header = List.of();
    List<List<String>> rows = List.of();

    QueryJob(String id, String object, String operation, String query, String createdById, Instant now, String apiVersion,
        String delimiter, String lineEnding) {
      super(id, object, operation, createdById, now, apiVersion, delimiter, lineEnding, "UploadComplete");
      this.query = query;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Routing

  ApiResponse handle(Call call) {
    List<String> s = call.segments;
    if (s.size() < 2) {
      throw RestApi.notFound();
    }
    purgeOldJobs();
    return switch (s.get(1)) {
      case "ingest" -> ingest(call);
      case "query" -> query(call);
      default -> throw RestApi.notFound();
    };
  }

  private static SfError jobError(String message) {
    return SfError.request(400, "INVALIDJOB", message);
  }

  private static SfError stateError(String message) {
    return SfError.request(400, "INVALIDJOBSTATE", message);
  }

  private static SfError noJob(String id) {
    return SfError.request(404, "NOT_FOUND", "Job with id " + id + " not found");
  }

  // ---------------------------------------------------------------------------------------------
  // Ingest

  private ApiResponse ingest(Call call) {
    List<String> s = call.segments;
    if (s.size() == 2) {
      RestApi.requireMethod(call, "GET", "POST");
      return call.method.equals("POST") ? createIngest(call) : list(call, ingestJobs);
    }
    IngestJob job;
    synchronized (this) {
      job = ingestJobs.get(s.get(2));
    }
    if (job == null) {
      throw noJob(s.get(2));
    }
    if (s.size() == 3) {
      RestApi.requireMethod(call, "GET", "PATCH", "DELETE");
      return switch (call.method) {
        case "PATCH" -> changeState(call, job);
        case "DELETE" -> delete(job, ingestJobs);
        default -> ApiResponse.json(200, info(job, true));
      };
    }
    String resource = s.get(3);
    if (resource.equals("batches")) {
      RestApi.requireMethod(call, "PUT");
      return upload(call, job);
    }
    RestApi.requireMethod(call, "GET");
    synchronized (job) {
      if (!job.terminal()) {
        throw stateError("Results are available once the job is complete; job " + job.id + " is " + job.state);
      }
      char delimiter = Csv.delimiter(job.columnDelimiter);
      boolean withFailedId = call.versionNumber() >= 53.0;
      List<List<String>> rows = new ArrayList<>();
      switch (resource) {
        case "successfulResults" -> {
          rows.add(concat(List.of("sf__Id", "sf__Created"), job.header));
          rows.addAll(job.successful);
        }
        case "failedResults" -> {
          rows.add(concat(withFailedId ? List.of("sf__Id", "sf__Error") : List.of("sf__Error"), job.header));
          for (List<String> row : job.failed) {
            rows.add(withFailedId ? row : row.subList(1, row.size()));
          }
        }
        case "unprocessedrecords" -> {
          rows.add(job.header);
          rows.addAll(job.unprocessed);
        }
        default -> throw RestApi.notFound();
      }
      if (rows.size() == 1 && job.header.isEmpty()) {
        return ApiResponse.csv(200, "");
      }
      return ApiResponse.csv(200, Csv.write(rows, delimiter, job.newline()));
    }
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private ApiResponse createIngest(Call call) {
    JsonNode body = call.json();
    String object = body.path("object").asText("");
    String operation = body.path("operation").asText("");
    SObjectType type = org.schema.type(object).orElseThrow(() -> jobError("InvalidJob : Invalid object: " + object));
    if (!OPERATIONS.contains(operation)) {
      throw jobError("InvalidJob : Invalid operation: " + operation + " (insert, update, upsert, delete or hardDelete)");
    }
    String contentType = body.path("contentType").asText("CSV");
    if (!contentType.equals("CSV")) {
      throw jobError("InvalidJob : Unsupported contentType: " + contentType);
    }
    String delimiter = body.path("columnDelimiter").asText("COMMA");
    if (!DELIMITERS.contains(delimiter)) {
      throw jobError("InvalidJob : Invalid columnDelimiter: " + delimiter);
    }
    String lineEnding = body.path("lineEnding").asText("LF");
    if (!lineEnding.equals("LF") && !lineEnding.equals("CRLF")) {
      throw jobError("InvalidJob : Invalid lineEnding: " + lineEnding);
    }
    String externalId = body.hasNonNull("externalIdFieldName") ? body.get("externalIdFieldName").asText() : null;
    if (operation.equals("upsert")) {
      if (externalId == null) {
        throw jobError("InvalidJob : External ID was blank for " + type.name + ". An External ID must be specified for upsert.");
      }
      FieldDef field = type.field(externalId).orElse(null);
      if (field == null || !field.idLookup || org.schema.isHidden(type, field)) {
        throw jobError("InvalidJob : Field name provided, " + externalId + " is not an External ID or indexed field for " + type.name);
      }
      externalId = field.name;
    }
    IngestJob job = new IngestJob(org.ids().next("750"), type.name, operation, externalId, call.userId, org.now(), call.version,
        delimiter, lineEnding);
    job.client = call.client;
    synchronized (this) {
      ingestJobs.put(job.id, job);
    }
    return ApiResponse.json(200, info(job, false));
  }

  private ApiResponse upload(Call call, IngestJob job) {
    String contentType = call.headers.first("Content-Type").orElse("text/csv");
    if (!contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
      throw SfError.request(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported Content-Type " + contentType + ": upload CSV as text/csv");
    }
    synchronized (job) {
      if (!job.state.equals("Open")) {
        throw stateError("Job " + job.id + " is " + job.state + ": data can only be uploaded while the job is Open");
      }
      if (job.data != null) {
        throw stateError("Found multiple contents for job: <" + job.id + ">, please 'Close' / 'Abort' / 'Delete' the current Job then "
            + "create a new Job and make sure you only do 'PUT' once on a given Job.");
      }
      if (call.body.length() > 100 * 1024 * 1024) {
        throw SfError.request(400, "INVALIDBATCH", "Upload exceeds 150 MB (base64) per job");
      }
      job.data = call.body;
    }
    synchronized (this) {
      batchesToday += 1 + call.body.length() / (10 * 1024 * 1024);
    }
    return ApiResponse.empty(201);
  }

  private ApiResponse changeState(Call call, Job job) {
    String wanted = call.json().path("state").asText("");
    synchronized (job) {
      switch (wanted) {
        case "UploadComplete" -> {
          if (!(job instanceof IngestJob ingest) || !job.state.equals("Open")) {
            throw stateError("Job " + job.id + " is " + job.state + ": only an Open ingest job can be closed");
          }
          job.state = "UploadComplete";
          job.systemModstamp = org.now();
          worker.execute(() -> process(ingest));
        }
        case "Aborted" -> {
          if (job.terminal()) {
            throw stateError("Job " + job.id + " is already " + job.state);
          }
          job.state = "Aborted";
          job.systemModstamp = org.now();
        }
        default -> throw stateError("Invalid state change to '" + wanted + "': use UploadComplete or Aborted");
      }
      return ApiResponse.json(200, info(job, false));
    }
  }

  private <J extends Job> ApiResponse delete(J job, Map<String, J> jobs) {
    synchronized (job) {
      if (!(job.terminal() || job.state.equals("UploadComplete"))) {
        throw stateError("Job " + job.id + " is " + job.state + ": only closed, completed, failed or aborted jobs can be deleted");
      }
    }
    synchronized (this) {
      jobs.remove(job.id);
    }
    return ApiResponse.empty(204);
  }

  private <J extends Job> ApiResponse list(Call call, Map<String, J> jobs) {
    ObjectNode body = Json.object();
    body.put("done", true);
    ArrayNode records = body.putArray("records");
    synchronized (this) {
      for (J job : jobs.values()) {
        records.add(info(job, false));
      }
    }
    body.putNull("nextRecordsUrl");
    return ApiResponse.json(200, body);
  }

  private ObjectNode info(Job job, boolean details) {
    ObjectNode node = Json.object();
    node.put("id", job.id);
    node.put("operation", job.operation);
    node.put("object", job.object);
    node.put("createdById", job.createdById);
    node.put("createdDate", Formats.restDateTime(job.createdDate));
    node.put("systemModstamp", Formats.restDateTime(job.systemModstamp));
    node.put("state", job.state);
    if (job instanceof IngestJob ingest && ingest.externalIdFieldName != null) {
      node.put("externalIdFieldName", ingest.externalIdFieldName);
    }
    node.put("concurrencyMode", "Parallel");
    node.put("contentType", "CSV");
    node.put("apiVersion", Double.parseDouble(job.apiVersion));
    if (job instanceof IngestJob) {
      node.put("contentUrl", "services/data/v" + job.apiVersion + "/jobs/ingest/" + job.id + "/batches");
    }
    node.put("lineEnding", job.lineEnding);
    node.put("columnDelimiter", job.columnDelimiter);
    if (details || job instanceof QueryJob) {
      node.put("jobType", job instanceof IngestJob ? "V2Ingest" : "V2Query");
      if (job instanceof IngestJob ingest) {
        node.put("numberRecordsProcessed", ingest.processed);
        node.put("numberRecordsFailed", ingest.failures);
      } else {
        node.put("numberRecordsProcessed", ((QueryJob) job).rows.size());
      }
      node.put("retries", 0);
      node.put("totalProcessingTime", job.processingMillis);
      node.put("apiActiveProcessingTime", job.processingMillis);
      node.put("apexProcessingTime", 0);
      if (job.errorMessage != null) {
        node.put("errorMessage", job.errorMessage);
      }
    }
    return node;
  }

  // ---------------------------------------------------------------------------------------------
  // Ingest processing (background)

  private void process(IngestJob job) {
    long started = System.nanoTime();
    try {
      String data;
      synchronized (job) {
        if (!job.state.equals("UploadComplete")) {
          return;
        }
        job.state = "InProgress";
        job.systemModstamp = org.now();
        data = job.data;
      }
      if (data == null || data.isBlank()) {
        fail(job, "InvalidBatch : No data was uploaded for this job", List.of());
        return;
      }
      List<List<String>> rows;
      try {
        rows = Csv.parse(data, Csv.delimiter(job.columnDelimiter));
      } catch (IllegalArgumentException e) {
        fail(job, "InvalidBatch : Failed to parse CSV: " + e.getMessage(), List.of());
        return;
      }
      if (rows.isEmpty()) {
        fail(job, "InvalidBatch : No data was uploaded for this job", List.of());
        return;
      }
      List<String> header = rows.get(0);
      List<List<String>> records = rows.subList(1, rows.size());
      job.header = header;
      SObjectType type = org.schema.type(job.object).orElseThrow();
      WriteEngine.Actor actor = new WriteEngine.Actor(job.createdById, job.client, "bulkapi", job.apiVersion, true);
      List<WriteEngine.Column> columns = new ArrayList<>();
      try {
        org.locked(() -> {
          for (String name : header) {
            columns.add(org.writes.column(type, name, actor));
          }
        });
        checkHeader(job, columns);
      } catch (SfError e) {
        fail(job, "InvalidBatch : " + e.getMessage(), records);
        return;
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (int start = 0; start < records.size(); start += CHUNK) {
        synchronized (job) {
          if (job.state.equals("Aborted")) {
            for (List<String> record : records.subList(start, records.size())) {
              job.unprocessed.add(record);
            }
            break;
          }
        }
        List<List<String>> chunk = records.subList(start, Math.min(records.size(), start + CHUNK));
        outcomes.addAll(org.transaction(() -> processChunk(job, type, columns, chunk, actor)));
        synchronized (job) {
          job.processed = outcomes.size();
          job.failures = outcomes.stream().filter(o -> o.error != null).count();
        }
        Thread.yield();
      }
      List<Outcome> shuffled = new ArrayList<>(outcomes);
      synchronized (shuffle) {
        // Bulk results are not in input order (reference §11.1).
        Collections.shuffle(shuffled, shuffle);
      }
      synchronized (job) {
        for (Outcome outcome : shuffled) {
          if (outcome.error == null) {
            job.successful.add(concat(List.of(Objects.requireNonNull(outcome.id), Boolean.toString(outcome.created)), outcome.cells));
          } else {
            job.failed.add(concat(List.of(outcome.id == null ? "" : outcome.id, outcome.error), outcome.cells));
          }
        }
        if (!job.state.equals("Aborted")) {
          job.state = "JobComplete";
        }
        job.systemModstamp = org.now();
        job.processingMillis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      }
    } catch (RuntimeException e) {
      LOG.error("Bulk job {} failed inside the sandbox", job.id, e);
      fail(job, "InternalServerError : " + e.getClass().getSimpleName(), List.of());
    }
  }

  private void checkHeader(IngestJob job, List<WriteEngine.Column> columns) {
    boolean hasId = columns.stream().anyMatch(WriteEngine.Column::id);
    switch (job.operation) {
      case "update", "delete", "hardDelete" -> {
        if (!hasId) {
          throw SfError.request(400, "INVALIDBATCH", "Id column is required for " + job.operation);
        }
      }
      case "upsert" -> {
        boolean hasExt = columns.stream().anyMatch(c -> c.field() != null && c.field().name.equals(job.externalIdFieldName));
        if (!hasExt) {
          throw SfError.request(400, "INVALIDBATCH", "Field name not found : " + job.externalIdFieldName
              + " (the external id column is required for upsert)");
        }
      }
      default -> { }
    }
  }

  private void fail(IngestJob job, String message, List<List<String>> unprocessed) {
    synchronized (job) {
      job.state = "Failed";
      job.errorMessage = message;
      job.unprocessed.addAll(unprocessed);
      job.systemModstamp = org.now();
    }
  }

  /** The outcome of one row. */
  private static final class Outcome {
    final List<String> cells;
    @Nullable String id;
    boolean created;
    @Nullable String error;

    Outcome(List<String> cells) {
      this.cells = cells;
    }
  }

  private List<Outcome> processChunk(IngestJob job, SObjectType type, List<WriteEngine.Column> columns, List<List<String>> chunk,
      WriteEngine.Actor actor) {
    List<Outcome> outcomes = new ArrayList<>();
    FieldDef extField = job.externalIdFieldName == null ? null : type.field(job.externalIdFieldName).orElseThrow();
    Map<String, Integer> extCounts = new HashMap<>();
    if (extField != null) {
      int index = columnIndex(columns, extField);
      for (List<String> cells : chunk) {
        String value = index < cells.size() ? cells.get(index) : "";
        if (!value.isEmpty()) {
          extCounts.merge(RecordStore.normalise(extField, value), 1, Integer::sum);
        }
      }
    }
    for (List<String> cells : chunk) {
      Outcome outcome = new Outcome(cells);
      outcomes.add(outcome);
      int mark = org.savepoint();
      try {
        if (faults.lockRow(ResourceKind.BULK)) {
          throw SfError.record("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records");
        }
        WriteEngine.Input input = org.writes.parseCsv(columns, cells);
        switch (job.operation) {
          case "insert" -> {
            outcome.id = org.writes.insert(type, input, actor);
            outcome.created = true;
          }
          case "update" -> {
            Row row = rowFor(input, type);
            outcome.id = row.id;
            input.id = null;
            org.writes.update(row, input, actor);
          }
          case "delete", "hardDelete" -> {
            Row row = rowFor(input, type);
            outcome.id = row.id;
            org.writes.delete(row, actor, job.operation.equals("hardDelete"));
          }
          default -> {
            FieldDef field = Objects.requireNonNull(extField);
            Object value = input.remove(field);
            if (value == null) {
              throw SfError.record("MISSING_ARGUMENT", field.name + " not specified", field.name);
            }
            if (extCounts.getOrDefault(RecordStore.normalise(field, value), 0) > 1) {
              throw SfError.record("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + value, field.name);
            }
            WriteEngine.UpsertOutcome result = org.writes.upsert(type, field, value, input, actor, false);
            if (result instanceof WriteEngine.UpsertOutcome.Multiple multiple) {
              throw SfError.record("DUPLICATE_EXTERNAL_ID", field.name + ": more than one record found for external id field: "
                  + multiple.ids(), field.name);
            }
            outcome.created = result instanceof WriteEngine.UpsertOutcome.Created;
            outcome.id = outcome.created ? ((WriteEngine.UpsertOutcome.Created) result).id() : ((WriteEngine.UpsertOutcome.Updated) result).id();
          }
        }
      } catch (SfError e) {
        org.rollbackTo(mark);
        outcome.error = e.code() + ":" + e.getMessage() + ":" + String.join(",", e.fields()) + " --";
        if (job.operation.equals("insert") || job.operation.equals("upsert")) {
          outcome.id = outcome.created ? outcome.id : null;
        }
      }
    }
    return outcomes;
  }

  private static int columnIndex(List<WriteEngine.Column> columns, FieldDef field) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).field() == field) {
        return i;
      }
    }
    return -1;
  }

  private Row rowFor(WriteEngine.Input input, SObjectType type) {
    if (input.id == null) {
      throw SfError.record("MISSING_ARGUMENT", "Id not specified in an update call");
    }
    String id = Ids.normalize(input.id);
    if (id == null) {
      throw SfError.record("MALFORMED_ID", "malformed id " + input.id, "Id");
    }
    Row row = org.store.get(id);
    if (row == null || row.type != type) {
      throw SfError.record("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "Id");
    }
    if (row.deleted) {
      throw SfError.record("ENTITY_IS_DELETED", "entity is deleted", "Id");
    }
    return row;
  }

  // ---------------------------------------------------------------------------------------------
  // Query jobs

  private ApiResponse query(Call call) {
    List<String> s = call.segments;
    if (s.size() == 2) {
      RestApi.requireMethod(call, "GET", "POST");
      return call.method.equals("POST") ? createQuery(call) : list(call, queryJobs);
    }
    QueryJob job;
    synchronized (this) {
      job = queryJobs.get(s.get(2));
    }
    if (job == null) {
      throw noJob(s.get(2));
    }
    if (s.size() == 3) {
      RestApi.requireMethod(call, "GET", "PATCH", "DELETE");
      return switch (call.method) {
        case "PATCH" -> changeState(call, job);
        case "DELETE" -> delete(job, queryJobs);
        default -> ApiResponse.json(200, info(job, true));
      };
    }
    if (s.size() == 4 && s.get(3).equals("results")) {
      RestApi.requireMethod(call, "GET");
      return results(call, job);
    }
    throw RestApi.notFound();
  }

  private ApiResponse createQuery(Call call) {
    JsonNode body = call.json();
    String operation = body.path("operation").asText("query");
    if (!operation.equals("query") && !operation.equals("queryAll")) {
      throw jobError("InvalidJob : Invalid operation: " + operation + " (query or queryAll)");
    }
    String soql = body.path("query").asText("");
    if (soql.isBlank()) {
      throw jobError("InvalidJob : query is required");
    }
    String delimiter = body.path("columnDelimiter").asText("COMMA");
    String lineEnding = body.path("lineEnding").asText("LF");
    if (!DELIMITERS.contains(delimiter) || !(lineEnding.equals("LF") || lineEnding.equals("CRLF"))) {
      throw jobError("InvalidJob : Invalid columnDelimiter or lineEnding");
    }
    SoqlEngine.Bound bound;
    try {
      bound = org.locked(() -> SoqlEngine.validate(org, soql));
    } catch (SoqlException e) {
      throw SfError.request(400, e.code(), e.getMessage());
    }
    if (bound.countOnly() || bound.offset() != null || SoqlEngine.hasSubqueries(bound)) {
      throw SfError.request(400, "INVALIDJOB", "InvalidJob : Bulk API 2.0 query jobs do not support COUNT(), OFFSET or child "
          + "relationship subqueries");
    }
    QueryJob job = new QueryJob(org.ids().next("750"), bound.type().name(), operation, soql, call.userId, org.now(), call.version,
        delimiter, lineEnding);
    synchronized (this) {
      queryJobs.put(job.id, job);
      queryJobsToday++;
    }
    worker.execute(() -> runQuery(job));
    return ApiResponse.json(200, info(job, false));
  }

  private void runQuery(QueryJob job) {
    long started = System.nanoTime();
    synchronized (job) {
      if (job.state.equals("Aborted")) {
        return;
      }
      job.state = "InProgress";
    }
    try {
      boolean all = job.operation.equals("queryAll");
      org.locked(() -> {
        SoqlEngine.Result result = SoqlEngine.execute(org, job.query, all);
        List<List<String>> rows = new ArrayList<>(result.rows().size());
        for (Row row : result.rows()) {
          rows.add(SoqlEngine.csvRow(org, result, row));
        }
        synchronized (job) {
          job.header = SoqlEngine.csvHeader(result);
          job.rows = rows;
        }
      });
      synchronized (job) {
        if (!job.state.equals("Aborted")) {
          job.state = "JobComplete";
        }
        job.systemModstamp = org.now();
        job.processingMillis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      }
    } catch (RuntimeException e) {
      synchronized (job) {
        job.state = "Failed";
        job.errorMessage = e.getMessage();
      }
    }
  }

  private ApiResponse results(Call call, QueryJob job) {
    if (!job.apiVersion.equals(call.version)) {
      throw SfError.request(409, "INVALIDJOBSTATE", "Query job " + job.id + " was created with API version " + job.apiVersion
          + "; read its results with the same version");
    }
    synchronized (job) {
      if (!job.state.equals("JobComplete")) {
        throw stateError("Job " + job.id + " is " + job.state + ": results are available once it is JobComplete");
      }
      int offset = 0;
      String locator = call.params.get("locator");
      if (locator != null && !locator.isEmpty() && !locator.equals("null")) {
        offset = decodeLocator(locator);
        if (offset < 0 || offset > job.rows.size()) {
          throw SfError.request(400, "INVALIDLOCATOR", "Invalid locator: " + locator);
        }
      }
      int max = DEFAULT_MAX_RECORDS;
      String maxText = call.params.get("maxRecords");
      if (maxText != null) {
        try {
          max = Integer.parseInt(maxText);
        } catch (NumberFormatException e) {
          throw SfError.request(400, "INVALIDPARAMETER", "maxRecords must be a positive integer: " + maxText);
        }
        if (max <= 0) {
          throw SfError.request(400, "INVALIDPARAMETER", "maxRecords must be a positive integer: " + maxText);
        }
      }
      int end = Math.min(job.rows.size(), offset + max);
      List<List<String>> page = new ArrayList<>();
      page.add(job.header);
      page.addAll(job.rows.subList(offset, end));
      String next = end >= job.rows.size() ? "null" : encodeLocator(end);
      return ApiResponse.csv(200, Csv.write(page, Csv.delimiter(job.columnDelimiter), job.newline()))
          .header("Sforce-Locator", next)
          .header("Sforce-NumberOfRecords", Integer.toString(end - offset));
    }
  }

  private static String encodeLocator(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(offset).getBytes(StandardCharsets.US_ASCII));
  }

  private static int decodeLocator(String locator) {
    try {
      return Integer.parseInt(new String(Base64.getUrlDecoder().decode(locator), StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /** Jobs are deleted 7 days after reaching a terminal state. */
  private synchronized void purgeOldJobs() {
    Instant cutoff = org.now().minus(RETENTION);
    ingestJobs.values().removeIf(job -> job.terminal() && job.systemModstamp.isBefore(cutoff));
    queryJobs.values().removeIf(job -> job.terminal() && job.systemModstamp.isBefore(cutoff));
  }

  /** Waits for running jobs to finish, then stops the worker. */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
