package io.github.tandemsync.testkit.exchequer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Quotations (SQU), sales orders (SOR) and delivery notes (SDN) through the emulated Toolkit:
 * {@code Transaction.Add}, header and line {@code ImportDefaults}, {@code Save(True)}. The OurRef
 * is assigned at save from EXCHQNUM; a SOR allocates stock, an SDN issues it.
 *
 * <p>A transaction is a map of header properties ({@code thDocType}, {@code thAcCode},
 * {@code thTransDate} as {@code YYYYMMDD}, {@code thLongYourRef}, ...) with {@code lines}: a list
 * of line maps ({@code tlStockCode}, {@code tlQty}, {@code tlNetValue} = unit price, ...). An SDN
 * may name the order it delivers in {@code thOrderRef}; without lines it delivers everything
 * outstanding.
 */
public final class ToolkitTransactions {
  private static final Set<String> TYPES = Set.of("SQU", "SOR", "SDN");

  private final ToolkitEngine engine;
  private final String operator;

  ToolkitTransactions(ToolkitEngine engine, String operator) {
    this.engine = engine;
    this.operator = operator;
  }

  /**
   * Adds and saves a SQU, SOR or SDN. Fails with 30215 (other types), 30202 (unknown account),
   * 30250 (closed trader), 30203/30238 (dates), 30207 (currency), 30235 (hold flag), 30237
   * (settlement discount), 30106, 30107, 30108, 30104, 30105/30148, 30115, 30126, 30144 (picking
   * for a customer on hold), 30229 (credit limit, when checked), 84/85 (locked).
   *
   * @param transaction header properties with {@code lines}
   * @return the Toolkit's result with the stored transaction
   */
  public ToolkitResult add(Map<String, ?> transaction) {
    Objects.requireNonNull(transaction, "transaction");
    return engine.call(connection -> engine.documents.add(connection, transaction, TYPES, operator, engine.now()));
  }

  /**
   * Converts a quotation into a sales order ({@code ITransaction2.Convert(dtSOR)}), copying the
   * account, references and lines; the quotation stays as it was.
   *
   * @param quoteRef the SQU's OurRef
   * @param longYourRef the new order's {@code thLongYourRef}; empty keeps the quotation's
   * @return the Toolkit's result with the new order
   */
  public ToolkitResult convertQuote(String quoteRef, String longYourRef) {
    Objects.requireNonNull(quoteRef, "quoteRef");
    Objects.requireNonNull(longYourRef, "longYourRef");
    if (longYourRef.length() > 20) {
      return ToolkitResult.error(-100, "thLongYourRef is longer than 20 characters", "thLongYourRef");
    }
    return engine.call(connection ->
        engine.documents.convertQuote(connection, quoteRef, "SOR", longYourRef, operator, engine.now()));
  }

  /**
   * Delivers everything still outstanding on an order with a new SDN dated today.
   *
   * @param orderRef the SOR's OurRef
   * @return the Toolkit's result with the delivery note
   */
  public ToolkitResult deliverOrder(String orderRef) {
    Objects.requireNonNull(orderRef, "orderRef");
    return engine.call(connection -> {
      Map<String, Object> order = engine.documents.findDocument(connection, orderRef.trim())
          .orElseThrow(() -> Failure.of(4, "Record not found: " + orderRef, "thOrderRef"));
      return engine.documents.add(connection, Map.of("thDocType", "SDN", "thAcCode", Db.str(order, "thAcCode"),
          "thOrderRef", orderRef.trim()), TYPES, operator, engine.now());
    });
  }

  /**
   * Reads a transaction with its lines, as the Toolkit returns it.
   *
   * @param ourRef the OurRef
   * @return header properties with {@code lines}, or empty
   */
  public Optional<Map<String, Object>> get(String ourRef) {
    return engine.read(connection -> engine.documents.transaction(connection, ourRef));
  }

  /**
   * Transactions whose {@code thLongYourRef} equals the key (the bridge keeps idempotency keys there).
   *
   * @param docType the document type, or an empty string for any
   * @param longYourRef the key
   * @return the matching transactions, oldest first
   */
  public List<Map<String, Object>> findByLongYourRef(String docType, String longYourRef) {
    return engine.read(connection -> engine.documents.findByLongYourRef(connection, docType, longYourRef));
  }
}
