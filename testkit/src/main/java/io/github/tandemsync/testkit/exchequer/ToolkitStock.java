package io.github.tandemsync.testkit.exchequer;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Stock items and levels. Sales documents move stock on their own (a SOR allocates, an SDN or
 * direct invoice issues, a credit note returns); {@link #adjust} is a user's stock adjustment.
 */
public final class ToolkitStock {
  private final ToolkitEngine engine;

  ToolkitStock(ToolkitEngine engine) {
    this.engine = engine;
  }

  /**
   * Reads a stock item (STOCK columns, strings cleaned, binary strings decoded).
   *
   * @param stockCode the stock code
   * @return the columns, or empty when there is no such item
   */
  public Optional<Map<String, Object>> get(String stockCode) {
    return engine.read(connection -> engine.stockItem(connection, stockCode.trim()).map(SandboxQueries::decoded));
  }

  /**
   * Reads the level of an item at a location (StockLocation columns).
   *
   * @param stockCode the stock code
   * @param location the location code
   * @return the columns, or empty when the item was never held there
   */
  public Optional<Map<String, Object>> level(String stockCode, String location) {
    return engine.read(connection -> Db.first(connection, "SELECT * FROM " + engine.db.table("StockLocation")
            + " WHERE RTRIM(LsStkCode) = ? AND RTRIM(LsLocCode) = ?", stockCode.trim(), location.trim())
        .map(SandboxQueries::decoded));
  }

  /**
   * Adjusts the quantity in stock at a location (positive adds, negative removes), stamping the
   * item and the location's level with the time of change.
   *
   * @param stockCode a stocked item (type P, M or X)
   * @param location the location code
   * @param quantity the change in stock units
   * @return the Toolkit's result with the item's columns
   */
  public ToolkitResult adjust(String stockCode, String location, BigDecimal quantity) {
    return engine.call(connection -> {
      Map<String, Object> item = engine.stockItem(connection, stockCode.trim())
          .filter(row -> Ledger.stocked(Db.str(row, "stType")))
          .orElseThrow(() -> Failure.of(30106, "Invalid stock code " + stockCode, "stCode"));
      if (!engine.locationExists(connection, location.trim())) {
        throw Failure.of(30115, "Invalid stock location " + location, "slLocationCode");
      }
      engine.locks.checkWrite("STOCK", "S:" + stockCode.trim(), "Stock item " + stockCode);
      engine.ledger.moveStock(connection, Db.str(item, "stCode"), location.trim(), quantity, BigDecimal.ZERO,
          BigDecimal.ZERO, engine.now());
      return ToolkitResult.ok(false, SandboxQueries.decoded(engine.stockItem(connection, stockCode.trim()).orElseThrow()));
    });
  }
}
