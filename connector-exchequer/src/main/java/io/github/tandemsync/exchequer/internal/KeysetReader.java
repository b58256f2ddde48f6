package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.Watermark;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a table changed through the Toolkit (CUSTSUPP, STOCK) by the keyset
 * {@code (date column, time column, PositionId)} of reference §11: no row is lost or repeated
 * forever when many share one stamp. At the end of a pass the watermark rewinds by the overlap
 * window behind the newest stamp seen (capped at the workstation clock's "now"), so late writes
 * and skewed workstation clocks are picked up on the next run.
 */
final class KeysetReader<T> implements ChangeReader<T> {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
  static final int MAX_PAGE = 1000;
  static final int MAX_IN = 500;

  /** What to read and how to map it. */
  record Spec<T>(String kind, String entity, String table, List<String> columns, String dateColumn, String timeColumn,
      String idExpression, Consumer<Select> filter, Function<Row, List<Keyed<T>>> mapper,
      Map<String, String> keyExpressions, FieldSet fields) {}

  private final ReadContext context;
  private final Spec<T> spec;
  private final Materializer<T> materializer;

  KeysetReader(ReadContext context, Spec<T> spec, Materializer<T> materializer) {
    this.context = context;
    this.spec = spec;
    this.materializer = materializer;
  }

  @Override
  public ChangePage<T> read(Watermark after, int limit) {
    Map<String, String> state = WatermarkCodec.decode(spec.kind(), after);
    String date = state.getOrDefault("d", "");
    String time = state.getOrDefault("t", "");
    long id = WatermarkCodec.number(state, "id", 0);
    String highDate = state.getOrDefault("hd", "");
    String highTime = state.getOrDefault("ht", "");
    int pageSize = Math.max(1, Math.min(limit, MAX_PAGE));
    String d = "COALESCE({" + spec.dateColumn() + "}, '')";
    String t = "COALESCE({" + spec.timeColumn() + "}, '')";
    Select select = Select.from(spec.table()).columns(spec.columns())
        .where(d + " > ? OR (" + d + " = ? AND (" + t + " > ? OR (" + t + " = ? AND {PositionId} > ?)))",
            date, date, time, time, id)
        .orderBy(d + ", " + t + ", {PositionId}")
        .top(pageSize + 1);
    spec.filter().accept(select);
    List<Row> rows = context.database().query(select);
    boolean more = rows.size() > pageSize;
    List<Change<T>> changes = new ArrayList<>();
    String lastDate = date;
    String lastTime = time;
    long lastId = id;
    for (Row row : more ? rows.subList(0, pageSize) : rows) {
      lastDate = raw(row, spec.dateColumn());
      lastTime = raw(row, spec.timeColumn());
      lastId = Decode.integer(row.raw("PositionId"));
      Optional<LocalDateTime> stamp = stamp(lastDate, lastTime);
      if (stamp.isPresent() && stamp(highDate, highTime).map(h -> stamp.get().isAfter(h)).orElse(true)) {
        highDate = DATE.format(stamp.get());
        highTime = TIME.format(stamp.get());
      }
      Watermark position = position(lastDate, lastTime, lastId, highDate, highTime);
      for (Keyed<T> item : spec.mapper().apply(row)) {
        changes.add(materializer.change(withStamp(item, stamp, lastDate + lastTime), position));
      }
    }
    if (more) {
      return new ChangePage<>(changes, position(lastDate, lastTime, lastId, highDate, highTime), true);
    }
    return new ChangePage<>(changes, rewound(lastDate, lastTime, lastId, highDate, highTime), false);
  }

  /** The cursor for the next run: the overlap window behind the newest stamp, never after "now". */
  private Watermark rewound(String date, String time, long id, String highDate, String highTime) {
    Optional<LocalDateTime> high = stamp(highDate, highTime);
    if (high.isEmpty()) {
      return position(date, time, id, highDate, highTime);
    }
    LocalDateTime now = context.exchequerNow();
    LocalDateTime from = (high.get().isAfter(now) ? now : high.get()).minus(context.options().changeOverlap());
    return position(DATE.format(from), TIME.format(from), 0, highDate, highTime);
  }

  private Watermark position(String date, String time, long id, String highDate, String highTime) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("d", date);
    values.put("t", time);
    values.put("id", Long.toString(id));
    values.put("hd", highDate);
    values.put("ht", highTime);
    return WatermarkCodec.encode(spec.kind(), values);
  }

  private Keyed<T> withStamp(Keyed<T> item, Optional<LocalDateTime> stamp, String version) {
    return item.withSource(stamp.map(s -> s.atZone(context.options().clockZone()).toInstant()),
        version.isBlank() ? Optional.empty() : Optional.of(version));
  }

  private static String raw(Row row, String column) {
    Object value = row.raw(column);
    return value == null ? "" : value.toString();
  }

  /** A stamp from the raw columns, when both are well-formed. */
  static Optional<LocalDateTime> stamp(String date, String time) {
    try {
      Optional<LocalDate> day = Decode.date(date);
      Optional<LocalTime> clock = Decode.time(time);
      return day.map(d -> d.atTime(clock.orElse(LocalTime.MIDNIGHT)));
    } catch (Decode.BadValue e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Change<T>> fetch(Collection<String> nativeIds) {
    Set<String> wanted = new LinkedHashSet<>(nativeIds);
    Map<String, Change<T>> found = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>(wanted);
    for (int from = 0; from < ids.size(); from += MAX_IN) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_IN));
      List<String> keys = chunk.stream().map(k -> Decode.upper(k.strip())).distinct().toList();
      Select select = Select.from(spec.table()).columns(spec.columns()).whereExpressionIn(spec.idExpression(), keys);
      spec.filter().accept(select);
      for (Row row : context.database().query(select)) {
        for (Keyed<T> item : spec.mapper().apply(row)) {
          if (wanted.contains(item.nativeId())) {
            found.put(item.nativeId(), materializer.change(item, Watermark.initial()));
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
    String expression = spec.keyExpressions().get(keyField);
    if (expression == null || keyValues.isEmpty()) {
      return List.of();
    }
    List<String> values = keyValues.stream().map(v -> Decode.upper(v.strip())).filter(v -> !v.isEmpty()).distinct().toList();
    List<Change<T>> changes = new ArrayList<>();
    for (int from = 0; from < values.size(); from += MAX_IN) {
      Select select = Select.from(spec.table()).columns(spec.columns())
          .whereExpressionIn(expression, values.subList(from, Math.min(values.size(), from + MAX_IN)));
      spec.filter().accept(select);
      for (Row row : context.database().query(select)) {
        for (Keyed<T> item : spec.mapper().apply(row)) {
          changes.add(materializer.change(item, Watermark.initial()));
        }
      }
    }
    return changes;
  }

  @Override
  public FieldSet fields() {
    return spec.fields();
  }
}
