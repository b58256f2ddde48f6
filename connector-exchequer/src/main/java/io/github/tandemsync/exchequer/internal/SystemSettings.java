package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.ConfigurationException;
import java.util.List;

/**
 * The fields of the EXCHQSS system record ({@code IDCode} 'SYS') the connector needs.
 *
 * @param currentYear current financial year as a calendar year (stored as year − 1900)
 * @param currentPeriod current period, 1..periodsPerYear
 * @param periodsPerYear periods in a year
 * @param salesDecimals decimal places of sales prices ({@code NoNetDec})
 * @param costDecimals decimal places of cost prices ({@code NoCosDec})
 * @param quantityDecimals decimal places of quantities ({@code NoQtyDec})
 * @param multiLocation multi-location stock on ({@code UseMLoc})
 * @param costCentresDepartments cost centres and departments on ({@code UseCCDep})
 * @param freeStockExcludesOrders free stock ignores sales orders ({@code FreeExAll})
 * @param pickingAllocates picking allocates stock ({@code UsePick4All})
 * @param intrastat Intrastat on ({@code IntraStat})
 * @param dailyRateConsolidation consolidation uses the daily rate ({@code TotalConv = 'V'})
 */
public record SystemSettings(
    int currentYear,
    int currentPeriod,
    int periodsPerYear,
    int salesDecimals,
    int costDecimals,
    int quantityDecimals,
    boolean multiLocation,
    boolean costCentresDepartments,
    boolean freeStockExcludesOrders,
    boolean pickingAllocates,
    boolean intrastat,
    boolean dailyRateConsolidation) {

  static final List<String> COLUMNS = List.of("IDCode", "CYr", "CPr", "PrinYr", "NoNetDec", "NoCosDec", "NoQtyDec",
      "UseMLoc", "UseCCDep", "FreeExAll", "UsePick4All", "IntraStat", "TotalConv");

  /** Reads the SYS record. */
  static SystemSettings load(Database database) {
    for (Row row : database.query(Select.from("EXCHQSS").columns(COLUMNS))) {
      if (Decode.lengthPrefixed(row.raw("IDCode")).map(Decode::upper).filter("SYS"::equals).isPresent()) {
        return of(row);
      }
    }
    throw new ConfigurationException("Exchequer company " + database.company() + " has no EXCHQSS system record (IDCode 'SYS')");
  }

  static SystemSettings of(Row row) {
    int periods = Decode.integer(row.raw("PrinYr"));
    return new SystemSettings(
        Decode.year(Decode.integer(row.raw("CYr"))),
        Decode.integer(row.raw("CPr")),
        periods <= 0 ? 12 : periods,
        decimals(row.raw("NoNetDec")),
        decimals(row.raw("NoCosDec")),
        decimals(row.raw("NoQtyDec")),
        Decode.flag(row.raw("UseMLoc")),
        Decode.flag(row.raw("UseCCDep")),
        Decode.flag(row.raw("FreeExAll")),
        Decode.flag(row.raw("UsePick4All")),
        Decode.flag(row.raw("IntraStat")),
        Decode.code(row.raw("TotalConv")).filter("V"::equals).isPresent());
  }

  private static int decimals(Object raw) {
    int value = Decode.integer(raw);
    return Math.max(0, Math.min(value, 10));
  }
}
