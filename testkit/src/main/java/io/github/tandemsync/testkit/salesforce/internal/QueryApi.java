package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.testkit.salesforce.internal.soql.SoqlEngine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code /query} and {@code /queryAll} with server-side cursors (reference §5): the result is a
 * snapshot taken at query time, served in pages of {@code Sforce-Query-Options: batchSize}
 * (200..2000, default 2000), capped at 200 rows when a long text area is selected, and continued
 * through {@code nextRecordsUrl} until {@code done}. Locators expire (default 2 days, v56+).
 */
final class QueryApi {
  private static final Pattern BATCH_SIZE = Pattern.compile("batchSize\\s*=\\s*(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final int MAX_OPEN_CURSORS = 1000;
  private static final Pattern LOCATOR = Pattern.compile("(01g[0-9A-Za-z]{15})-(\\d+)");

  private record Cursor(String id, List<ObjectNode> records, Instant expires, boolean longText) {}

  private final Org org;
  /** Open cursors, oldest first; bounded so a long demo does not hoard snapshots. */
  private final Map<String, Cursor> cursors = new LinkedHashMap<>();
  private final Random pageRandom;

  QueryApi(Org org) {
    this.org = org;
    this.pageRandom = new Random(org.config().seed() ^ 0x5EEDL);
  }

  ApiResponse query(Call call, boolean all) {
    String soql = call.params.get("q");
    if (soql == null || soql.isBlank()) {
      throw SfError.request(400, "MALFORMED_QUERY", "A query string has to be specified");
    }
    expire();
    record Snapshot(List<ObjectNode> records, int total, boolean count, boolean longText, boolean offset) {}
    Snapshot snapshot = org.locked(() -> {
      if (all) {
        org.purgeExpiredRecycleBin();
      }
      SoqlEngine.Result result = SoqlEngine.execute(org, soql, all);
      List<ObjectNode> records = result.countOnly() ? List.of() : SoqlEngine.render(org, result, call.version, all);
      return new Snapshot(records, result.totalSize(), result.countOnly(), result.longText(), result.bound().offset() != null);
    });
    if (snapshot.count()) {
      return ApiResponse.json(200, page(snapshot.total(), true, null, List.of()));
    }
    int pageSize = pageSize(call, snapshot.longText());
    if (snapshot.offset()) {
      // OFFSET queries have no cursor: only the first batch is returned.
      List<ObjectNode> first = snapshot.records().subList(0, Math.min(pageSize, snapshot.records().size()));
      return ApiResponse.json(200, page(first.size(), true, null, first));
    }
    return serve(call, new Cursor(newLocator(), snapshot.records(), org.now().plus(org.config().queryCursorLifetime()),
        snapshot.longText()), 0, pageSize);
  }

  private String newLocator() {
    return "01g" + org.ids().token(15);
  }

  ApiResponse more(Call call, String locator) {
    Matcher matcher = LOCATOR.matcher(locator);
    if (!matcher.matches()) {
      throw SfError.request(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    expire();
    Cursor cursor;
    synchronized (cursors) {
      cursor = cursors.get(matcher.group(1));
    }
    int offset;
    try {
      offset = Integer.parseInt(matcher.group(2));
    } catch (NumberFormatException e) {
      throw SfError.request(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    if (cursor == null || offset < 0 || offset > cursor.records().size()) {
      throw SfError.request(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    return serve(call, cursor, offset, pageSize(call, cursor.longText()));
  }

  private ApiResponse serve(Call call, Cursor cursor, int offset, int requested) {
    List<ObjectNode> records = cursor.records();
    int size = requested;
    if (org.config().shortQueryPages() && size > 200) {
      synchronized (pageRandom) {
        size = 200 + pageRandom.nextInt(size - 199);
      }
    }
    int end = Math.min(records.size(), offset + size);
    boolean done = end >= records.size();
    String next = null;
    if (!done) {
      // The cursor stays valid until it expires, so a lost page can be fetched again.
      synchronized (cursors) {
        cursors.put(cursor.id(), cursor);
        if (cursors.size() > MAX_OPEN_CURSORS) {
          cursors.remove(cursors.keySet().iterator().next());
        }
      }
      next = call.base() + "/query/" + cursor.id() + "-" + end;
    }
    return ApiResponse.json(200, page(records.size(), done, next, records.subList(offset, end)));
  }

  private static ObjectNode page(int total, boolean done, @Nullable String next, List<ObjectNode> records) {
    ObjectNode body = Json.object();
    body.put("totalSize", total);
    body.put("done", done);
    if (next != null) {
      body.put("nextRecordsUrl", next);
    }
    ArrayNode array = body.putArray("records");
    records.forEach(array::add);
    return body;
  }

  /** Page size from Sforce-Query-Options; long text areas cap a page at 200 rows. */
  private int pageSize(Call call, boolean longText) {
    int size = 2000;
    String options = call.headers.first("Sforce-Query-Options").orElse(null);
    if (options != null) {
      Matcher matcher = BATCH_SIZE.matcher(options);
      if (matcher.find()) {
        try {
          size = Math.max(200, Math.min(2000, Integer.parseInt(matcher.group(1))));
        } catch (NumberFormatException e) {
          size = 2000;
        }
      }
    }
    return longText ? Math.min(size, 200) : size;
  }

  private void expire() {
    Instant now = org.now();
    synchronized (cursors) {
      cursors.values().removeIf(cursor -> cursor.expires().isBefore(now));
    }
  }
}
