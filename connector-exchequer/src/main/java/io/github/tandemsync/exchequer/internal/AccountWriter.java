package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.Address;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.exchequer.AccountCodeGenerator;
import io.github.tandemsync.exchequer.gateway.ExchequerWriteGateway;
import io.github.tandemsync.exchequer.gateway.GatewayRequest;
import io.github.tandemsync.exchequer.gateway.GatewayResult;
import io.github.tandemsync.exchequer.gateway.ToolkitRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes accounts through the gateway: creates customers (and suppliers, where the gateway can)
 * with the canonical code or one from the {@link AccountCodeGenerator}, the idempotency key in
 * {@code acAltCode}; updates send only the changed fields. Every value is checked against its
 * Exchequer width before anything is sent.
 */
final class AccountWriter implements RecordWriter<Account> {
  /** Canonical field → the Toolkit properties it is written to. */
  static final Map<String, List<String>> FIELDS = fieldMap();

  private final ReadContext context;
  private final ExchequerWriteGateway gateway;
  private final AccountCodeGenerator codes;
  private final SqlLookups lookups;
  private final List<MappingCustomizer<Account>> customizers;

  AccountWriter(ReadContext context, ExchequerWriteGateway gateway, AccountCodeGenerator codes,
      List<MappingCustomizer<Account>> customizers) {
    this.context = context;
    this.gateway = gateway;
    this.codes = codes;
    this.lookups = new SqlLookups(context.database());
    this.customizers = List.copyOf(customizers);
  }

  private static Map<String, List<String>> fieldMap() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("code", List.of("acCode"));
    fields.put("role", List.of("acCustSupp"));
    fields.put("name", List.of("acCompany"));
    fields.put("billingAddress", List.of("acAddress", "acPostCode", "acCountry"));
    fields.put("deliveryAddress", List.of("acDelAddress", "acDeliveryPostCode", "acDeliveryCountry"));
    fields.put("phone", List.of("acPhone"));
    fields.put("fax", List.of("acFax"));
    fields.put("email", List.of("acEmailAddr"));
    fields.put("defaultWarehouse", List.of("acLocation"));
    fields.put("invoiceTo", List.of("acInvoiceTo"));
    fields.put("onStop", List.of("acAccStatus"));
    fields.put("closed", List.of("acAccStatus"));
    fields.put("currency", List.of("acCurrency"));
    fields.put("creditLimit", List.of("acCreditLimit"));
    fields.put("overallDiscount", List.of("acDiscount"));
    fields.put("priceBand", List.of("acDiscountBand"));
    fields.put("vatCode", List.of("acVATCode"));
    fields.put("vatRegistration", List.of("acVATRegNo"));
    fields.put("settlementDiscount", List.of("acDefSettleDisc"));
    fields.put("settlementDays", List.of("acDefSettleDays"));
    fields.put("department", List.of("acDepartment"));
    fields.put("costCentre", List.of("acCostCentre"));
    fields.put("salesGlCode", List.of("acSalesGL"));
    return Map.copyOf(fields);
  }

  /**
   * Whether the account leaves {@code path} empty: a record component, or a path into one
   * ({@code billingAddress.countryCode}), through {@code Optional}s. A path that is no field of the
   * account ({@code idempotencyKey}) is the writer's own: never replaced by a default.
   */
  private static boolean isEmpty(Account account, String path) {
    Object value = account;
    for (String segment : path.split("\\.")) {
      if (value instanceof Optional<?> o) {
        if (o.isEmpty()) {
          return true;
        }
        value = o.get();
      }
      if (value == null) {
        return true;
      }
      java.lang.reflect.RecordComponent component = null;
      if (value.getClass().isRecord()) {
        for (java.lang.reflect.RecordComponent c : value.getClass().getRecordComponents()) {
          if (c.getName().equals(segment)) {
            component = c;
          }
        }
      }
      if (component == null) {
        return false;
      }
      try {
        value = component.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        return false;
      }
    }
    return value == null || value instanceof Optional<?> o && o.isEmpty() || value instanceof String t && t.isBlank();
  }


  /** The canonical field a Toolkit property stands for. */
  static Optional<String> canonical(String property) {
    return switch (property) {
      case "acPostCode" -> Optional.of("billingAddress.postcode");
      case "acCountry" -> Optional.of("billingAddress.countryCode");
      case "acDeliveryPostCode" -> Optional.of("deliveryAddress.postcode");
      case "acDeliveryCountry" -> Optional.of("deliveryAddress.countryCode");
      case "acAccStatus" -> Optional.of("onStop");
      case "acAltCode" -> Optional.of("idempotencyKey");
      default -> FIELDS.entrySet().stream().filter(e -> e.getValue().contains(property)).map(Map.Entry::getKey)
          .findFirst();
    };
  }

  @Override
  public List<WriteOutcome<Account>> write(List<WriteRequest<Account>> batch) {
    WriteOutcome<Account>[] outcomes = newOutcomes(batch.size());
    List<GatewayRequest> creates = new ArrayList<>();
    List<Integer> createIndex = new ArrayList<>();
    List<Account> createValues = new ArrayList<>();
    Set<String> claimed = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      WriteRequest<Account> request = batch.get(i);
      if (request.operation() == WriteRequest.Operation.DELETE) {
        outcomes[i] = WriteSupport.unsupported("Exchequer accounts are closed, not deleted: set closed instead of deleting "
            + request.targetId().orElse(""));
        continue;
      }
      Account account = request.value().orElseThrow();
      try {
        if (request.targetId().isPresent()) {
          outcomes[i] = update(request.targetId().get(), account, request.changedFields());
          continue;
        }
        if (account.role() == AccountRole.PROSPECT) {
          throw new InvalidRecordException("Account", null, "role", "is PROSPECT; prospects stay in the CRM until they "
              + "become customers");
        }
        if (account.role() == AccountRole.SUPPLIER && gateway.operations().contains(ExchequerWriteGateway.Operation.ADD_ACCOUNT)
            && !gateway.supportsProperty(ExchequerWriteGateway.RecordType.ACCOUNT, "acCustSupp")) {
          throw new InvalidRecordException("Account", null, "role", "suppliers cannot be added through " + gateway.kind());
        }
        if (!gateway.operations().contains(ExchequerWriteGateway.Operation.ADD_ACCOUNT)) {
          outcomes[i] = WriteSupport.unsupported("the " + gateway.kind() + " gateway cannot add accounts");
          continue;
        }
        String key = GatewayKeys.fit(request.idempotencyKey());
        String code = account.code().map(c -> Decode.upper(c.strip())).orElseGet(() -> generate(account, key, claimed));
        claimed.add(code);
        Account withCode = account.toBuilder().code(code).build();
        ToolkitRecord record = toToolkit(withCode, Set.of(), true);
        creates.add(GatewayRequest.of(key, record));
        createIndex.add(i);
        createValues.add(withCode);
      } catch (InvalidRecordException e) {
        outcomes[i] = WriteSupport.invalid(e);
      }
    }
    if (!creates.isEmpty()) {
      List<GatewayResult> results = gateway.addAccounts(creates);
      for (int j = 0; j < results.size(); j++) {
        Account value = createValues.get(j);
        outcomes[createIndex.get(j)] = WriteSupport.outcome(results.get(j), "Account", describe(value),
            r -> storedCode(r, value), r -> asStored(value.toBuilder().code(storedCode(r, value)).build()),
            r -> r.field().flatMap(AccountWriter::canonical));
      }
    }
    return List.of(outcomes);
  }

  @SuppressWarnings("unchecked")
  private static WriteOutcome<Account>[] newOutcomes(int size) {
    return (WriteOutcome<Account>[]) new WriteOutcome<?>[size];
  }

  private static String storedCode(GatewayResult result, Account value) {
    return result.record().flatMap(r -> r.text("acCode")).map(Decode::upper).orElseGet(() -> value.code().orElse(""));
  }

  /**
   * What Exchequer now holds for a created account: the written value, with the fields it left
   * empty taken from the stored row — Exchequer fills those with its defaults (VAT code, settlement
   * terms, zero credit limit), and the engine writes them back to the CRM in the same run instead of
   * discovering them as a change on the next read.
   */
  private Account asStored(Account written) {
    Optional<Account> read;
    try {
      read = lookups.accountRow(written.code().orElse("")).map(row -> MasterMappers.account(row, context));
    } catch (RuntimeException unreadable) {
      return written; // the create stands; the next read reports whatever Exchequer filled in
    }
    if (read.isEmpty()) {
      return written;
    }
    Account stored = read.get();
    Account.Builder merged = written.toBuilder();
    fill(written.defaultWarehouse(), stored.defaultWarehouse(), merged::defaultWarehouse);
    fill(written.invoiceTo(), stored.invoiceTo(), merged::invoiceTo);
    fill(written.currency(), stored.currency(), merged::currency);
    fill(written.creditLimit(), stored.creditLimit(), merged::creditLimit);
    fill(written.overallDiscount(), stored.overallDiscount(), merged::overallDiscount);
    fill(written.priceBand(), stored.priceBand(), merged::priceBand);
    fill(written.compoundOverallDiscount(), stored.compoundOverallDiscount(), merged::compoundOverallDiscount);
    fill(written.vatCode(), stored.vatCode(), merged::vatCode);
    fill(written.vatRegistration(), stored.vatRegistration(), merged::vatRegistration);
    fill(written.settlementDiscount(), stored.settlementDiscount(), merged::settlementDiscount);
    fill(written.settlementDays(), stored.settlementDays(), merged::settlementDays);
    fill(written.department(), stored.department(), merged::department);
    fill(written.costCentre(), stored.costCentre(), merged::costCentre);
    fill(written.salesGlCode(), stored.salesGlCode(), merged::salesGlCode);
    return merged.build();
  }

  private static <V> void fill(Optional<V> written, Optional<V> stored, java.util.function.Consumer<Optional<V>> setter) {
    if (written.isEmpty() && stored.isPresent()) {
      setter.accept(stored);
    }
  }

  private static String describe(Account account) {
    return account.code().map(c -> c + " ").orElse("") + "'" + account.name() + "'";
  }

  /**
   * A code for a new account. A replay of a create whose account already exists (found by its key
   * in acAltCode) reuses that account's code, so nothing new is generated.
   */
  private String generate(Account account, String key, Set<String> claimed) {
    Optional<ToolkitRecord> existing = lookups.accountByAltCode(key);
    if (existing.isPresent() && existing.get().text("acCode").isPresent()) {
      return Decode.upper(existing.get().text("acCode").get());
    }
    String code = codes.generate(account, candidate -> claimed.contains(Decode.upper(candidate))
        || lookups.accountByCode(candidate).isPresent());
    if (code == null || code.isBlank()) {
      throw new InvalidRecordException("Account", null, "code", "the account code generator made no code");
    }
    return Decode.upper(code.strip());
  }

  private WriteOutcome<Account> update(String code, Account account, Set<String> changed) {
    if (!gateway.operations().contains(ExchequerWriteGateway.Operation.UPDATE_ACCOUNT)) {
      return WriteSupport.unsupported("the " + gateway.kind() + " gateway cannot update account " + code
          + "; configure the Toolkit bridge");
    }
    ToolkitRecord changes = toToolkit(account.toBuilder().code(code).build(), changed, false);
    if (changes.properties().isEmpty()) {
      return WriteOutcome.<Account>unchanged(code).withStored(account.toBuilder().code(code).build());
    }
    GatewayResult result = gateway.updateAccount(code, changes);
    return WriteSupport.outcome(result, "Account", describe(account.toBuilder().code(code).build()), r -> code,
        r -> account.toBuilder().code(code).build(), r -> r.field().flatMap(AccountWriter::canonical));
  }

  /** The Toolkit properties for {@code account}: every mapped field on create, the changed ones on update. */
  ToolkitRecord toToolkit(Account account, Set<String> changed, boolean create) {
    String id = account.code().orElse(account.name());
    ToolkitRecord.Builder record = ToolkitRecord.builder();
    Set<String> wanted = new HashSet<>();
    if (create || changed.isEmpty()) {
      wanted.addAll(FIELDS.keySet());
    } else {
      for (String path : changed) {
        int dot = path.indexOf('.');
        wanted.add(dot < 0 ? path : path.substring(0, dot));
      }
    }
    if (!create) {
      wanted.remove("code");
      wanted.remove("role");
    }
    if (wanted.contains("code")) {
      record.set("acCode", fit(id, "code", "acCode", account.code().orElse("")));
    }
    if (wanted.contains("role")) {
      record.set("acCustSupp", account.role() == AccountRole.SUPPLIER ? "S" : "C");
    }
    if (wanted.contains("name")) {
      record.set("acCompany", fit(id, "name", "acCompany", account.name().strip()));
    }
    if (wanted.contains("billingAddress")) {
      address(record, id, "billingAddress", account.billingAddress(), "acAddress", "acPostCode", "acCountry");
    }
    if (wanted.contains("deliveryAddress")) {
      address(record, id, "deliveryAddress", account.deliveryAddress(), "acDelAddress", "acDeliveryPostCode",
          "acDeliveryCountry");
    }
    text(record, wanted, id, "phone", "acPhone", account.phone());
    text(record, wanted, id, "fax", "acFax", account.fax());
    text(record, wanted, id, "email", "acEmailAddr", account.email());
    code(record, wanted, id, "defaultWarehouse", "acLocation", account.defaultWarehouse());
    code(record, wanted, id, "invoiceTo", "acInvoiceTo", account.invoiceTo());
    if (wanted.contains("onStop") || wanted.contains("closed")) {
      record.set("acAccStatus", account.closed() ? 3 : account.onStop() ? 2 : 0);
    }
    if (wanted.contains("currency") && account.currency().isPresent()) {
      record.set("acCurrency", currencyNumber(id, "currency", account.currency().get()));
    }
    if (wanted.contains("creditLimit") && account.creditLimit().isPresent()) {
      record.set("acCreditLimit", account.creditLimit().get().amount());
    }
    if (wanted.contains("overallDiscount")) {
      record.set("acDiscount", fraction(account.overallDiscount()));
    }
    if (wanted.contains("priceBand")) {
      Optional<String> band = account.priceBand().map(b -> Decode.upper(b.strip()));
      if (band.isPresent() && !band.get().matches("[A-H]")) {
        throw new InvalidRecordException("Account", id, "priceBand", "must be a price band A-H, was '" + band.get() + "'");
      }
      record.set("acDiscountBand", band.orElse(""));
    }
    code(record, wanted, id, "vatCode", "acVATCode", account.vatCode());
    text(record, wanted, id, "vatRegistration", "acVATRegNo", account.vatRegistration());
    if (wanted.contains("settlementDiscount")) {
      record.set("acDefSettleDisc", fraction(account.settlementDiscount()));
    }
    if (wanted.contains("settlementDays")) {
      record.set("acDefSettleDays", account.settlementDays().orElse(0));
    }
    code(record, wanted, id, "department", "acDepartment", account.department());
    code(record, wanted, id, "costCentre", "acCostCentre", account.costCentre());
    if (wanted.contains("salesGlCode")) {
      record.set("acSalesGL", glCode(id, "salesGlCode", account.salesGlCode()));
    }
    if (create) {
      // what a Toolkit configured with DefaultVATCode & co. would fill in for a record left empty
      context.options().newAccountDefaults().forEach((property, value) -> {
        Object current = record.build().properties().get(property);
        // the mapping writes 0 or blank for a field the CRM left empty; the default replaces that
        boolean crmLeftEmpty = canonical(property).map(field -> isEmpty(account, field)).orElse(true);
        if (current == null || current.toString().isBlank() || crmLeftEmpty) {
          record.set(property, ToolkitAccountValues.typed(property, value));
        }
      });
    }
    // Properties the gateway cannot store are not sent (and not counted as written, see fields()).
    ToolkitRecord built = record.build();
    ToolkitRecord.Builder supported = ToolkitRecord.builder();
    built.properties().forEach((property, value) -> {
      if (gateway.supportsProperty(ExchequerWriteGateway.RecordType.ACCOUNT, property)) {
        supported.set(property, value);
      }
    });
    ToolkitNative target = new ToolkitNative("Account", supported);
    WriteSupport.customize(customizers, account, target);
    return target.build();
  }

  private void address(ToolkitRecord.Builder record, String id, String field, Optional<Address> value, String lines,
      String postcode, String country) {
    Address address = value.orElse(Address.builder().build());
    List<String> text = new ArrayList<>(5);
    List<Optional<String>> parts = List.of(address.line1(), address.line2(), address.town(), address.county(),
        address.line5());
    String[] names = {"line1", "line2", "town", "county", "line5"};
    for (int i = 0; i < parts.size(); i++) {
      text.add(fit(id, field + "." + names[i], lines, parts.get(i).map(String::strip).orElse("")));
    }
    record.set(lines, text);
    record.set(postcode, fit(id, field + ".postcode", postcode, address.postcode().map(String::strip).orElse("")));
    Optional<String> code = address.countryCode().map(c -> Decode.upper(c.strip()));
    if (code.isPresent() && !Countries.isCode(code.get())) {
      throw new InvalidRecordException("Account", id, field + ".countryCode", "'" + code.get()
          + "' is not an ISO 3166 alpha-2 country code");
    }
    if (code.isEmpty() && address.country().isPresent()) {
      code = Countries.code(address.country().get());
      if (code.isEmpty()) {
        throw new InvalidRecordException("Account", id, field + ".country", "'" + address.country().get()
            + "' is not a country Exchequer knows; give the ISO code in countryCode");
      }
    }
    record.set(country, code.orElse(""));
  }

  private void text(ToolkitRecord.Builder record, Set<String> wanted, String id, String field, String property,
      Optional<String> value) {
    if (wanted.contains(field)) {
      record.set(property, fit(id, field, property, value.map(String::strip).orElse("")));
    }
  }

  private void code(ToolkitRecord.Builder record, Set<String> wanted, String id, String field, String property,
      Optional<String> value) {
    if (wanted.contains(field)) {
      record.set(property, fit(id, field, property, value.map(v -> Decode.upper(v.strip())).orElse("")));
    }
  }

  private String fit(String id, String field, String property, String value) {
    return WriteSupport.fit(gateway, "Account", id, field, property, value);
  }

  private int currencyNumber(String id, String field, String iso) {
    return context.currencies().number(iso).orElseThrow(() -> new InvalidRecordException("Account", id, field,
        "'" + iso + "' is not a currency of this Exchequer company"));
  }

  static BigDecimal fraction(Optional<BigDecimal> percent) {
    return percent.map(p -> p.movePointLeft(2).stripTrailingZeros()).orElse(BigDecimal.ZERO)
        .setScale(Math.max(4, percent.map(p -> p.scale() + 2).orElse(4)), RoundingMode.HALF_UP);
  }

  private static int glCode(String id, String field, Optional<String> code) {
    if (code.isEmpty() || code.get().isBlank()) {
      return 0;
    }
    try {
      int value = Integer.parseInt(code.get().strip());
      if (value < 0 || value > 999_999) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidRecordException("Account", id, field, "'" + code.get() + "' is not an Exchequer GL code (a number up to 999999)");
    }
  }

  @Override
  public FieldSet fields() {
    List<String> paths = new ArrayList<>();
    FIELDS.forEach((field, properties) -> {
      if (properties.stream().allMatch(p -> gateway.supportsProperty(ExchequerWriteGateway.RecordType.ACCOUNT, p))) {
        paths.add(field);
      }
    });
    return WriteSupport.withCustomizers(FieldSet.of(paths), customizers);
  }

  @Override
  public int maxBatchSize() {
    return 100;
  }
}
