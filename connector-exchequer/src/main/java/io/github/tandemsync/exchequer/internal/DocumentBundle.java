package io.github.tandemsync.exchequer.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A transaction header with what its mapping needs: its lines in line order, the sales orders its
 * lines were raised from (by {@code thFolioNum}, the "matched SOR"), and, for quotations, the long
 * references that already have a sales order (converted quotes).
 */
record DocumentBundle(Row header, List<Row> lines, Map<Integer, Row> orders, Set<String> convertedReferences,
    Map<Integer, java.math.BigDecimal> invoicedQuantities) {

  /** Quantity invoiced (SIN, SJI, SRI lines) against this order, when it is one. */
  java.math.BigDecimal invoicedQuantity() {
    return invoicedQuantities.getOrDefault(Decode.integer(header.raw("thFolioNum")), java.math.BigDecimal.ZERO);
  }

  long positionId() {
    return Decode.integer(header.raw("PositionId"));
  }

  String ourRef() {
    return Decode.code(header.raw("thOurRef")).orElse("");
  }
}
