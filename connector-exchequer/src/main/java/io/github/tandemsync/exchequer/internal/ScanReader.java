package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.Watermark;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a table by periodic full scan, paged by {@code PositionId}: for data without a change
 * stamp (small masters, stock levels, prices). Every pass re-emits every row; the engine's hash
 * comparison drops the unchanged ones. A new pass starts when the previous one finished at least
 * {@code masterScanInterval} ago.
 */
final class ScanReader<T> implements ChangeReader<T> {

  /** What to scan and how to map it. */
  record Spec<T>(String kind, String entity, Supplier<String> table, Function<String, Select> select,
      Function<List<Row>, Function<Row, List<Keyed<T>>>> mapper, Function<List<String>, List<Select>> idQuery,
      Supplier<List<Keyed<T>>> synthetic, FieldSet fields) {}

  private final ReadContext context;
  private final Spec<T> spec;
  private final Materializer<T> materializer;

  ScanReader(ReadContext context, Spec<T> spec, Materializer<T> materializer) {
    this.context = context;
    this.spec = spec;
    this.materializer = materializer;
  }

  @Override
  public ChangePage<T> read(Watermark after, int limit) {
    Map<String, String> state = WatermarkCodec.decode(spec.kind(), after);
    Instant now = context.clock().instant();
    String table = spec.table().get();
    long from = WatermarkCodec.number(state, "p", 0);
    if (state.containsKey("done")) {
      Instant done = Instant.parse(state.get("done"));
      if (now.isBefore(done.plus(context.options().masterScanInterval())) && !now.isBefore(done)) {
        return ChangePage.empty(after);
      }
      from = 0;
    } else if (!table.equals(state.getOrDefault("table", table))) {
      from = 0;
    }
    int pageSize = Math.max(1, Math.min(limit, KeysetReader.MAX_PAGE));
    List<Row> rows = table.isEmpty() ? List.of() : context.database().query(spec.select().apply(table)
        .where("{PositionId} > ?", from).orderBy("{PositionId}").top(pageSize + 1));
    boolean more = rows.size() > pageSize;
    List<Row> page = more ? rows.subList(0, pageSize) : rows;
    Function<Row, List<Keyed<T>>> mapper = spec.mapper().apply(page);
    List<Change<T>> changes = new ArrayList<>();
    long last = from;
    for (Row row : page) {
      last = Decode.integer(row.raw("PositionId"));
      Watermark position = cursor(table, last);
      for (Keyed<T> item : mapper.apply(row)) {
        changes.add(materializer.change(item, position));
      }
    }
    if (more) {
      return new ChangePage<>(changes, cursor(table, last), true);
    }
    Watermark done = WatermarkCodec.encode(spec.kind(), Map.of("done", now.toString()));
    for (Keyed<T> item : spec.synthetic().get()) {
      changes.add(materializer.change(item, done));
    }
    return new ChangePage<>(changes, done, false);
  }

  private Watermark cursor(String table, long positionId) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("table", table);
    values.put("p", Long.toString(positionId));
    return WatermarkCodec.encode(spec.kind(), values);
  }

  @Override
  public List<Change<T>> fetch(Collection<String> nativeIds) {
    Set<String> wanted = new LinkedHashSet<>(nativeIds);
    Map<String, Change<T>> found = new LinkedHashMap<>();
    for (Keyed<T> item : spec.synthetic().get()) {
      if (wanted.contains(item.nativeId())) {
        found.put(item.nativeId(), materializer.change(item, Watermark.initial()));
      }
    }
    List<String> ids = new ArrayList<>(wanted);
    ids.removeAll(found.keySet());
    for (int from = 0; from < ids.size(); from += KeysetReader.MAX_IN) {
      for (Select select : spec.idQuery().apply(ids.subList(from, Math.min(ids.size(), from + KeysetReader.MAX_IN)))) {
        List<Row> rows = context.database().query(select);
        Function<Row, List<Keyed<T>>> mapper = spec.mapper().apply(rows);
        for (Row row : rows) {
          for (Keyed<T> item : mapper.apply(row)) {
            if (wanted.contains(item.nativeId())) {
              found.put(item.nativeId(), materializer.change(item, Watermark.initial()));
            }
          }
        }
      }
    }
    List<Change<T>> changes = new ArrayList<>();
    for (String id : wanted) {
      changes.add(found.containsKey(id) ? found.get(id) : Change.delete(id, Watermark.initial()));
    }
    return changes;
  }

  @Override
  public List<Change<T>> findByKey(String keyField, Collection<String> keyValues) {
    if (!keyField.equals("code")) {
      return List.of();
    }
    List<String> ids = keyValues.stream().map(v -> Decode.upper(v.strip())).distinct().toList();
    return fetch(ids).stream().filter(change -> !change.isDelete()).toList();
  }

  @Override
  public FieldSet fields() {
    return spec.fields();
  }
}
