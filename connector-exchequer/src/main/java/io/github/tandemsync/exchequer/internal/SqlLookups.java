package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.exchequer.gateway.ToolkitRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads back what a gateway stored, through the read-only SQL login, as Toolkit records: accounts
 * by code or alternative code, transactions by type and long your-reference (with their lines).
 * The Importer gateway confirms its asynchronous writes with it.
 */
public final class SqlLookups {
  static final Map<String, Integer> DOC_TYPES = Map.of("SIN", 0, "SRC", 1, "SCR", 2, "SJI", 3, "SJC", 4, "SRF", 5,
      "SRI", 6, "SQU", 7, "SOR", 8, "SDN", 9);

  private final Database database;

  public SqlLookups(Database database) {
    this.database = database;
  }

  /** Lookups over a partner's read-only data source. */
  public static SqlLookups over(DataSource dataSource, String company) {
    return new SqlLookups(new Database(dataSource, company, Duration.ofSeconds(60)));
  }

  public Database database() {
    return database;
  }

  /** The account whose {@code acAltCode} is {@code altCode}. */
  public Optional<ToolkitRecord> accountByAltCode(String altCode) {
    return first(database.query(Select.from("CUSTSUPP").columns(Tables.CUSTSUPP)
        .where("RTRIM({acAltCode}) = ?", altCode.strip()).orderBy("{PositionId}"))).map(SqlLookups::account);
  }

  /** The row of the account with code {@code code} (case-insensitive, padding ignored). */
  Optional<Row> accountRow(String code) {
    return first(database.query(Select.from("CUSTSUPP").columns(Tables.CUSTSUPP)
        .where("UPPER(RTRIM({acCode})) = ?", Decode.upper(code.strip()))));
  }

  /** The account with code {@code code} (case-insensitive, padding ignored). */
  public Optional<ToolkitRecord> accountByCode(String code) {
    return first(database.query(Select.from("CUSTSUPP").columns(Tables.CUSTSUPP)
        .where("UPPER(RTRIM({acCode})) = ?", Decode.upper(code.strip())))).map(SqlLookups::account);
  }

  /** The transaction of {@code docType} (e.g. {@code SOR}) whose long your-reference is {@code reference}. */
  public Optional<ToolkitRecord> transaction(String docType, String reference) {
    Integer type = DOC_TYPES.get(Decode.upper(docType));
    if (type == null) {
      return Optional.empty();
    }
    List<Row> headers = DocumentLoader.byLongYourRef(database,
        Select.from("DOCUMENT").columns(Tables.DOCUMENT).where("{thDocType} = ?", type).orderBy("{PositionId}"),
        List.of(reference));
    return first(headers).map(this::transaction);
  }

  /** The transaction with OurRef {@code ourRef}. */
  public Optional<ToolkitRecord> transactionByOurRef(String ourRef) {
    return first(database.query(Select.from("DOCUMENT").columns(Tables.DOCUMENT)
        .where("UPPER(RTRIM({thOurRef})) = ?", Decode.upper(ourRef.strip())))).map(this::transaction);
  }

  private static Optional<Row> first(List<Row> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  static ToolkitRecord account(Row row) {
    ToolkitRecord.Builder account = ToolkitRecord.builder();
    for (String column : List.of("acCode", "acCustSupp", "acCompany", "acPostCode", "acCountry", "acDeliveryPostCode",
        "acDeliveryCountry", "acContact", "acPhone", "acFax", "acEmailAddr", "acVATCode", "acVATRegNo", "acDiscountBand",
        "acInvoiceTo", "acLocation", "acCostCentre", "acDepartment", "acAltCode", "acLastUsed", "acTimeStamp")) {
      if (row.has(column)) {
        account.set(column, Decode.text(row.raw(column)).orElse(""));
      }
    }
    account.set("acCode", Decode.code(row.raw("acCode")).orElse(""));
    account.set("acAddress", lines(row, "acAddressLine"));
    account.set("acDelAddress", lines(row, "acDespAddressLine"));
    for (String column : List.of("acCurrency", "acAccStatus", "acSalesGL", "acDefSettleDays")) {
      if (row.has(column)) {
        account.set(column, Decode.integer(row.raw(column)));
      }
    }
    for (String column : List.of("acCreditLimit", "acDiscount", "acDefSettleDisc")) {
      if (row.has(column)) {
        account.set(column, Decode.exact(row.raw(column)));
      }
    }
    return account.build();
  }

  private static List<String> lines(Row row, String prefix) {
    List<String> lines = new ArrayList<>(5);
    for (int i = 1; i <= 5; i++) {
      lines.add(Decode.text(row.raw(prefix + i)).orElse(""));
    }
    return lines;
  }

  private ToolkitRecord transaction(Row header) {
    ToolkitRecord.Builder transaction = ToolkitRecord.builder();
    int type = Decode.integer(header.raw("thDocType"));
    DOC_TYPES.forEach((code, number) -> {
      if (number == type) {
        transaction.set("thDocType", code);
      }
    });
    transaction.set("thOurRef", Decode.code(header.raw("thOurRef")).orElse(""));
    transaction.set("thFolioNum", Decode.integer(header.raw("thFolioNum")));
    transaction.set("thAcCode", Decode.code(header.raw("thAcCode")).orElse(""));
    transaction.set("thYourRef", Decode.text(header.raw("thYourRef")).orElse(""));
    transaction.set("thLongYourRef", Decode.lengthPrefixed(header.raw("thLongYourRef")).orElse(""));
    transaction.set("thTransDate", Decode.text(header.raw("thTransDate")).orElse(""));
    transaction.set("thDueDate", Decode.text(header.raw("thDueDate")).orElse(""));
    transaction.set("thCurrency", Decode.integer(header.raw("thCurrency")));
    transaction.set("thHoldFlag", Decode.integer(header.raw("thHoldFlag")));
    transaction.set("thRunNo", Decode.integer(header.raw("thRunNo")));
    transaction.set("thNetValue", Decode.exact(header.raw("thNetValue")));
    transaction.set("thTotalVAT", Decode.exact(header.raw("thTotalVAT")));
    for (Row line : database.query(Select.from("DETAILS").columns(Tables.DETAILS)
        .where("{tlFolioNum} = ?", Decode.integer(header.raw("thFolioNum"))).orderBy("{tlLineNo}, {tlABSLineNo}"))) {
      ToolkitRecord.Builder item = ToolkitRecord.builder()
          .set("tlLineNo", Decode.integer(line.raw("tlLineNo")))
          .set("tlABSLineNo", Decode.integer(line.raw("tlABSLineNo")))
          .set("tlStockCode", Decode.lengthPrefixed(line.raw("tlStockCode")).orElse(""))
          .set("tlDescr", Decode.text(line.raw("tlDescription")).orElse(""))
          .set("tlQty", Decode.exact(line.raw("tlQty")))
          .set("tlNetValue", Decode.exact(line.raw("tlNetValue")))
          .set("tlVATCode", Decode.text(line.raw("tlVATCode")).orElse(""))
          .set("tlLocation", Decode.text(line.raw("tlLocation")).orElse(""))
          .set("tlQtyPicked", line.has("tlQtyPicked") ? Decode.exact(line.raw("tlQtyPicked")) : BigDecimal.ZERO)
          .set("tlSOPABSLineNo", Decode.integer(line.raw("tlSOPABSLineNo")));
      transaction.line(item.build());
    }
    return transaction.build();
  }
}
