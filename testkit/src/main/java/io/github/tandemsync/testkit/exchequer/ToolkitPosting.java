package io.github.tandemsync.testkit.exchequer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an Exchequer user posts at a workstation, scripted for tests and demos: sales invoices
 * (direct, from an order, from delivery notes), credit notes, journals, receipts and refunds,
 * purchase invoices and payments, allocations and daybook posting runs. Each updates trader
 * HISTORY (contract B), settled amounts, stock levels and stamps exactly as posting would.
 *
 * <p>Ledger documents enter the daybook unposted ({@code thRunNo} 0) and already count in the
 * trader's balance (balances are updated as transactions are stored); {@link #postDaybook}
 * gives them a posting run number.
 */
public final class ToolkitPosting {
  private static final Set<String> TYPES = Set.of(
      "SIN", "SCR", "SJI", "SJC", "SRI", "PIN", "PCR", "PJI", "PJC");

  private final ToolkitEngine engine;
  private final String operator;

  ToolkitPosting(ToolkitEngine engine, String operator) {
    this.engine = engine;
    this.operator = operator;
  }

  /**
   * Stores a ledger transaction with lines: SIN, SCR, SJI, SJC, SRI (paid as entered), PIN, PCR,
   * PJI or PJC. Same properties and validation as {@link ToolkitTransactions#add(Map)}.
   *
   * @param transaction header properties with {@code lines}
   * @return the Toolkit's result with the stored transaction
   */
  public ToolkitResult add(Map<String, ?> transaction) {
    Objects.requireNonNull(transaction, "transaction");
    return engine.call(connection -> engine.documents.add(connection, transaction, TYPES, operator, engine.now()));
  }

  /**
   * Invoices everything still outstanding on a sales order, without a delivery note: stock is
   * issued and released from allocation; the lines carry the order's folio and line numbers.
   *
   * @param orderRef the SOR's OurRef
   * @param date the invoice date
   * @return the Toolkit's result with the invoice
   */
  public ToolkitResult invoiceOrder(String orderRef, LocalDate date) {
    return engine.call(connection -> engine.documents.invoiceOrder(connection, orderRef, date, operator, engine.now()));
  }

  /**
   * Invoices delivery notes: one description line {@code SDN000045 15/03/2026} per delivery, then
   * its lines, which keep the link to the order line.
   *
   * @param deliveryRefs the SDNs' OurRefs (same account and currency)
   * @param date the invoice date
   * @return the Toolkit's result with the invoice
   */
  public ToolkitResult invoiceDeliveries(List<String> deliveryRefs, LocalDate date) {
    return engine.call(connection ->
        engine.documents.invoiceDeliveries(connection, List.copyOf(deliveryRefs), date, operator, engine.now()));
  }

  /**
   * Credits an invoice in full (goods back to stock) and allocates the credit note to it.
   *
   * @param invoiceRef the SIN's OurRef
   * @param date the credit note date
   * @return the Toolkit's result with the credit note
   */
  public ToolkitResult creditInvoice(String invoiceRef, LocalDate date) {
    return engine.call(connection -> engine.documents.creditInvoice(connection, invoiceRef, date, operator, engine.now()));
  }

  /**
   * A receipt (SRC) from a customer, allocated to the given invoices in order until used up; what is
   * left stays on the account unallocated.
   *
   * @param accountCode the customer
   * @param date the receipt date
   * @param amount the amount received, in {@code currency}
   * @param currency the currency number (1 = base)
   * @param allocateTo invoices to allocate to (same account and currency), possibly none
   * @return the Toolkit's result with the receipt
   */
  public ToolkitResult receipt(String accountCode, LocalDate date, BigDecimal amount, int currency,
      List<String> allocateTo) {
    return engine.call(connection -> engine.documents.receipt(connection, accountCode, date, amount, currency,
        List.copyOf(allocateTo), operator, engine.now()));
  }

  /**
   * A refund (SRF) paid back to a customer.
   *
   * @param accountCode the customer
   * @param date the refund date
   * @param amount the amount refunded, in {@code currency}
   * @param currency the currency number
   * @return the Toolkit's result with the refund
   */
  public ToolkitResult refund(String accountCode, LocalDate date, BigDecimal amount, int currency) {
    return engine.call(connection -> engine.documents.payment(connection, "SRF", accountCode, date, amount, currency,
        List.of(), operator, engine.now()));
  }

  /**
   * A payment (PPY) to a supplier, allocated to the given purchase invoices.
   *
   * @param supplierCode the supplier
   * @param date the payment date
   * @param amount the amount paid, in {@code currency}
   * @param currency the currency number
   * @param allocateTo purchase invoices to allocate to, possibly none
   * @return the Toolkit's result with the payment
   */
  public ToolkitResult supplierPayment(String supplierCode, LocalDate date, BigDecimal amount, int currency,
      List<String> allocateTo) {
    return engine.call(connection -> engine.documents.payment(connection, "PPY", supplierCode, date, amount, currency,
        List.copyOf(allocateTo), operator, engine.now()));
  }

  /**
   * Pays an invoice: a receipt in the invoice's currency for {@code amount}, allocated to it.
   *
   * @param invoiceRef the invoice's OurRef
   * @param date the receipt date
   * @param amount the amount paid, in the invoice's currency; what exceeds the outstanding amount stays on
   *     the account unallocated
   * @return the Toolkit's result with the receipt
   */
  public ToolkitResult payInvoice(String invoiceRef, LocalDate date, BigDecimal amount) {
    return engine.call(connection -> {
      Map<String, Object> invoice = engine.documents.findDocument(connection, invoiceRef.trim())
          .orElseThrow(() -> Failure.of(4, "Record not found: " + invoiceRef, "thOurRef"));
      return engine.documents.receipt(connection, Db.str(invoice, "thAcCode"), date, amount,
          Db.integer(invoice, "thCurrency"), List.of(invoiceRef.trim()), operator, engine.now());
    });
  }

  /**
   * Allocates part of a receipt or credit note to an invoice of the same account and currency.
   *
   * @param paymentRef the receipt's or credit note's OurRef
   * @param invoiceRef the invoice's OurRef
   * @param amount the amount, in the documents' currency
   * @return the Toolkit's result with the invoice as now stored
   */
  public ToolkitResult allocate(String paymentRef, String invoiceRef, BigDecimal amount) {
    return engine.call(connection -> {
      engine.documents.allocate(connection, paymentRef.trim(), invoiceRef.trim(), amount, engine.now());
      return ToolkitResult.ok(false, engine.documents.transaction(connection, invoiceRef).orElseThrow());
    });
  }

  /**
   * A daybook posting run: every unposted ledger transaction dated up to {@code upTo} gets the
   * next run number and today's posted date.
   *
   * @param upTo the last transaction date to post
   * @return the run number used, or 0 when there was nothing to post
   */
  public int postDaybook(LocalDate upTo) {
    int[] run = new int[1];
    engine.call(connection -> {
      run[0] = engine.documents.postDaybook(connection, upTo, engine.now());
      return ToolkitResult.ok(false, Map.of());
    }).orThrow();
    return run[0];
  }
}
