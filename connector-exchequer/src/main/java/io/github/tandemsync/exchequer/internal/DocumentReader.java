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
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads transactions of some document types (reference §11: DOCUMENT has no last-changed date).
 * One pass runs these phases, each paged:
 * <ol>
 *   <li>{@code new}: headers above the {@code PositionId} high-water mark (minus an overlap of
 *       {@code documentOverlap} positions, for identities that become visible out of order);</li>
 *   <li>{@code evidence}: documents that newer rows point at — invoices named by new
 *       FinancialMatching rows (receipts allocated), orders named by new lines' {@code tlSOPFolioNum}
 *       (deliveries and invoices raised from them) — so a document leaving the open set is seen;</li>
 *   <li>{@code open}: the open documents (unposted, outstanding, orders with {@code thTotalOrderOS ≠ 0}),
 *       re-read every pass because they change in place;</li>
 *   <li>{@code full}: every document, when the last full pass is older than {@code fullPassInterval}
 *       (catches edits of closed documents and anything the other phases missed).</li>
 * </ol>
 * The engine drops re-emitted documents whose mapped values did not change.
 */
final class DocumentReader<T> implements ChangeReader<T> {

  /** Unposted run numbers (reference §6.8). */
  static final String UNPOSTED = "{thRunNo} IN (0, -40, -41, -43, -50, -51, -53, -60, -100, -115, -118, -125, -128)";

  /** Evidence that a document changed without a new header row. */
  enum Evidence {
    /** New FinancialMatching rows name the documents they settle (DocRef, PayRef). */
    MATCHING,
    /** New DETAILS rows name the order they came from (tlSOPFolioNum). */
    ORDER_LINKS
  }

  /** What to read and how to map it. */
  record Spec<T>(String kind, String entity, List<Integer> docTypes, Optional<String> openCondition,
      Set<Evidence> evidence, Function<DocumentBundle, List<Keyed<T>>> mapper, Map<String, String> keyExpressions,
      FieldSet fields) {}

  private final ReadContext context;
  private final Spec<T> spec;
  private final Materializer<T> materializer;
  private final DocumentLoader loader;

  DocumentReader(ReadContext context, Spec<T> spec, Materializer<T> materializer) {
    this.context = context;
    this.spec = spec;
    this.materializer = materializer;
    this.loader = new DocumentLoader(context);
  }

  /** The reader's state between pages and runs. */
  private static final class State {
    String phase = "new";
    long cursor;
    long high;
    long matching;
    long links;
    Instant lastFull = Instant.EPOCH;
    boolean initial;

    Watermark encode(String kind) {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("ph", phase);
      values.put("c", Long.toString(cursor));
      values.put("hw", Long.toString(high));
      values.put("fm", Long.toString(matching));
      values.put("dl", Long.toString(links));
      values.put("full", lastFull.toString());
      return WatermarkCodec.encode(kind, values);
    }
  }

  private State decode(Watermark after) {
    State state = new State();
    Map<String, String> values = WatermarkCodec.decode(spec.kind(), after);
    if (values.isEmpty()) {
      state.initial = true;
      return state;
    }
    state.phase = values.getOrDefault("ph", "new");
    state.cursor = WatermarkCodec.number(values, "c", 0);
    state.high = WatermarkCodec.number(values, "hw", 0);
    state.matching = WatermarkCodec.number(values, "fm", 0);
    state.links = WatermarkCodec.number(values, "dl", 0);
    state.lastFull = Instant.parse(values.getOrDefault("full", Instant.EPOCH.toString()));
    return state;
  }

  @Override
  public ChangePage<T> read(Watermark after, int limit) {
    State state = decode(after);
    int pageSize = Math.max(1, Math.min(limit, KeysetReader.MAX_IN));
    if (state.initial) {
      // The first pass reads every document; evidence before it is already reflected.
      state.matching = spec.evidence().contains(Evidence.MATCHING) ? loader.maxPosition("FinancialMatching") : 0;
      state.links = spec.evidence().contains(Evidence.ORDER_LINKS) ? loader.maxPosition("DETAILS") : 0;
      state.lastFull = context.clock().instant();
    }
    return switch (state.phase) {
      case "new" -> readNew(state, pageSize);
      case "evidence" -> readEvidence(state, pageSize);
      case "open" -> readOpen(state, pageSize);
      case "full" -> readFull(state, pageSize);
      default -> throw new io.github.tandemsync.core.ConfigurationException("watermark phase '" + state.phase
          + "' is not an Exchequer document phase");
    };
  }

  private ChangePage<T> readNew(State state, int pageSize) {
    List<Row> headers = context.database().query(headers().where("{PositionId} > ?", state.cursor)
        .orderBy("{PositionId}").top(pageSize + 1));
    boolean more = headers.size() > pageSize;
    List<Row> page = more ? headers.subList(0, pageSize) : headers;
    List<Change<T>> changes = new ArrayList<>();
    for (DocumentBundle bundle : loader.bundles(page)) {
      state.cursor = Math.max(state.cursor, bundle.positionId());
      state.high = Math.max(state.high, bundle.positionId());
      emit(bundle, state.encode(spec.kind()), changes);
    }
    if (!more) {
      state.phase = "evidence";
      state.cursor = 0;
    }
    return new ChangePage<>(changes, state.encode(spec.kind()), true);
  }

  private ChangePage<T> readEvidence(State state, int pageSize) {
    List<Change<T>> changes = new ArrayList<>();
    boolean more = false;
    if (spec.evidence().contains(Evidence.MATCHING) && context.database().catalog().hasTable("FinancialMatching")) {
      List<Row> rows = context.database().query(Select.from("FinancialMatching").columns(Tables.FINANCIAL_MATCHING)
          .where("{PositionId} > ?", state.matching).orderBy("{PositionId}").top(pageSize + 1));
      more = rows.size() > pageSize;
      Set<String> refs = new LinkedHashSet<>();
      for (Row row : more ? rows.subList(0, pageSize) : rows) {
        state.matching = Math.max(state.matching, Decode.integer(row.raw("PositionId")));
        Decode.code(row.raw("DocRef")).ifPresent(refs::add);
        Decode.code(row.raw("PayRef")).ifPresent(refs::add);
      }
      emitAll(byOurRef(refs), state, changes);
      if (more) {
        return new ChangePage<>(changes, state.encode(spec.kind()), true);
      }
    }
    if (spec.evidence().contains(Evidence.ORDER_LINKS)) {
      List<Row> rows = context.database().query(Select.from("DETAILS").columns("PositionId", "tlSOPFolioNum")
          .where("{PositionId} > ?", state.links).where("{tlSOPFolioNum} <> 0").orderBy("{PositionId}").top(pageSize + 1));
      more = rows.size() > pageSize;
      Set<Integer> folios = new LinkedHashSet<>();
      for (Row row : more ? rows.subList(0, pageSize) : rows) {
        state.links = Math.max(state.links, Decode.integer(row.raw("PositionId")));
        folios.add(Decode.integer(row.raw("tlSOPFolioNum")));
      }
      if (!folios.isEmpty()) {
        emitAll(context.database().query(headers().whereIn("thFolioNum", folios)), state, changes);
      }
      if (more) {
        return new ChangePage<>(changes, state.encode(spec.kind()), true);
      }
    }
    state.phase = "open";
    state.cursor = 0;
    return new ChangePage<>(changes, state.encode(spec.kind()), true);
  }

  private ChangePage<T> readOpen(State state, int pageSize) {
    if (spec.openCondition().isEmpty()) {
      return afterOpen(state, List.of());
    }
    List<Row> headers = context.database().query(headers().where(spec.openCondition().get())
        .where("{PositionId} > ?", state.cursor).orderBy("{PositionId}").top(pageSize + 1));
    boolean more = headers.size() > pageSize;
    List<Change<T>> changes = new ArrayList<>();
    for (DocumentBundle bundle : loader.bundles(more ? headers.subList(0, pageSize) : headers)) {
      state.cursor = Math.max(state.cursor, bundle.positionId());
      emit(bundle, state.encode(spec.kind()), changes);
    }
    if (more) {
      return new ChangePage<>(changes, state.encode(spec.kind()), true);
    }
    return afterOpen(state, changes);
  }

  private ChangePage<T> afterOpen(State state, List<Change<T>> changes) {
    Instant now = context.clock().instant();
    if (!now.isBefore(state.lastFull.plus(context.options().fullPassInterval())) || now.isBefore(state.lastFull)) {
      state.phase = "full";
      state.cursor = 0;
      return new ChangePage<>(changes, state.encode(spec.kind()), true);
    }
    return finish(state, changes);
  }

  private ChangePage<T> readFull(State state, int pageSize) {
    List<Row> headers = context.database().query(headers().where("{PositionId} > ?", state.cursor)
        .orderBy("{PositionId}").top(pageSize + 1));
    boolean more = headers.size() > pageSize;
    List<Change<T>> changes = new ArrayList<>();
    for (DocumentBundle bundle : loader.bundles(more ? headers.subList(0, pageSize) : headers)) {
      state.cursor = Math.max(state.cursor, bundle.positionId());
      state.high = Math.max(state.high, bundle.positionId());
      emit(bundle, state.encode(spec.kind()), changes);
    }
    if (more) {
      return new ChangePage<>(changes, state.encode(spec.kind()), true);
    }
    state.lastFull = context.clock().instant();
    return finish(state, changes);
  }

  /** Ends the pass: the next run starts the overlap window below the high-water mark. */
  private ChangePage<T> finish(State state, List<Change<T>> changes) {
    state.phase = "new";
    state.cursor = Math.max(0, state.high - context.options().documentOverlap());
    return new ChangePage<>(changes, state.encode(spec.kind()), false);
  }

  private void emitAll(List<Row> headers, State state, List<Change<T>> changes) {
    for (DocumentBundle bundle : loader.bundles(headers)) {
      emit(bundle, state.encode(spec.kind()), changes);
    }
  }

  private void emit(DocumentBundle bundle, Watermark position, List<Change<T>> changes) {
    for (Keyed<T> item : spec.mapper().apply(bundle)) {
      changes.add(materializer.change(item, position));
    }
  }

  private Select headers() {
    return Select.from("DOCUMENT").columns(Tables.DOCUMENT).whereIn("thDocType", spec.docTypes());
  }

  private List<Row> byOurRef(Collection<String> refs) {
    List<Row> rows = new ArrayList<>();
    List<String> list = new ArrayList<>(refs);
    for (int from = 0; from < list.size(); from += KeysetReader.MAX_IN) {
      rows.addAll(context.database().query(headers().whereExpressionIn("UPPER(RTRIM({thOurRef}))",
          list.subList(from, Math.min(list.size(), from + KeysetReader.MAX_IN)))));
    }
    return rows;
  }

  @Override
  public List<Change<T>> fetch(Collection<String> nativeIds) {
    Set<String> wanted = new LinkedHashSet<>(nativeIds);
    Map<String, Change<T>> found = new LinkedHashMap<>();
    List<String> refs = wanted.stream().map(id -> Decode.upper(id.strip())).distinct().toList();
    for (DocumentBundle bundle : loader.bundles(byOurRef(refs))) {
      for (Keyed<T> item : spec.mapper().apply(bundle)) {
        if (wanted.contains(item.nativeId())) {
          found.put(item.nativeId(), materializer.change(item, Watermark.initial()));
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
    String key = spec.keyExpressions().get(keyField);
    if (key == null || keyValues.isEmpty()) {
      return List.of();
    }
    List<Row> headers;
    if (key.equals(DocumentLoader.LONG_YOUR_REF)) {
      headers = loader.byLongYourRef(headers(), keyValues);
    } else {
      headers = byOurRef(keyValues.stream().map(v -> Decode.upper(v.strip())).distinct().toList());
    }
    List<Change<T>> changes = new ArrayList<>();
    for (DocumentBundle bundle : loader.bundles(headers)) {
      for (Keyed<T> item : spec.mapper().apply(bundle)) {
        changes.add(materializer.change(item, Watermark.initial()));
      }
    }
    return changes;
  }

  @Override
  public FieldSet fields() {
    return spec.fields();
  }
}
