package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.core.PermanentException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.TandemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk API 2.0: ingest jobs (create, one CSV upload, UploadComplete, polling with growing back-off,
 * results reconciled by the external-id column — result files come back in any order) and query
 * jobs (results read with the locator until it is {@code "null"}).
 */
final class BulkApi {
  private static final Logger LOG = LoggerFactory.getLogger(BulkApi.class);

  private final RestApi rest;
  private final Duration firstPoll;
  private final Duration maxPoll;
  private final Duration timeout;
  private final Clock clock;

  BulkApi(RestApi rest, Duration firstPoll, Duration maxPoll, Duration timeout, Clock clock) {
    this.rest = rest;
    this.firstPoll = firstPoll;
    this.maxPoll = maxPoll;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** The outcome of one ingest job, keyed by the value of the key column of each row. */
  record IngestResult(String jobId, Map<String, Success> successful, Map<String, String> failed, List<String> unprocessed) {}

  /** A row Salesforce applied. */
  record Success(String id, boolean created) {}

  /**
   * Runs one ingest job.
   *
   * @param object the sObject
   * @param operation {@code upsert}, {@code update}, {@code delete} …
   * @param externalIdField the upsert key (only for upsert)
   * @param keyColumn the column whose value identifies a row in the results (the external-id
   *     field for upserts, {@code Id} for updates and deletes)
   * @param columns CSV header
   * @param rows values per column ({@code #N/A} clears a field)
   */
  IngestResult ingest(String object, String operation, Optional<String> externalIdField, String keyColumn,
      List<String> columns, List<List<String>> rows, String entity) {
    ObjectNode spec = Json.object().put("object", object).put("operation", operation)
        .put("contentType", "CSV").put("columnDelimiter", "COMMA").put("lineEnding", "LF");
    externalIdField.ifPresent(f -> spec.put("externalIdFieldName", f));
    // Creating a job changes no data: repeating it after a lost response leaves at most an empty job.
    JsonNode job = rest.transport().send(ApiRequest.json("POST", rest.path("/jobs/ingest"), Json.write(spec), true, entity,
        "Bulk ingest job creation for " + object)).requireSuccess().json();
    String jobId = Json.text(job, "id").orElseThrow(() -> new RetryableException("Bulk job creation returned no id"));
    StringBuilder csv = new StringBuilder(Csv.line(columns));
    for (List<String> row : rows) {
      csv.append(Csv.line(row));
    }
    try {
      ApiResponse upload = rest.transport().send(new ApiRequest("PUT", rest.path("/jobs/ingest/" + jobId + "/batches"),
          csv.toString(), "text/csv", Map.of(), false, entity, "Bulk upload to job " + jobId));
      upload.requireSuccess();
    } catch (TandemException e) {
      // Nothing in a job is processed before UploadComplete: aborting it makes the batch safe to resend.
      abortQuietly(jobId, entity);
      throw e instanceof PermanentException && !(e instanceof OutcomeUnknownException) ? e
          : new RetryableException("Bulk upload to job " + jobId + " failed; the job was aborted before processing: " + e.getMessage());
    }
    ApiResponse close = rest.transport().send(ApiRequest.json("PATCH", rest.path("/jobs/ingest/" + jobId),
        "{\"state\":\"UploadComplete\"}", true, entity, "Bulk job " + jobId + " UploadComplete"));
    if (!close.isSuccess()) {
      // A replayed close after a lost response finds the job already past Open: that is success.
      JsonNode state = rest.transport().send(ApiRequest.get(rest.path("/jobs/ingest/" + jobId), entity, "Bulk job status " + jobId))
          .requireSuccess().json();
      if (Json.text(state, "state").orElse("Open").equals("Open")) {
        close.requireSuccess();
      }
    }
    JsonNode done = await("/jobs/ingest/" + jobId, entity);
    String state = Json.text(done, "state").orElse("");
    if (state.equals("Failed") && done.path("numberRecordsProcessed").asLong(0) == 0 && done.path("numberRecordsFailed").asLong(0) == 0) {
      throw new PermanentException("Bulk job " + jobId + " for " + object + " failed: " + Json.text(done, "errorMessage").orElse("no message"));
    }
    Map<String, Success> ok = new LinkedHashMap<>();
    for (Map<String, String> row : csvResults("/jobs/ingest/" + jobId + "/successfulResults/", entity)) {
      String key = row.getOrDefault(keyColumn, "");
      ok.put(key, new Success(row.getOrDefault("sf__Id", ""), "true".equalsIgnoreCase(row.get("sf__Created"))));
    }
    Map<String, String> failed = new LinkedHashMap<>();
    for (Map<String, String> row : csvResults("/jobs/ingest/" + jobId + "/failedResults/", entity)) {
      failed.put(row.getOrDefault(keyColumn, ""), row.getOrDefault("sf__Error", "unknown error"));
    }
    List<String> unprocessed = new ArrayList<>();
    for (Map<String, String> row : csvResults("/jobs/ingest/" + jobId + "/unprocessedrecords/", entity)) {
      unprocessed.add(row.getOrDefault(keyColumn, ""));
    }
    LOG.info("Bulk job {} for {} {}: {} ok, {} failed, {} unprocessed", jobId, object, state, ok.size(), failed.size(), unprocessed.size());
    return new IngestResult(jobId, ok, failed, unprocessed);
  }

  /** Runs a query job and returns its rows as column → value maps (all values are text). */
  List<Map<String, String>> query(String soql, boolean all, String entity) {
    List<Map<String, String>> rows = new ArrayList<>();
    queryPages(soql, all, entity).forEachRemaining(rows::addAll);
    return rows;
  }

  /**
   * Runs a query job and returns its result lazily, one locator page (up to 50,000 rows) per
   * {@code next()}, until the locator is the string {@code "null"}.
   */
  java.util.Iterator<List<Map<String, String>>> queryPages(String soql, boolean all, String entity) {
    ObjectNode spec = Json.object().put("operation", all ? "queryAll" : "query").put("query", soql)
        .put("contentType", "CSV").put("columnDelimiter", "COMMA").put("lineEnding", "LF");
    JsonNode job = rest.transport().send(ApiRequest.json("POST", rest.path("/jobs/query"), Json.write(spec), true, entity,
        "Bulk query job for " + entity)).requireSuccess().json();
    String jobId = Json.text(job, "id").orElseThrow(() -> new RetryableException("Bulk query job creation returned no id"));
    JsonNode done = await("/jobs/query/" + jobId, entity);
    if (!"JobComplete".equals(Json.text(done, "state").orElse(""))) {
      throw new PermanentException("Bulk query job " + jobId + " ended " + Json.text(done, "state").orElse("?") + ": "
          + Json.text(done, "errorMessage").orElse("no message"));
    }
    return new java.util.Iterator<>() {
      private String locator;
      private boolean finished;

      @Override
      public boolean hasNext() {
        return !finished;
      }

      @Override
      public List<Map<String, String>> next() {
        if (finished) {
          throw new java.util.NoSuchElementException();
        }
        String p = rest.path("/jobs/query/" + jobId + "/results?maxRecords=50000" + (locator == null ? "" : "&locator=" + RestApi.enc(locator)));
        ApiResponse r = rest.transport().send(new ApiRequest("GET", p, null, "text/csv", Map.of(), true, entity,
            "Bulk query results of " + jobId)).requireSuccess();
        locator = r.header("Sforce-Locator").orElse("null");
        finished = locator.isEmpty() || locator.equals("null");
        return toMaps(Csv.parse(r.body()));
      }
    };
  }

  private JsonNode await(String jobPath, String entity) {
    Instant deadline = clock.instant().plus(timeout);
    Duration wait = firstPoll;
    while (true) {
      sleep(wait);
      JsonNode status = rest.transport().send(ApiRequest.get(rest.path(jobPath), entity, "Bulk job status " + jobPath)).requireSuccess().json();
      String state = Json.text(status, "state").orElse("");
      if (state.equals("JobComplete") || state.equals("Failed") || state.equals("Aborted")) {
        if (state.equals("Aborted")) {
          throw new RetryableException("Bulk job " + jobPath + " was aborted");
        }
        return status;
      }
      if (clock.instant().isAfter(deadline)) {
        // The job keeps running on the server; the batch is an idempotent upsert and may be resent.
        throw new RetryableException("Bulk job " + jobPath + " still " + state + " after " + timeout + "; it keeps running on Salesforce");
      }
      long next = Math.min(maxPoll.toMillis(), Math.max(wait.toMillis() + 1, (long) (wait.toMillis() * 1.5)));
      wait = Duration.ofMillis(next);
    }
  }

  private List<Map<String, String>> csvResults(String path, String entity) {
    ApiResponse r = rest.transport().send(new ApiRequest("GET", rest.path(path), null, "text/csv", Map.of(), true, entity,
        "Bulk results " + path)).requireSuccess();
    return toMaps(Csv.parse(r.body()));
  }

  private static List<Map<String, String>> toMaps(List<List<String>> table) {
    List<Map<String, String>> out = new ArrayList<>();
    if (table.isEmpty()) {
      return out;
    }
    List<String> header = table.get(0);
    for (int i = 1; i < table.size(); i++) {
      List<String> row = table.get(i);
      Map<String, String> m = new HashMap<>();
      for (int c = 0; c < header.size() && c < row.size(); c++) {
        m.put(header.get(c), row.get(c));
      }
      out.add(m);
    }
    return out;
  }

  private void abortQuietly(String jobId, String entity) {
    try {
      rest.transport().send(ApiRequest.json("PATCH", rest.path("/jobs/ingest/" + jobId), "{\"state\":\"Aborted\"}", true, entity,
          "Bulk job " + jobId + " abort"));
    } catch (TandemException e) {
      LOG.warn("could not abort Bulk job {}: {}", jobId, e.getMessage());
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(Math.max(0, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableException("interrupted while waiting for a Bulk job");
    }
  }
}
