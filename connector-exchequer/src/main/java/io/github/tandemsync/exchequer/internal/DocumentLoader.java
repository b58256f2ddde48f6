package io.github.tandemsync.exchequer.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads lines, matched orders and quote conversions for pages of transaction headers. */
final class DocumentLoader {
  static final String LONG_YOUR_REF = "thLongYourRef";
  static final int SQU = 7;
  static final int SOR = 8;

  private final ReadContext context;

  DocumentLoader(ReadContext context) {
    this.context = context;
  }

  List<DocumentBundle> bundles(List<Row> headers) {
    if (headers.isEmpty()) {
      return List.of();
    }
    Map<Integer, List<Row>> lines = new LinkedHashMap<>();
    List<Integer> folios = new ArrayList<>();
    for (Row header : headers) {
      int folio = Decode.integer(header.raw("thFolioNum"));
      folios.add(folio);
      lines.put(folio, new ArrayList<>());
    }
    Set<Integer> orderFolios = new LinkedHashSet<>();
    for (int from = 0; from < folios.size(); from += KeysetReader.MAX_IN) {
      List<Row> rows = context.database().query(Select.from("DETAILS").columns(Tables.DETAILS)
          .whereIn("tlFolioNum", folios.subList(from, Math.min(folios.size(), from + KeysetReader.MAX_IN)))
          .orderBy("{tlFolioNum}, {tlLineNo}, {tlABSLineNo}, {PositionId}"));
      for (Row line : rows) {
        lines.computeIfAbsent(Decode.integer(line.raw("tlFolioNum")), f -> new ArrayList<>()).add(line);
        int order = Decode.integer(line.raw("tlSOPFolioNum"));
        if (order != 0) {
          orderFolios.add(order);
        }
      }
    }
    Map<Integer, Row> orders = new LinkedHashMap<>();
    List<Integer> orderList = new ArrayList<>(orderFolios);
    for (int from = 0; from < orderList.size(); from += KeysetReader.MAX_IN) {
      for (Row order : context.database().query(Select.from("DOCUMENT").columns(Tables.DOCUMENT)
          .where("{thDocType} = ?", SOR)
          .whereIn("thFolioNum", orderList.subList(from, Math.min(orderList.size(), from + KeysetReader.MAX_IN))))) {
        orders.put(Decode.integer(order.raw("thFolioNum")), order);
      }
    }
    Set<String> converted = convertedQuotes(headers);
    Map<Integer, BigDecimal> invoiced = invoicedQuantities(headers);
    List<DocumentBundle> bundles = new ArrayList<>(headers.size());
    for (Row header : headers) {
      bundles.add(new DocumentBundle(header, List.copyOf(lines.get(Decode.integer(header.raw("thFolioNum")))),
          orders, converted, invoiced));
    }
    return bundles;
  }

  /** For the orders among {@code headers}: the quantity on invoice lines raised from each (by folio). */
  private Map<Integer, BigDecimal> invoicedQuantities(List<Row> headers) {
    List<Integer> folios = new ArrayList<>();
    for (Row header : headers) {
      if (Decode.integer(header.raw("thDocType")) == SOR) {
        folios.add(Decode.integer(header.raw("thFolioNum")));
      }
    }
    Map<Integer, BigDecimal> invoiced = new LinkedHashMap<>();
    for (int from = 0; from < folios.size(); from += KeysetReader.MAX_IN) {
      for (Row line : context.database().query(Select.from("DETAILS")
          .columns("tlSOPFolioNum", "tlQty", "tlQtyMul", "tlUsePack")
          .whereIn("tlSOPFolioNum", folios.subList(from, Math.min(folios.size(), from + KeysetReader.MAX_IN)))
          .whereIn("tlDocType", List.of(DocumentMappers.SIN, DocumentMappers.SJI, DocumentMappers.SRI)))) {
        BigDecimal qty = Decode.exact(line.raw("tlQty"));
        if (Decode.flag(line.raw("tlUsePack")) && Decode.exact(line.raw("tlQtyMul")).signum() != 0) {
          qty = qty.multiply(Decode.exact(line.raw("tlQtyMul")));
        }
        invoiced.merge(Decode.integer(line.raw("tlSOPFolioNum")), qty, BigDecimal::add);
      }
    }
    return invoiced;
  }

  /** Long references of the quotations in {@code headers} that a sales order also carries. */
  private Set<String> convertedQuotes(List<Row> headers) {
    Set<String> references = new LinkedHashSet<>();
    for (Row header : headers) {
      if (Decode.integer(header.raw("thDocType")) == SQU) {
        Decode.lengthPrefixed(header.raw(LONG_YOUR_REF)).ifPresent(references::add);
      }
    }
    if (references.isEmpty()) {
      return Set.of();
    }
    Set<String> converted = new LinkedHashSet<>();
    for (Row order : byLongYourRef(Select.from("DOCUMENT").columns("PositionId", LONG_YOUR_REF)
        .where("{thDocType} = ?", SOR), references)) {
      Decode.lengthPrefixed(order.raw(LONG_YOUR_REF)).ifPresent(converted::add);
    }
    return converted;
  }

  /**
   * Headers whose length-prefixed {@code thLongYourRef} is one of {@code references}: compared on
   * the length byte and the characters ({@code SUBSTRING(col, 1, n)}), so the padding of the
   * binary column does not matter.
   */
  List<Row> byLongYourRef(Select base, Collection<String> references) {
    return byLongYourRef(context.database(), base, references);
  }

  static List<Row> byLongYourRef(Database database, Select base, Collection<String> references) {
    List<String> values = references.stream().map(String::strip).filter(v -> !v.isEmpty() && v.length() <= 255)
        .distinct().toList();
    List<Row> rows = new ArrayList<>();
    for (int from = 0; from < values.size(); from += 100) {
      List<String> chunk = values.subList(from, Math.min(values.size(), from + 100));
      StringBuilder clause = new StringBuilder();
      List<Object> params = new ArrayList<>();
      for (String value : chunk) {
        byte[] key = Decode.lengthPrefix(value);
        clause.append(clause.length() == 0 ? "" : " OR ").append("SUBSTRING({" + LONG_YOUR_REF + "}, 1, ?) = ?");
        params.add(key.length);
        params.add(key);
      }
      Select select = base.copy().where(clause.toString(), params.toArray());
      rows.addAll(database.query(select));
    }
    return rows;
  }

  /** The highest {@code PositionId} of a table, 0 when empty or absent. */
  long maxPosition(String table) {
    if (!context.database().catalog().hasTable(table)) {
      return 0;
    }
    List<Row> rows = context.database().query(Select.from(table).columns("PositionId").orderBy("{PositionId} DESC").top(1));
    return rows.isEmpty() ? 0 : Decode.integer(rows.get(0).raw("PositionId"));
  }
}
