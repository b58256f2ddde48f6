package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.model.Address;
import io.github.tandemsync.core.model.Delivery;
import io.github.tandemsync.core.model.DeliveryLine;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.model.Order;
import io.github.tandemsync.core.model.Quote;
import io.github.tandemsync.core.model.QuoteStatus;
import io.github.tandemsync.core.model.SalesLine;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.exchequer.ExchequerOptions;
import io.github.tandemsync.exchequer.gateway.ExchequerWriteGateway;
import io.github.tandemsync.exchequer.gateway.ExchequerWriteGateway.Operation;
import io.github.tandemsync.exchequer.gateway.GatewayRequest;
import io.github.tandemsync.exchequer.gateway.GatewayResult;
import io.github.tandemsync.exchequer.gateway.ToolkitRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writers of sales documents through the gateway: quotes (SQU, or SOR straight away when
 * configured; an accepted quote's SQU is converted to an SOR), orders (SOR) and deliveries (SDN
 * against their order). The CRM reference travels in {@code thLongYourRef} and is the idempotency
 * key; Exchequer assigns the document number ({@code thOurRef}), which comes back as the stored
 * value's {@code number}. Exchequer documents are not edited through Tandem (protocol v1 has no
 * transaction update): changes other than a quote's acceptance fail permanently, naming why.
 */
final class TransactionWriters {
  private TransactionWriters() {}

  /** Shared mapping of headers and lines. */
  abstract static class Base<T> implements RecordWriter<T> {
    final ReadContext context;
    final ExchequerWriteGateway gateway;
    final List<MappingCustomizer<T>> customizers;
    final SqlLookups lookups;
    final String entity;

    /** Reads created documents back as the connector's reader sees them; empty when there is no reader. */
    java.util.function.Function<List<String>, Map<String, T>> readBack = ids -> Map.of();

    Base(ReadContext context, ExchequerWriteGateway gateway, List<MappingCustomizer<T>> customizers, String entity) {
      this.context = context;
      this.gateway = gateway;
      this.customizers = List.copyOf(customizers);
      this.lookups = new SqlLookups(context.database());
      this.entity = entity;
    }

    /**
     * Replaces the stored value of each created document with the document as Exchequer now holds
     * it — line descriptions, warehouses and the delivery address it filled in — so the engine
     * hands those back to the CRM in the same run rather than finding them as a change next time.
     */
    void storedAsReadBack(WriteOutcome<T>[] outcomes, List<Integer> created) {
      List<String> ids = new ArrayList<>();
      for (int i : created) {
        if (outcomes[i].isSuccess()) {
          outcomes[i].nativeId().ifPresent(ids::add);
        }
      }
      if (ids.isEmpty()) {
        return;
      }
      Map<String, T> read;
      try {
        read = readBack.apply(ids);
      } catch (RuntimeException unreadable) {
        return; // the documents stand; the next read reports what Exchequer filled in
      }
      for (int i : created) {
        WriteOutcome<T> outcome = outcomes[i];
        if (outcome.isSuccess() && outcome.nativeId().isPresent() && read.containsKey(outcome.nativeId().get())) {
          outcomes[i] = outcome.withStored(read.get(outcome.nativeId().get()));
        }
      }
    }

    /** The key kept in thLongYourRef: the CRM reference when there is one, else the fitted request key. */
    String key(Optional<String> externalReference, String requestKey, String id) {
      if (externalReference.isPresent() && !externalReference.get().isBlank()) {
        String reference = externalReference.get().strip();
        if (reference.length() > GatewayRequest.MAX_KEY_LENGTH) {
          throw new InvalidRecordException(entity, id, "externalReference", "is " + reference.length()
              + " characters; Exchequer's thLongYourRef holds at most " + GatewayRequest.MAX_KEY_LENGTH);
        }
        return reference;
      }
      return GatewayKeys.fit(requestKey);
    }

    ToolkitRecord.Builder header(String docType, String id, Optional<String> accountCode, Optional<LocalDate> date,
        Optional<LocalDate> due, Optional<String> yourRef, Optional<String> currency, Optional<Address> delivery) {
      String account = accountCode.map(a -> Decode.upper(a.strip())).filter(a -> !a.isEmpty())
          .orElseThrow(() -> new InvalidRecordException(entity, id, "accountCode", "is required: an Exchequer "
              + docType + " belongs to a customer account"));
      ToolkitRecord.Builder header = ToolkitRecord.builder()
          .set("thDocType", docType)
          .set("thAcCode", fit(id, "accountCode", "thAcCode", account))
          .set("thTransDate", WriteSupport.date(date.orElseGet(() -> context.exchequerNow().toLocalDate())));
      due.ifPresent(d -> header.set("thDueDate", WriteSupport.date(d)));
      yourRef.map(String::strip).filter(r -> !r.isEmpty())
          .ifPresent(r -> header.set("thYourRef", fit(id, "customerReference", "thYourRef", r)));
      if (currency.isPresent()) {
        header.set("thCurrency", context.currencies().number(currency.get()).orElseThrow(() -> new InvalidRecordException(
            entity, id, "currency", "'" + currency.get() + "' is not a currency of this Exchequer company")));
      }
      if (delivery.isPresent() && !delivery.get().isEmpty()) {
        Address address = delivery.get();
        List<Optional<String>> parts = List.of(address.line1(), address.line2(), address.town(), address.county(),
            address.line5());
        String[] names = {"line1", "line2", "town", "county", "line5"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
          lines.add(fit(id, "deliveryAddress." + names[i], "thDelAddress", parts.get(i).map(String::strip).orElse("")));
        }
        header.set("thDelAddress", lines);
        address.postcode().ifPresent(p -> header.set("thDeliveryPostCode", fit(id, "deliveryAddress.postcode",
            "thDeliveryPostCode", p.strip())));
      }
      return header;
    }

    ToolkitRecord salesLine(String id, int number, SalesLine line) {
      ToolkitRecord.Builder item = ToolkitRecord.builder();
      line.productCode().map(c -> Decode.upper(c.strip())).filter(c -> !c.isEmpty()).ifPresent(c ->
          item.set("tlStockCode", fit(id, WriteSupport.linePath(number, "productCode"), "tlStockCode", c)));
      line.description().map(String::strip).filter(d -> !d.isEmpty()).ifPresent(d ->
          item.set("tlDescr", fit(id, WriteSupport.linePath(number, "description"), "tlDescr", d)));
      if (line.quantity().signum() < 0) {
        throw new InvalidRecordException(entity, id, WriteSupport.linePath(number, "quantity"), "must not be negative");
      }
      item.set("tlQty", line.quantity());
      line.unitPrice().map(Money::amount).ifPresent(p -> item.set("tlNetValue", p));
      line.discountPercent().filter(p -> p.signum() != 0).ifPresent(p -> {
        item.set("tlDiscount", p.movePointLeft(2));
        item.set("tlDiscFlag", "%");
      });
      line.vatCode().map(v -> Decode.upper(v.strip())).filter(v -> !v.isEmpty()).ifPresent(v ->
          item.set("tlVATCode", fit(id, WriteSupport.linePath(number, "vatCode"), "tlVATCode", v)));
      line.warehouseCode().map(w -> Decode.upper(w.strip())).filter(w -> !w.isEmpty()).ifPresent(w ->
          item.set("tlLocation", fit(id, WriteSupport.linePath(number, "warehouseCode"), "tlLocation", w)));
      line.deliveryDate().ifPresent(d -> item.set("tlLineDate", WriteSupport.date(d)));
      return supported(item.build(), ExchequerWriteGateway.RecordType.LINE);
    }

    ToolkitRecord supported(ToolkitRecord record, ExchequerWriteGateway.RecordType type) {
      ToolkitRecord.Builder kept = ToolkitRecord.builder();
      record.properties().forEach((property, value) -> {
        if (gateway.supportsProperty(type, property)) {
          kept.set(property, value);
        }
      });
      return kept.lines(record.lines()).build();
    }

    String fit(String id, String field, String property, String value) {
      return WriteSupport.fit(gateway, entity, id, field, property, value);
    }

    /** Runs customizers over the header and its lines, then builds the record. */
    ToolkitRecord finish(T value, ToolkitRecord.Builder header, List<ToolkitRecord> lines) {
      ToolkitNative target = new ToolkitNative("Transaction", ToolkitRecord.builder()
          .setAll(supported(header.build(), ExchequerWriteGateway.RecordType.TRANSACTION).properties()));
      for (ToolkitRecord line : lines) {
        target.addLine(new ToolkitNative("TransactionLine", line.toBuilder()));
      }
      WriteSupport.customize(customizers, value, target);
      return target.build();
    }

    /** The canonical field of a refused Toolkit property (line properties as {@code lines[i].field}). */
    Optional<String> canonical(GatewayResult result) {
      Optional<String> property = result.field();
      if (property.isEmpty()) {
        return Optional.empty();
      }
      String field = switch (property.get()) {
        case "thAcCode" -> "accountCode";
        case "thTransDate" -> dateField();
        case "thDueDate" -> dueField();
        case "thYourRef" -> "customerReference";
        case "thLongYourRef" -> "externalReference";
        case "thCurrency" -> "currency";
        case "thDelAddress", "thDeliveryPostCode" -> "deliveryAddress";
        case "thHoldFlag" -> "onHold";
        case "thOrderRef" -> "orderNumber";
        case "tlStockCode" -> "productCode";
        case "tlDescr" -> "description";
        case "tlQty" -> "quantity";
        case "tlNetValue" -> "unitPrice";
        case "tlDiscount", "tlDiscFlag" -> "discountPercent";
        case "tlVATCode" -> "vatCode";
        case "tlLocation" -> "warehouseCode";
        case "tlLineDate" -> "deliveryDate";
        case "tlQtyPicked" -> "pickedQuantity";
        case "tlSOPABSLineNo" -> "orderLineNumber";
        default -> property.get();
      };
      if (property.get().startsWith("tl")) {
        return Optional.of(result.line().map(l -> WriteSupport.linePath(l, field)).orElse("lines." + field));
      }
      return Optional.of(field);
    }

    abstract String dateField();

    abstract String dueField();

    @SuppressWarnings("unchecked")
    static <T> WriteOutcome<T>[] outcomes(int size) {
      return (WriteOutcome<T>[]) new WriteOutcome<?>[size];
    }

    static String ourRef(GatewayResult result) {
      return result.record().flatMap(r -> r.text("thOurRef")).map(Decode::upper).orElse("");
    }

    WriteOutcome<T> notEditable(String id) {
      return WriteSupport.unsupported(entity + " " + id + " exists in Exchequer; Exchequer documents are not edited "
          + "through Tandem (change it in Exchequer)");
    }
  }

  // ------------------------------------------------------------------ quotes

  /** Quotes: SQU (or SOR), conversion to SOR on acceptance. */
  static final class QuoteWriter extends Base<Quote> {
    QuoteWriter(ReadContext context, ExchequerWriteGateway gateway, List<MappingCustomizer<Quote>> customizers) {
      super(context, gateway, customizers, "Quote");
    }

    private boolean asOrder() {
      return context.options().quoteTarget() == ExchequerOptions.QuoteTarget.ORDER;
    }

    @Override
    public List<WriteOutcome<Quote>> write(List<WriteRequest<Quote>> batch) {
      WriteOutcome<Quote>[] outcomes = outcomes(batch.size());
      List<GatewayRequest> creates = new ArrayList<>();
      List<Integer> index = new ArrayList<>();
      List<Quote> values = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        WriteRequest<Quote> request = batch.get(i);
        try {
          if (request.operation() == WriteRequest.Operation.DELETE) {
            outcomes[i] = WriteSupport.unsupported("Exchequer quotations are not deleted through Tandem: "
                + request.targetId().orElse(""));
            continue;
          }
          Quote quote = request.value().orElseThrow();
          if (request.targetId().isPresent()) {
            outcomes[i] = update(request.targetId().get(), quote, request.changedFields());
            continue;
          }
          Operation needed = asOrder() ? Operation.ADD_ORDER : Operation.ADD_QUOTE;
          if (!gateway.operations().contains(needed)) {
            outcomes[i] = WriteSupport.unsupported("the " + gateway.kind() + " gateway cannot add " + (asOrder() ? "orders"
                : "quotations"));
            continue;
          }
          String id = quote.externalReference().or(quote::number).orElse(request.idempotencyKey());
          String key = key(quote.externalReference(), request.idempotencyKey(), id);
          ToolkitRecord.Builder header = header(asOrder() ? "SOR" : "SQU", id, quote.accountCode(), quote.date(),
              quote.expiryDate(), quote.customerReference(), quote.currency(), quote.deliveryAddress());
          header.set("thLongYourRef", key);
          List<ToolkitRecord> lines = new ArrayList<>();
          for (int n = 0; n < quote.lines().size(); n++) {
            lines.add(salesLine(id, n + 1, quote.lines().get(n)));
          }
          creates.add(GatewayRequest.of(key, finish(quote, header, lines)));
          index.add(i);
          values.add(quote);
        } catch (InvalidRecordException e) {
          outcomes[i] = WriteSupport.invalid(e);
        }
      }
      if (!creates.isEmpty()) {
        List<GatewayResult> results = gateway.addTransactions(creates);
        for (int j = 0; j < results.size(); j++) {
          Quote quote = values.get(j);
          GatewayResult result = results.get(j);
          String key = creates.get(j).idempotencyKey();
          WriteOutcome<Quote> outcome = WriteSupport.outcome(result, entity, describe(quote), Base::ourRef,
              r -> quote.toBuilder().number(ourRef(r)).externalReference(key).build(), this::canonical);
          if (outcome.isSuccess() && !asOrder() && quote.status() == QuoteStatus.ACCEPTED) {
            outcome = convert(outcome.nativeId().orElseThrow(), key, outcome.stored().orElse(quote), outcome.status());
          }
          outcomes[index.get(j)] = outcome;
        }
      }
      return List.of(outcomes);
    }

    private WriteOutcome<Quote> update(String ourRef, Quote quote, java.util.Set<String> changed) {
      boolean accepted = quote.status() == QuoteStatus.ACCEPTED || quote.status() == QuoteStatus.CONVERTED;
      boolean statusOnly = !changed.isEmpty() && changed.stream().allMatch(f -> f.equals("status"));
      if (statusOnly && (!accepted || asOrder() || !ourRef.toUpperCase(java.util.Locale.ROOT).startsWith("SQU"))) {
        // a CRM status Exchequer keeps no counterpart of (in review, presented, denied), or the
        // acceptance of a quote that went to Exchequer as an order already: nothing to write
        return WriteOutcome.<Quote>unchanged(ourRef).withStored(quote.toBuilder().number(ourRef).build());
      }
      if (!accepted || !changed.contains("status") || asOrder() || !ourRef.toUpperCase(java.util.Locale.ROOT).startsWith("SQU")) {
        // any other edit of a document already in Exchequer (lines, dates, references)
        return notEditable(ourRef);
      }
      // accepted now: the quotation becomes an order (edits made together with the acceptance are not applied)
      Optional<ToolkitRecord> stored = lookups.transactionByOurRef(ourRef);
      if (stored.isEmpty()) {
        return WriteOutcome.failed(new io.github.tandemsync.core.spi.SyncError("4", "Quote " + ourRef
            + " does not exist in Exchequer", Optional.of("number"), false));
      }
      String key = stored.get().text("thLongYourRef").orElseGet(() -> GatewayKeys.fit(ourRef + "/SOR"));
      return convert(ourRef, key, quote.toBuilder().number(ourRef).build(), WriteOutcome.Status.UPDATED);
    }

    /** SQU → SOR; the order's thLongYourRef is the quote's key, so a repeat finds the same order. */
    private WriteOutcome<Quote> convert(String ourRef, String key, Quote quote, WriteOutcome.Status status) {
      if (!gateway.operations().contains(Operation.CONVERT_QUOTE)) {
        return WriteSupport.unsupported("the " + gateway.kind() + " gateway cannot convert quotation " + ourRef
            + " to an order; configure the Toolkit bridge or ExchequerOptions.quoteTarget(ORDER)");
      }
      GatewayResult result = gateway.convertQuoteToOrder(ourRef, key);
      if (!result.isSuccess()) {
        return WriteSupport.outcome(result, entity, ourRef + " (conversion to an order)", r -> ourRef, r -> quote,
            this::canonical);
      }
      Quote converted = quote.toBuilder().number(ourRef).status(QuoteStatus.CONVERTED)
          .extension("exchequer.orderNumber", ourRef(result)).build();
      WriteOutcome.Status finalStatus = result.status() == GatewayResult.Status.CREATED && status == WriteOutcome.Status.UNCHANGED
          ? WriteOutcome.Status.UPDATED : status;
      return new WriteOutcome<>(finalStatus, Optional.of(ourRef), Optional.of(converted), Optional.empty());
    }

    private static String describe(Quote quote) {
      return quote.externalReference().or(quote::number).orElse("(new)");
    }

    @Override
    String dateField() {
      return "date";
    }

    @Override
    String dueField() {
      return "expiryDate";
    }

    @Override
    public FieldSet fields() {
      return WriteSupport.withCustomizers(FieldSet.of("externalReference", "accountCode", "status", "date", "expiryDate", "customerReference", "currency",
          "deliveryAddress", "lines"), customizers);
    }
  }

  // ------------------------------------------------------------------ orders

  /** Sales orders (SOR). */
  static final class OrderWriter extends Base<Order> {
    OrderWriter(ReadContext context, ExchequerWriteGateway gateway, List<MappingCustomizer<Order>> customizers) {
      super(context, gateway, customizers, "Order");
    }

    @Override
    public List<WriteOutcome<Order>> write(List<WriteRequest<Order>> batch) {
      WriteOutcome<Order>[] outcomes = outcomes(batch.size());
      List<GatewayRequest> creates = new ArrayList<>();
      List<Integer> index = new ArrayList<>();
      List<Order> values = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        WriteRequest<Order> request = batch.get(i);
        try {
          if (request.operation() == WriteRequest.Operation.DELETE) {
            outcomes[i] = WriteSupport.unsupported("Exchequer orders are not deleted through Tandem: "
                + request.targetId().orElse(""));
            continue;
          }
          Order order = request.value().orElseThrow();
          if (request.targetId().isPresent()) {
            outcomes[i] = notEditable(request.targetId().get());
            continue;
          }
          if (!gateway.operations().contains(Operation.ADD_ORDER)) {
            outcomes[i] = WriteSupport.unsupported("the " + gateway.kind() + " gateway cannot add orders");
            continue;
          }
          String id = order.externalReference().or(order::number).orElse(request.idempotencyKey());
          String key = key(order.externalReference(), request.idempotencyKey(), id);
          ToolkitRecord.Builder header = header("SOR", id, order.accountCode(), order.orderDate(), order.requestedDate(),
              order.customerReference(), order.currency(), order.deliveryAddress());
          header.set("thLongYourRef", key);
          if (order.onHold()) {
            header.set("thHoldFlag", 1);
          }
          List<ToolkitRecord> lines = new ArrayList<>();
          for (int n = 0; n < order.lines().size(); n++) {
            lines.add(salesLine(id, n + 1, order.lines().get(n)));
          }
          creates.add(GatewayRequest.of(key, finish(order, header, lines)));
          index.add(i);
          values.add(order);
        } catch (InvalidRecordException e) {
          outcomes[i] = WriteSupport.invalid(e);
        }
      }
      if (!creates.isEmpty()) {
        List<GatewayResult> results = gateway.addTransactions(creates);
        for (int j = 0; j < results.size(); j++) {
          Order order = values.get(j);
          String key = creates.get(j).idempotencyKey();
          outcomes[index.get(j)] = WriteSupport.outcome(results.get(j), entity,
              order.externalReference().orElse(key), Base::ourRef,
              r -> order.toBuilder().number(ourRef(r)).externalReference(key).build(), this::canonical);
        }
        storedAsReadBack(outcomes, index);
      }
      return List.of(outcomes);
    }

    @Override
    String dateField() {
      return "orderDate";
    }

    @Override
    String dueField() {
      return "requestedDate";
    }

    @Override
    public FieldSet fields() {
      return WriteSupport.withCustomizers(FieldSet.of("externalReference", "accountCode", "onHold", "orderDate", "requestedDate", "customerReference",
          "currency", "deliveryAddress", "lines"), customizers);
    }
  }

  // ------------------------------------------------------------------ deliveries

  /** Delivery notes (SDN) against their sales order. */
  static final class DeliveryWriter extends Base<Delivery> {
    DeliveryWriter(ReadContext context, ExchequerWriteGateway gateway, List<MappingCustomizer<Delivery>> customizers) {
      super(context, gateway, customizers, "Delivery");
    }

    @Override
    public List<WriteOutcome<Delivery>> write(List<WriteRequest<Delivery>> batch) {
      WriteOutcome<Delivery>[] outcomes = outcomes(batch.size());
      List<GatewayRequest> creates = new ArrayList<>();
      List<Integer> index = new ArrayList<>();
      List<Delivery> values = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        WriteRequest<Delivery> request = batch.get(i);
        try {
          if (request.operation() == WriteRequest.Operation.DELETE) {
            outcomes[i] = WriteSupport.unsupported("Exchequer delivery notes are not deleted through Tandem: "
                + request.targetId().orElse(""));
            continue;
          }
          Delivery delivery = request.value().orElseThrow();
          if (request.targetId().isPresent()) {
            outcomes[i] = notEditable(request.targetId().get());
            continue;
          }
          if (!gateway.operations().contains(Operation.ADD_DELIVERY)) {
            outcomes[i] = WriteSupport.unsupported("the " + gateway.kind() + " gateway cannot add delivery notes; "
                + "configure the Toolkit bridge");
            continue;
          }
          String id = delivery.externalReference().or(delivery::number).orElse(request.idempotencyKey());
          String key = key(delivery.externalReference(), request.idempotencyKey(), id);
          ToolkitRecord order = order(delivery, id);
          Optional<String> account = delivery.accountCode().or(() -> order.text("thAcCode"));
          ToolkitRecord.Builder header = header("SDN", id, account, delivery.date(), Optional.empty(),
              delivery.customerReference(), Optional.empty(), delivery.deliveryAddress());
          header.set("thLongYourRef", key);
          header.set("thOrderRef", order.text("thOurRef").orElseThrow());
          List<ToolkitRecord> lines = new ArrayList<>();
          for (int n = 0; n < delivery.lines().size(); n++) {
            lines.add(line(id, n + 1, delivery.lines().get(n)));
          }
          creates.add(GatewayRequest.of(key, finish(delivery, header, lines)));
          index.add(i);
          values.add(delivery);
        } catch (InvalidRecordException e) {
          outcomes[i] = WriteSupport.invalid(e);
        }
      }
      if (!creates.isEmpty()) {
        List<GatewayResult> results = gateway.addTransactions(creates);
        for (int j = 0; j < results.size(); j++) {
          Delivery delivery = values.get(j);
          String key = creates.get(j).idempotencyKey();
          outcomes[index.get(j)] = WriteSupport.outcome(results.get(j), entity, delivery.externalReference().orElse(key),
              Base::ourRef, r -> delivery.toBuilder().number(ourRef(r)).externalReference(key).build(), this::canonical);
        }
        storedAsReadBack(outcomes, index);
      }
      return List.of(outcomes);
    }

    /** The order delivered: by its number, else by its CRM reference (thLongYourRef of an SOR). */
    private ToolkitRecord order(Delivery delivery, String id) {
      Optional<ToolkitRecord> order = delivery.orderNumber().map(String::strip).filter(n -> !n.isEmpty())
          .flatMap(lookups::transactionByOurRef);
      if (order.isEmpty() && delivery.orderNumber().isEmpty()) {
        order = delivery.orderExternalReference().flatMap(ref -> lookups.transaction("SOR", ref));
      }
      if (order.isEmpty() || !order.get().text("thDocType").filter("SOR"::equals).isPresent()) {
        throw new InvalidRecordException(entity, id, delivery.orderNumber().isPresent() ? "orderNumber"
            : "orderExternalReference", "names no sales order (SOR) in Exchequer: "
            + delivery.orderNumber().or(delivery::orderExternalReference).orElse("(none given)"));
      }
      return order.get();
    }

    private ToolkitRecord line(String id, int number, DeliveryLine line) {
      ToolkitRecord.Builder item = ToolkitRecord.builder();
      line.productCode().map(c -> Decode.upper(c.strip())).filter(c -> !c.isEmpty()).ifPresent(c ->
          item.set("tlStockCode", fit(id, WriteSupport.linePath(number, "productCode"), "tlStockCode", c)));
      line.description().map(String::strip).filter(d -> !d.isEmpty()).ifPresent(d ->
          item.set("tlDescr", fit(id, WriteSupport.linePath(number, "description"), "tlDescr", d)));
      if (line.quantity().signum() < 0) {
        throw new InvalidRecordException(entity, id, WriteSupport.linePath(number, "quantity"), "must not be negative");
      }
      item.set("tlQty", line.quantity());
      line.orderLineNumber().ifPresent(n -> item.set("tlSOPABSLineNo", n));
      line.pickedQuantity().filter(q -> q.signum() != 0).ifPresent(q -> item.set("tlQtyPicked", q));
      line.warehouseCode().map(w -> Decode.upper(w.strip())).filter(w -> !w.isEmpty()).ifPresent(w ->
          item.set("tlLocation", fit(id, WriteSupport.linePath(number, "warehouseCode"), "tlLocation", w)));
      return supported(item.build(), ExchequerWriteGateway.RecordType.LINE);
    }

    @Override
    String dateField() {
      return "date";
    }

    @Override
    String dueField() {
      return "date";
    }

    @Override
    public FieldSet fields() {
      return WriteSupport.withCustomizers(FieldSet.of("externalReference", "orderNumber", "orderExternalReference", "accountCode", "date",
          "customerReference", "deliveryAddress", "lines"), customizers);
    }
  }
}
