package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.salesforce.FullResyncRequiredException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads changes of one sObject with a {@code (SystemModstamp, Id)} keyset, bounded above by
 * Salesforce's own clock minus a safety lag, with an overlap band re-read behind the watermark.
 * Deletes come from {@code getDeleted} (see {@code docs/salesforce.md} for why) and are handed out
 * before the run's updates, so an undelete after a delete is applied in the right order.
 *
 * <p>One run is one SOQL cursor: consecutive {@link #read} calls that continue from the position
 * the previous page returned are served from the same cursor, so a run costs one call per
 * Salesforce page whatever page size the engine asks for.
 */
final class SalesforceReader<T> implements ChangeReader<T> {
  private static final Logger LOG = LoggerFactory.getLogger(SalesforceReader.class);
  /** getDeleted looks back 15 days at most. */
  static final Duration DELETE_LOG_WINDOW = Duration.ofDays(15);

  private final RecordMapper<T> mapper;
  private final RestApi rest;
  private final ReaderSettings settings;
  private @Nullable Run run;

  /**
   * Reader tuning.
   *
   * @param batchSize SOQL page size (200..2000)
   * @param safetyLag how far behind Salesforce's clock reads stop
   * @param overlap how far behind the watermark each new run re-reads
   * @param deletePollInterval the least time between two getDeleted calls (more than a minute)
   * @param bulkReadThreshold full reads of at least this many rows use a Bulk API 2.0 query job
   *     (0 = never); documents with lines never do, Bulk queries have no child subqueries
   * @param includeSuppliers whether supplier accounts are handed out (else skipped, the watermark
   *     still moves past them)
   */
  record ReaderSettings(int batchSize, Duration safetyLag, Duration overlap, Duration deletePollInterval, long bulkReadThreshold,
      boolean includeSuppliers) {}

  private final BulkApi bulk;

  SalesforceReader(RecordMapper<T> mapper, RestApi rest, BulkApi bulk, ReaderSettings settings) {
    this.mapper = mapper;
    this.rest = rest;
    this.bulk = bulk;
    this.settings = settings;
  }

  /** Deletes come from getDeleted; a lost window is a FullResyncRequiredException, never silence. */
  @Override
  public boolean reportsDeletes() {
    return true;
  }

  @Override
  public FieldSet fields() {
    return mapper.readFields();
  }

  @Override
  public synchronized ChangePage<T> read(Watermark after, int limit) {
    int max = Math.max(1, limit);
    Run current = run;
    if (current == null || !current.resumeFrom.equals(after)) {
      current = open(Position.parse(after));
      run = current;
    }
    List<Change<T>> out = new ArrayList<>();
    while (out.size() < max) {
      if (current.buffer.isEmpty()) {
        if (!current.pages.hasNext()) {
          break;
        }
        current.fill(current.pages.next());
        continue;
      }
      out.add(current.buffer.poll());
    }
    boolean more = !current.buffer.isEmpty() || current.pages.hasNext();
    Watermark next = out.isEmpty() ? current.last.toWatermark() : out.get(out.size() - 1).position();
    current.resumeFrom = next;
    if (!more) {
      run = null;
    }
    return new ChangePage<>(out, next, more);
  }

  private Run open(Position from) {
    Instant upper = rest.transport().serverNow().minus(settings.safetyLag());
    Position start = from;
    Deque<Change<T>> deletes = new ArrayDeque<>();
    if (from.deletesUntil().isEmpty()) {
      // A full read sees every live record; deletes matter from its start on.
      start = from.withDeletesUntil(upper);
    } else {
      Instant since = from.deletesUntil().get();
      if (since.isBefore(rest.transport().serverNow().minus(DELETE_LOG_WINDOW))) {
        throw new FullResyncRequiredException(mapper.entity() + " (" + mapper.object() + "): the watermark's delete position " + since
            + " is older than Salesforce's 15-day getDeleted window; deletes since then cannot be read; the sync engine reconciles the linked records' Ids (see docs/salesforce.md, full resync).",
            from.withDeletesUntil(upper).toWatermark());
      }
      if (Duration.between(since, upper).compareTo(settings.deletePollInterval()) >= 0) {
        start = readDeletes(from, since, upper, deletes);
      }
    }
    if (start.modstamp().isEmpty() && start.id().isEmpty() && mapper.mapping.lines.isEmpty() && settings.bulkReadThreshold() > 0) {
      // A full read: count first (one call), and use one Bulk query job when it is large.
      String count = "SELECT COUNT() FROM " + mapper.object() + " WHERE SystemModstamp <= " + Soql.literal(upper);
      long rows = rest.firstPage(count, false, 200, mapper.entity()).totalSize();
      if (rows >= settings.bulkReadThreshold()) {
        Soql q = Soql.select(mapper.selectFields()).from(mapper.object()).where(Soql.field("SystemModstamp").le(upper))
            .orderBy("SystemModstamp", "Id");
        LOG.info("{}: full read of {} rows through a Bulk API 2.0 query job", mapper.entity(), rows);
        return new Run(start, bulkPages(bulk.queryPages(q.toSoql(), false, mapper.entity())), deletes);
      }
    }
    start = readEditedLines(start, upper, deletes);
    Instant overlapFrom = start.modstamp().map(ts -> ts.minus(settings.overlap())).orElse(null);
    Soql q = Soql.select(mapper.selectFields()).from(mapper.object());
    mapper.lineSubquery().ifPresent(q::subquery);
    Soql.Condition bound = Soql.field("SystemModstamp").le(upper);
    if (start.modstamp().isPresent()) {
      Instant ts = start.modstamp().get();
      Soql.Condition keyset = Soql.field("SystemModstamp").gt(ts)
          .or(Soql.field("SystemModstamp").eq(ts).and(Soql.field("Id").gt(start.id().isEmpty() ? "" : start.id())));
      if (overlapFrom != null && overlapFrom.isBefore(ts)) {
        keyset = Soql.field("SystemModstamp").ge(overlapFrom).and(Soql.field("SystemModstamp").lt(ts)).or(keyset);
      }
      bound = keyset.and(bound);
    }
    q.where(bound).orderBy("SystemModstamp", "Id");
    Iterator<QueryPage> pages = rest.query(q.toSoql(), false, settings.batchSize(), mapper.entity());
    return new Run(start, pages, deletes);
  }

  /**
   * Documents whose lines are edited in Salesforce (deliveries with picking quantities): a line edit
   * does not move the header's SystemModstamp, so changed lines since the last read are found on
   * the line object and their documents re-read (handed out before the pass's own changes).
   */
  private Position readEditedLines(Position start, Instant upper, Deque<Change<T>> out) {
    Optional<LineMapping> lines = mapper.mapping.lines.filter(LineMapping::editedInSalesforce);
    if (lines.isEmpty()) {
      return start;
    }
    Position after = start.withLinesUntil(upper);
    if (start.linesUntil().isEmpty() || !start.linesUntil().get().isBefore(upper)) {
      // A full read returns every document with its lines; line edits matter from here on.
      return start.linesUntil().isEmpty() ? after : start;
    }
    LineMapping l = lines.get();
    String parentField = mapper.ctx.naming().field(l.object(), l.parentField());
    String soql = Soql.select(parentField).from(mapper.ctx.naming().object(l.object()))
        .where(Soql.field("SystemModstamp").gt(start.linesUntil().get()).and(Soql.field("SystemModstamp").le(upper))).toSoql();
    java.util.Set<String> parents = new java.util.LinkedHashSet<>();
    rest.query(soql, false, settings.batchSize(), mapper.entity())
        .forEachRemaining(p -> p.records().forEach(r -> parents.add(r.path(parentField).asText())));
    parents.remove("");
    Watermark pos = after.toWatermark();
    for (Change<T> c : fetch(parents)) {
      if (!c.isDelete()) {
        out.add(c.withPosition(pos));
      }
    }
    return after;
  }

  /** Bulk CSV rows as sObject JSON: {@code Account.ERP_Id__c} columns nest, empty cells are absent. */
  private Iterator<QueryPage> bulkPages(Iterator<List<Map<String, String>>> csvPages) {
    return new Iterator<>() {
      private Position previous = Position.INITIAL;

      @Override
      public boolean hasNext() {
        return csvPages.hasNext();
      }

      @Override
      public QueryPage next() {
        List<ObjectNode> rows = new ArrayList<>();
        for (Map<String, String> csv : csvPages.next()) {
          ObjectNode row = Json.object();
          csv.forEach((column, value) -> {
            if (value.isEmpty()) {
              return;
            }
            String[] parts = column.split("\\.");
            ObjectNode target = row;
            for (int i = 0; i < parts.length - 1; i++) {
              target = target.has(parts[i]) && target.get(parts[i]).isObject() ? (ObjectNode) target.get(parts[i]) : target.putObject(parts[i]);
            }
            target.put(parts[parts.length - 1], value);
          });
          Position key = Position.INITIAL.withKey(SalesforceDateTimes.parse(row.path("SystemModstamp").asText()), row.path("Id").asText());
          if (key.compareTo(previous) < 0) {
            throw new io.github.tandemsync.core.PermanentException(mapper.entity() + ": the Bulk query returned rows out of "
                + "(SystemModstamp, Id) order; disable Bulk reads (bulkReadThreshold 0)");
          }
          previous = key;
          rows.add(row);
        }
        return new QueryPage(rows, !csvPages.hasNext(), Optional.empty(), rows.size());
      }
    };
  }

  /** Reads deleted ids since {@code since}; returns the start position with the new delete coverage. */
  private Position readDeletes(Position from, Instant since, Instant upper, Deque<Change<T>> out) {
    ApiResponse r = rest.getDeleted(mapper.object(), since, upper, mapper.entity());
    if (!r.isSuccess()) {
      List<ApiError> errors = r.errors();
      if (errors.stream().anyMatch(e -> e.code().equals("INVALID_REPLICATION_DATE"))) {
        throw new FullResyncRequiredException(mapper.entity() + " (" + mapper.object() + "): getDeleted refused the window from " + since
            + " (" + errors + "); deletes since then cannot be read; the sync engine reconciles the linked records' Ids (see docs/salesforce.md, full resync).", from.withDeletesUntil(upper).toWatermark());
      }
      r.requireSuccess();
    }
    JsonNode json = r.json();
    Optional<Instant> earliest = Json.text(json, "earliestDateAvailable").map(SalesforceDateTimes::parse);
    if (earliest.isPresent() && earliest.get().isAfter(since)) {
      throw new FullResyncRequiredException(mapper.entity() + " (" + mapper.object() + "): Salesforce's delete log starts at "
          + earliest.get() + ", after the watermark's delete position " + since
          + "; deletes in between were purged; the sync engine reconciles the linked records' Ids (see docs/salesforce.md, full resync).", from.withDeletesUntil(upper).toWatermark());
    }
    Instant covered = Json.text(json, "latestDateCovered").map(SalesforceDateTimes::parse).orElse(upper);
    Position after = from.withDeletesUntil(covered);
    Watermark pos = after.toWatermark();
    Set<String> seen = new HashSet<>();
    for (JsonNode d : json.path("deletedRecords")) {
      String id = d.path("id").asText("");
      if (!id.isEmpty() && seen.add(id)) {
        Change<T> change = Change.delete(id, pos);
        Optional<Instant> when = Json.text(d, "deletedDate").map(SalesforceDateTimes::parse);
        out.add(when.isPresent() ? change.withSourceTime(when.get()) : change);
      }
    }
    LOG.debug("{}: {} deletes between {} and {}", mapper.entity(), out.size(), since, covered);
    return after;
  }

  private Change<T> toChange(ObjectNode row, Position runStart) {
    String id = row.path("Id").asText();
    Instant modstamp = SalesforceDateTimes.parse(row.path("SystemModstamp").asText());
    // Rows in the overlap band sit behind the watermark: never move it backwards.
    Position pos = runStart.max(runStart.withKey(modstamp, id));
    RecordMapper.Mapped<T> mapped = mapper.toCanonical(row, url -> rest.nextPage(url, settings.batchSize(), mapper.entity()));
    Change<T> change = mapped.value().isPresent()
        ? Change.upsert(id, mapped.value().get(), pos.toWatermark())
        : Change.invalid(id, mapped.error().orElseThrow(), pos.toWatermark());
    return change.withSourceTime(modstamp).withSourceVersion(SalesforceDateTimes.format(modstamp));
  }

  @Override
  public List<Change<T>> fetch(Collection<String> nativeIds) {
    List<Change<T>> out = new ArrayList<>();
    List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(nativeIds));
    for (int i = 0; i < ids.size(); i += 200) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 200));
      Map<String, Change<T>> found = new LinkedHashMap<>();
      for (ObjectNode row : queryRows(Soql.field("Id").in(chunk))) {
        Change<T> c = toChange(row, Position.INITIAL);
        found.put(normalise(c.nativeId()), c);
      }
      for (String id : chunk) {
        Change<T> c = found.get(normalise(id));
        out.add(c != null ? c.withPosition(Watermark.initial()) : Change.delete(id, Watermark.initial()));
      }
    }
    return out;
  }

  private static final java.util.regex.Pattern SALESFORCE_ID = java.util.regex.Pattern.compile("[a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}");

  @Override
  public List<Change<T>> findByKey(String keyField, Collection<String> keyValues) {
    List<EntityMapping.KeyLookup> lookups = mapper.mapping.keyLookups.stream().filter(k -> k.path().equals(keyField)).toList();
    if (lookups.isEmpty() || keyValues.isEmpty()) {
      return List.of();
    }
    List<String> values = new ArrayList<>(new java.util.LinkedHashSet<>(keyValues));
    Map<String, Change<T>> found = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i += 100) {
      List<String> chunk = values.subList(i, Math.min(values.size(), i + 100));
      Soql.Condition cond = null;
      for (EntityMapping.KeyLookup k : lookups) {
        boolean byId = k.nativeField().equals("Id");
        String nativeField = byId ? "Id" : mapper.field(k.nativeField());
        // Salesforce refuses a malformed Id in a filter (INVALID_QUERY_FILTER_OPERATOR); such a value matches nothing
        List<String> wanted = chunk.stream().map(k.toNative()).filter(v -> !byId || SALESFORCE_ID.matcher(v).matches()).toList();
        if (wanted.isEmpty()) {
          continue;
        }
        Soql.Condition c = Soql.field(nativeField).in(wanted);
        cond = cond == null ? c : cond.or(c);
      }
      if (cond == null) {
        continue;
      }
      for (ObjectNode row : queryRows(cond)) {
        Change<T> c = toChange(row, Position.INITIAL);
        found.putIfAbsent(c.nativeId(), c.withPosition(Watermark.initial()));
      }
    }
    return new ArrayList<>(found.values());
  }

  private List<ObjectNode> queryRows(Soql.Condition where) {
    Soql q = Soql.select(mapper.selectFields()).from(mapper.object());
    mapper.lineSubquery().ifPresent(q::subquery);
    q.where(where);
    List<ObjectNode> rows = new ArrayList<>();
    rest.query(q.toSoql(), false, settings.batchSize(), mapper.entity()).forEachRemaining(p -> rows.addAll(p.records()));
    return rows;
  }

  /** 15- and 18-character Ids compare by their first 15 characters. */
  static String normalise(String id) {
    return id.length() == 18 ? id.substring(0, 15) : id;
  }

  /** One pass over the changes after a position. */
  private final class Run {
    final Position start;
    final Iterator<QueryPage> pages;
    final Deque<Change<T>> buffer;
    Position last;
    Watermark resumeFrom;

    Run(Position start, Iterator<QueryPage> pages, Deque<Change<T>> deletes) {
      this.start = start;
      this.pages = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return pages.hasNext();
        }

        @Override
        public QueryPage next() {
          try {
            return pages.next();
          } catch (RetryableException e) {
            // The cursor may have expired; a new read starts again from the last position handed out.
            run = null;
            throw e;
          }
        }
      };
      this.buffer = deletes;
      this.last = start;
      this.resumeFrom = Watermark.of("\u0000");
    }

    void fill(QueryPage page) {
      for (ObjectNode row : page.records()) {
        Change<T> c = toChange(row, start);
        last = Position.parse(c.position());
        if (!settings.includeSuppliers() && c.value().filter(v -> v instanceof io.github.tandemsync.core.model.Account a
            && a.role() == io.github.tandemsync.core.model.AccountRole.SUPPLIER).isPresent()) {
          continue;
        }
        buffer.add(c);
      }
    }
  }
}
