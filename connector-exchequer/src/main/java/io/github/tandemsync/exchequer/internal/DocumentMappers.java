package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.model.Address;
import io.github.tandemsync.core.model.CreditNote;
import io.github.tandemsync.core.model.Delivery;
import io.github.tandemsync.core.model.DeliveryLine;
import io.github.tandemsync.core.model.Invoice;
import io.github.tandemsync.core.model.InvoiceLine;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.model.Order;
import io.github.tandemsync.core.model.OrderStatus;
import io.github.tandemsync.core.model.Payment;
import io.github.tandemsync.core.model.QuantityType;
import io.github.tandemsync.core.model.Quote;
import io.github.tandemsync.core.model.QuoteStatus;
import io.github.tandemsync.core.model.SalesLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mapping of transactions (seed 001 sections Invoices, Sales Credits, Payments; quotes, orders and
 * deliveries for the write flows) with the derivations of reference §8, §9, §15.3 and contract B:
 * line net after discounts, gross = net + VAT, base values at the document's rate, credits negated,
 * the paid flag from the outstanding amount, extended descriptions from continuation lines, the
 * delivery reference from {@code SDN} description lines, and "from matched SOR" values through
 * {@code tlSOPFolioNum}.
 */
final class DocumentMappers {
  static final int SIN = 0;
  static final int SCR = 2;
  static final int SJI = 3;
  static final int SJC = 4;
  static final int SRI = 6;
  static final int SQU = 7;
  static final int SOR = 8;
  static final int SDN = 9;

  private DocumentMappers() {}

  /** One goods or text line with its continuation lines and the delivery it was raised from. */
  record LineGroup(Row row, Fields fields, List<String> continuation, Optional<String> deliveryReference) {}

  /** Groups lines: continuation lines join the stock line above, SDN reference lines tag what follows. */
  static List<LineGroup> group(List<Row> lines, String entity, String ourRef) {
    List<LineGroup> groups = new ArrayList<>();
    Optional<String> delivery = Optional.empty();
    boolean continuable = false;
    for (Row line : lines) {
      Fields f = new Fields(line, entity, ourRef + " line " + Decode.integer(line.raw("tlLineNo")));
      boolean stock = f.binary("tlStockCode").isPresent();
      boolean descriptionOnly = !stock && f.exact("tlQty", "quantity").signum() == 0
          && f.exact("tlNetValue", "unitPrice").signum() == 0;
      if (descriptionOnly) {
        Optional<String> reference = LineMath.deliveryReference(f.text("tlDescription"));
        if (reference.isPresent()) {
          delivery = reference;
          continuable = false;
          continue;
        }
        if (continuable) {
          f.text("tlDescription").ifPresent(groups.get(groups.size() - 1).continuation()::add);
          continue;
        }
      }
      groups.add(new LineGroup(line, f, new ArrayList<>(), delivery));
      continuable = stock;
    }
    return groups;
  }

  // ------------------------------------------------------------------ quotes and orders

  static Quote quote(DocumentBundle bundle, ReadContext context) {
    Fields h = header(bundle, "Quote");
    String currency = MasterMappers.iso(context, h, h.integer("thCurrency", "currency"), "currency", "thCurrency");
    Optional<String> reference = h.binary("thLongYourRef");
    return Quote.builder()
        .number(bundle.ourRef())
        .externalReference(reference)
        .accountCode(h.code("thAcCode"))
        .status(reference.filter(bundle.convertedReferences()::contains).isPresent() ? QuoteStatus.CONVERTED
            : QuoteStatus.PRESENTED)
        .date(h.date("thTransDate", "date"))
        .expiryDate(h.date("thDueDate", "expiryDate"))
        .customerReference(h.text("thYourRef"))
        .currency(currency)
        .deliveryAddress(deliveryAddress(h))
        .lines(salesLines(bundle, context, "Quote", currency))
        .netTotal(Money.of(LineMath.round2(h.exact("thNetValue", "netTotal").subtract(h.exact("thTotalLineDiscount",
            "netTotal"))), currency))
        .taxTotal(Money.of(LineMath.round2(h.exact("thTotalVAT", "taxTotal")), currency))
        .build();
  }

  static Order order(DocumentBundle bundle, ReadContext context) {
    Fields h = header(bundle, "Order");
    String currency = MasterMappers.iso(context, h, h.integer("thCurrency", "currency"), "currency", "thCurrency");
    Optional<String> reference = h.binary("thLongYourRef");
    return Order.builder()
        .number(bundle.ourRef())
        .externalReference(reference)
        .accountCode(h.code("thAcCode"))
        .status(orderStatus(bundle, context))
        .onHold(LineMath.onHold(h.integer("thHoldFlag", "onHold")))
        .quoteReference(reference)
        .orderDate(h.date("thTransDate", "orderDate"))
        .requestedDate(h.date("thDueDate", "requestedDate"))
        .customerReference(h.text("thYourRef"))
        .currency(currency)
        .deliveryAddress(deliveryAddress(h))
        .lines(salesLines(bundle, context, "Order", currency))
        .netTotal(Money.of(LineMath.round2(h.exact("thNetValue", "netTotal").subtract(h.exact("thTotalLineDiscount",
            "netTotal"))), currency))
        .taxTotal(Money.of(LineMath.round2(h.exact("thTotalVAT", "taxTotal")), currency))
        .outstandingTotal(Money.of(LineMath.round2(h.exact("thTotalOrderOS", "outstandingTotal")), currency))
        .build();
  }

  /**
   * Order status from its lines and the invoices raised from it (lines whose {@code tlSOPFolioNum}
   * is the order): everything written off and nothing delivered is cancelled; everything
   * invoiced (less what was written off) is invoiced; everything delivered or written off is
   * delivered; something delivered or invoiced is partly delivered; else open.
   */
  static OrderStatus orderStatus(DocumentBundle bundle, ReadContext context) {
    int decimals = context.settings().quantityDecimals();
    BigDecimal ordered = BigDecimal.ZERO;
    BigDecimal delivered = BigDecimal.ZERO;
    BigDecimal writtenOff = BigDecimal.ZERO;
    for (LineGroup group : group(bundle.lines(), "Order", bundle.ourRef())) {
      Fields f = group.fields();
      BigDecimal qty = LineMath.quantity(f, decimals);
      if (qty.signum() == 0) {
        continue;
      }
      ordered = ordered.add(qty);
      delivered = delivered.add(f.real("tlQtyDel", decimals, "status").min(qty));
      writtenOff = writtenOff.add(f.real("tlQtyWOFF", decimals, "status").min(qty));
    }
    BigDecimal invoiced = bundle.invoicedQuantity().setScale(decimals, RoundingMode.HALF_UP);
    if (ordered.signum() == 0) {
      return OrderStatus.OPEN;
    }
    if (delivered.signum() == 0 && invoiced.signum() == 0 && writtenOff.compareTo(ordered) >= 0) {
      return OrderStatus.CANCELLED;
    }
    BigDecimal due = ordered.subtract(writtenOff);
    if (invoiced.signum() > 0 && invoiced.compareTo(due) >= 0) {
      return OrderStatus.INVOICED;
    }
    if (delivered.add(writtenOff).compareTo(ordered) >= 0) {
      return OrderStatus.DELIVERED;
    }
    return delivered.signum() > 0 || invoiced.signum() > 0 ? OrderStatus.PARTIALLY_DELIVERED : OrderStatus.OPEN;
  }

  private static List<SalesLine> salesLines(DocumentBundle bundle, ReadContext context, String entity, String currency) {
    SystemSettings settings = context.settings();
    List<SalesLine> lines = new ArrayList<>();
    for (LineGroup group : group(bundle.lines(), entity, bundle.ourRef())) {
      Fields f = group.fields();
      BigDecimal qty = LineMath.quantity(f, settings.quantityDecimals());
      BigDecimal price = LineMath.unitPrice(f, settings.salesDecimals());
      BigDecimal discount = LineMath.discountPerUnit(f, price);
      Optional<BigDecimal> percent = f.text("tlDiscFlag").filter("%"::equals).isPresent()
          && f.exact("tlDiscount", "discountPercent").signum() != 0
          ? Optional.of(MasterMappers.percent(f.exact("tlDiscount", "discountPercent"))) : Optional.empty();
      lines.add(SalesLine.builder()
          .lineNumber(f.integer("tlLineNo", "lineNumber"))
          .productCode(f.binary("tlStockCode").map(Decode::upper))
          .description(description(f, group.continuation()))
          .quantity(qty)
          .unitPrice(Money.of(price, currency))
          .discountPercent(percent)
          .netAmount(Money.of(LineMath.lineNet(price, discount, qty), currency))
          .vatCode(f.code("tlVATCode"))
          .warehouseCode(f.code("tlLocation"))
          .deliveryDate(f.date("tlLineDate", "deliveryDate"))
          .build());
    }
    return lines;
  }

  private static Optional<String> description(Fields f, List<String> continuation) {
    List<String> parts = new ArrayList<>();
    f.text("tlDescription").ifPresent(parts::add);
    parts.addAll(continuation);
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", parts));
  }

  // ------------------------------------------------------------------ deliveries

  static Delivery delivery(DocumentBundle bundle, ReadContext context) {
    Fields h = header(bundle, "Delivery");
    Optional<Row> order = matchedOrder(bundle);
    List<DeliveryLine> lines = new ArrayList<>();
    int decimals = context.settings().quantityDecimals();
    for (LineGroup group : group(bundle.lines(), "Delivery", bundle.ourRef())) {
      Fields f = group.fields();
      int orderLine = f.integer("tlSOPABSLineNo", "orderLineNumber");
      BigDecimal picked = f.real("tlQtyPicked", decimals, "pickedQuantity");
      lines.add(DeliveryLine.builder()
          .lineNumber(f.integer("tlLineNo", "lineNumber"))
          .orderLineNumber(orderLine > 0 ? Optional.of(orderLine) : Optional.empty())
          .productCode(f.binary("tlStockCode").map(Decode::upper))
          .description(description(f, group.continuation()))
          .quantity(LineMath.quantity(f, decimals))
          .pickedQuantity(picked.signum() != 0 ? Optional.of(picked) : Optional.empty())
          .warehouseCode(f.code("tlLocation"))
          .build());
    }
    return Delivery.builder()
        .number(bundle.ourRef())
        .externalReference(h.binary("thLongYourRef"))
        .orderNumber(order.flatMap(o -> Decode.code(o.raw("thOurRef"))))
        .orderExternalReference(order.flatMap(o -> Decode.lengthPrefixed(o.raw("thLongYourRef"))))
        .accountCode(h.code("thAcCode"))
        .date(h.date("thTransDate", "date"))
        .customerReference(h.text("thYourRef"))
        .deliveryAddress(deliveryAddress(h))
        .lines(lines)
        .build();
  }

  // ------------------------------------------------------------------ invoices and credits

  static Invoice invoice(DocumentBundle bundle, ReadContext context) {
    Fields h = header(bundle, "Invoice");
    String currency = MasterMappers.iso(context, h, h.integer("thCurrency", "currency"), "currency", "thCurrency");
    Optional<Row> order = matchedOrder(bundle);
    Optional<String> yourRef = h.text("thYourRef").or(() -> order.flatMap(o -> Decode.text(o.raw("thYourRef"))));
    Totals totals = totals(h, false);
    return Invoice.builder()
        .number(bundle.ourRef())
        .accountCode(order.flatMap(o -> Decode.code(o.raw("thAcCode"))).or(() -> h.code("thAcCode")))
        .ledgerAccount(h.code("thAcCode"))
        .quoteReference(order.flatMap(o -> Decode.lengthPrefixed(o.raw("thLongYourRef"))))
        .orderNumber(order.flatMap(o -> Decode.code(o.raw("thOurRef"))))
        .customerReference(yourRef)
        .invoiceDate(h.date("thTransDate", "invoiceDate"))
        .orderDate(order.isPresent() ? new Fields(order.get(), "Invoice", bundle.ourRef()).date("thTransDate", "orderDate")
            : Optional.empty())
        .dueDate(h.date("thDueDate", "dueDate"))
        .currency(currency)
        .lines(invoiceLines(bundle, context, "Invoice", h, false))
        .netTotal(Money.of(totals.net, currency))
        .taxTotal(Money.of(totals.tax, currency))
        .grossTotal(Money.of(totals.net.add(totals.tax), currency))
        .build();
  }

  static CreditNote creditNote(DocumentBundle bundle, ReadContext context) {
    Fields h = header(bundle, "CreditNote");
    String currency = MasterMappers.iso(context, h, h.integer("thCurrency", "currency"), "currency", "thCurrency");
    Optional<Row> order = matchedOrder(bundle);
    Totals totals = totals(h, true);
    return CreditNote.builder()
        .number(bundle.ourRef())
        // Seed 001: the credit's "invoice number" is its own OurRef with a "-" suffix.
        .invoiceNumber(bundle.ourRef() + "-")
        .orderNumber(h.text("thYourRef"))
        .accountCode(order.flatMap(o -> Decode.code(o.raw("thAcCode"))).or(() -> h.code("thAcCode")))
        .ledgerAccount(h.code("thAcCode"))
        .customerReference(h.binary("thLongYourRef"))
        .quoteReference(order.flatMap(o -> Decode.lengthPrefixed(o.raw("thLongYourRef"))))
        .creditDate(h.date("thTransDate", "creditDate"))
        .dueDate(h.date("thDueDate", "dueDate"))
        .currency(currency)
        .lines(invoiceLines(bundle, context, "CreditNote", h, true))
        .netTotal(Money.of(totals.net, currency))
        .taxTotal(Money.of(totals.tax, currency))
        .grossTotal(Money.of(totals.net.add(totals.tax), currency))
        .build();
  }

  private record Totals(BigDecimal net, BigDecimal tax) {}

  private static Totals totals(Fields h, boolean credit) {
    BigDecimal net = LineMath.round2(h.exact("thNetValue", "netTotal").subtract(h.exact("thTotalLineDiscount", "netTotal")));
    BigDecimal tax = LineMath.round2(h.exact("thTotalVAT", "taxTotal"));
    return credit ? new Totals(net.negate(), tax.negate()) : new Totals(net, tax);
  }

  private static List<InvoiceLine> invoiceLines(DocumentBundle bundle, ReadContext context, String entity, Fields header,
      boolean credit) {
    SystemSettings settings = context.settings();
    BigDecimal rate = LineMath.rate(header, settings);
    int headerCurrency = header.integer("thCurrency", "currency");
    Optional<LocalDate> headerDue = header.date("thDueDate", "dueDate");
    String base = MasterMappers.baseCurrency(context, header);
    List<InvoiceLine> lines = new ArrayList<>();
    for (LineGroup group : group(bundle.lines(), entity, bundle.ourRef())) {
      Fields f = group.fields();
      int lineCurrencyNumber = f.integer("tlCurrency", "currency");
      if (lineCurrencyNumber == 0 && !f.row().has("tlCurrency")) {
        lineCurrencyNumber = headerCurrency;
      }
      String currency = MasterMappers.iso(context, f, lineCurrencyNumber, "currency", "tlCurrency");
      BigDecimal qty = LineMath.quantity(f, settings.quantityDecimals());
      BigDecimal price = LineMath.unitPrice(f, settings.salesDecimals());
      BigDecimal net = LineMath.lineNet(price, LineMath.discountPerUnit(f, price), qty);
      BigDecimal gross = net.add(f.real("tlVATAmount", 2, "grossValue"));
      BigDecimal cost = f.real("tlCost", settings.costDecimals(), "costPrice");
      BigDecimal costValue = LineMath.round2(cost.multiply(qty));
      BigDecimal baseNet = LineMath.round2(Currencies.toBase(net, lineCurrencyNumber, rate));
      BigDecimal baseGross = LineMath.round2(Currencies.toBase(gross, lineCurrencyNumber, rate));
      boolean packs = f.flag("tlUsePack") && f.exact("tlQtyMul", "quantityFactor").compareTo(BigDecimal.ONE) > 0;
      int sign = credit ? -1 : 1;
      List<String> userFields = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        userFields.add(f.text("tlUserField" + i).orElse(""));
      }
      Optional<LocalDate> lineDate = f.date("tlLineDate", "deliveryDate");
      InvoiceLine.Builder line = InvoiceLine.builder()
          .lineNumber(f.integer("tlLineNo", "lineNumber"))
          .productCode(f.binary("tlStockCode").map(Decode::upper))
          .description(f.text("tlDescription"))
          .extendedDescription(group.continuation())
          .deliveryReference(group.deliveryReference())
          .glCode(MasterMappers.glCode(f.integer("tlGLCode", "glCode")))
          .department(f.code("tlDepartment"))
          .costCentre(f.code("tlCostCentre"))
          .warehouseCode(f.code("tlLocation"))
          .analysisCode(f.code("tlAnalysisCode"))
          .jobCode(f.code("tlJobCode"))
          // Seed 001: delivered and invoice quantities equal the line quantity on invoices.
          .orderQuantity(qty)
          .deliveredQuantity(qty)
          .invoiceQuantity(qty)
          .quantityType(packs ? QuantityType.FACTOR : QuantityType.DECIMAL)
          .quantityFactor(packs ? f.exact("tlQtyMul", "quantityFactor").stripTrailingZeros() : BigDecimal.ONE)
          .unitPrice(Money.of(signed(price, sign), currency))
          .costPrice(Money.of(signed(cost, sign), currency))
          .costValue(Money.of(signed(costValue, sign), currency))
          .netValue(Money.of(signed(net, sign), currency))
          .grossValue(Money.of(signed(gross, sign), currency))
          .baseNetValue(Money.of(signed(baseNet, sign), base))
          .baseGrossValue(Money.of(signed(baseGross, sign), base))
          .currency(currency)
          .deliveryDate(lineDate)
          .dueDate(lineDate.or(() -> headerDue))
          .userFields(userFields);
      if (context.options().serviceContracts()) {
        line.expireDate(userDate(f, "tlUserField3", "expireDate"));
        line.contract(f.text("tlUserField4"));
      }
      lines.add(line.build());
    }
    return lines;
  }

  private static BigDecimal signed(BigDecimal value, int sign) {
    return sign < 0 ? value.negate() : value;
  }

  /** A date typed into a user field: {@code dd/MM/yyyy} (the Importer's format) or {@code yyyyMMdd}. */
  private static Optional<LocalDate> userDate(Fields f, String column, String field) {
    Optional<String> text = f.text(column);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    for (String pattern : List.of("dd/MM/yyyy", "yyyyMMdd", "yyyy-MM-dd")) {
      try {
        return Optional.of(LocalDate.parse(text.get(), DateTimeFormatter.ofPattern(pattern)));
      } catch (DateTimeParseException next) {
        // try the next format
      }
    }
    throw f.bad(field, column, "'" + text.get() + "' is not a date (dd/mm/yyyy)");
  }

  // ------------------------------------------------------------------ payments

  /**
   * Payment status of an invoice (contract B): outstanding in base = round(total in base, 2) −
   * round(thAmountSettled, 2), the total converted with the document's rate; paid when it is 0.
   */
  static Payment payment(DocumentBundle bundle, ReadContext context) {
    Fields h = header(bundle, "Payment");
    String base = MasterMappers.baseCurrency(context, h);
    BigDecimal total = LineMath.round2(Currencies.toBase(LineMath.documentTotal(h), h.integer("thCurrency", "total"),
        LineMath.rate(h, context.settings())));
    BigDecimal settled = LineMath.round2(h.exact("thAmountSettled", "outstanding"));
    BigDecimal outstanding = total.subtract(settled).setScale(2, RoundingMode.HALF_UP);
    return Payment.builder()
        .invoiceNumber(bundle.ourRef())
        .dueDate(h.date("thDueDate", "dueDate"))
        .paid(outstanding.signum() == 0)
        .outstanding(Money.of(outstanding, base))
        .total(Money.of(total, base))
        .build();
  }

  // ------------------------------------------------------------------ shared

  private static Fields header(DocumentBundle bundle, String entity) {
    return new Fields(bundle.header(), entity, bundle.ourRef());
  }

  /** The sales order the document's lines were raised from (first line with {@code tlSOPFolioNum}). */
  static Optional<Row> matchedOrder(DocumentBundle bundle) {
    for (Row line : bundle.lines()) {
      int folio = Decode.integer(line.raw("tlSOPFolioNum"));
      if (folio != 0 && bundle.orders().containsKey(folio)) {
        return Optional.of(bundle.orders().get(folio));
      }
    }
    return Optional.empty();
  }

  private static Optional<Address> deliveryAddress(Fields h) {
    Address.Builder address = Address.builder()
        .line1(h.text("thDeliveryAddr1"))
        .line2(h.text("thDeliveryAddr2"))
        .town(h.text("thDeliveryAddr3"))
        .county(h.text("thDeliveryAddr4"))
        .line5(h.text("thDeliveryAddr5"))
        .postcode(h.text("thDeliveryPostCode"));
    MasterMappers.country(address, h.code("thDeliveryCountry"));
    Address built = address.build();
    return built.isEmpty() ? Optional.empty() : Optional.of(built);
  }
}
