package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountBalances;
import io.github.tandemsync.core.model.Contact;
import io.github.tandemsync.core.model.CostCentre;
import io.github.tandemsync.core.model.CreditNote;
import io.github.tandemsync.core.model.Delivery;
import io.github.tandemsync.core.model.Department;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.GlAccount;
import io.github.tandemsync.core.model.Invoice;
import io.github.tandemsync.core.model.Job;
import io.github.tandemsync.core.model.Order;
import io.github.tandemsync.core.model.Payment;
import io.github.tandemsync.core.model.Price;
import io.github.tandemsync.core.model.Product;
import io.github.tandemsync.core.model.ProductCategory;
import io.github.tandemsync.core.model.Quote;
import io.github.tandemsync.core.model.StockLevel;
import io.github.tandemsync.core.model.Warehouse;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.exchequer.ExchequerOptions.DocumentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Builds the reader of each entity type the connector reads, with its watermark strategy. */
public final class Readers {
  private final ReadContext context;

  public Readers(ReadContext context) {
    this.context = context;
  }

  /** The entity types readable with these options. */
  public List<EntityType<?>> readable() {
    List<EntityType<?>> types = new ArrayList<>(List.of(EntityTypes.ACCOUNT, EntityTypes.CONTACT,
        EntityTypes.ACCOUNT_BALANCES, EntityTypes.PRODUCT, EntityTypes.PRODUCT_CATEGORY, EntityTypes.WAREHOUSE,
        EntityTypes.STOCK_LEVEL, EntityTypes.PRICE, EntityTypes.GL_ACCOUNT, EntityTypes.DEPARTMENT, EntityTypes.COST_CENTRE,
        EntityTypes.JOB));
    Set<DocumentType> documents = context.options().documentTypes();
    if (documents.contains(DocumentType.SQU)) {
      types.add(EntityTypes.QUOTE);
    }
    if (documents.contains(DocumentType.SOR)) {
      types.add(EntityTypes.ORDER);
    }
    if (documents.contains(DocumentType.SDN)) {
      types.add(EntityTypes.DELIVERY);
    }
    if (!invoiceTypes().isEmpty()) {
      types.add(EntityTypes.INVOICE);
      types.add(EntityTypes.PAYMENT);
    }
    if (!creditTypes().isEmpty()) {
      types.add(EntityTypes.CREDIT_NOTE);
    }
    return types;
  }

  /** The reader of {@code type}, with the partner's customizers; empty for types the connector does not read. */
  @SuppressWarnings("unchecked")
  public <T> Optional<ChangeReader<T>> reader(EntityType<T> type, List<MappingCustomizer<T>> customizers) {
    if (!readable().contains(type)) {
      return Optional.empty();
    }
    Materializer<T> materializer = new Materializer<>(type.javaType().getSimpleName(), customizers);
    Object reader = switch (type.name()) {
      case "account" -> accounts((Materializer<Account>) materializer);
      case "contact" -> contacts((Materializer<Contact>) materializer);
      case "accountBalances" -> new BalanceReader(context, this::ledgers, (Materializer<AccountBalances>) materializer);
      case "product" -> products((Materializer<Product>) materializer);
      case "productCategory" -> categories((Materializer<ProductCategory>) materializer);
      case "warehouse" -> warehouses((Materializer<Warehouse>) materializer);
      case "stockLevel" -> stockLevels((Materializer<StockLevel>) materializer);
      case "price" -> prices((Materializer<Price>) materializer);
      case "glAccount" -> glAccounts((Materializer<GlAccount>) materializer);
      case "department" -> costCodes("department", 'D', MasterMappers::department, (Materializer<Department>) materializer);
      case "costCentre" -> costCodes("costCentre", 'C', MasterMappers::costCentre, (Materializer<CostCentre>) materializer);
      case "job" -> jobs((Materializer<Job>) materializer);
      case "quote" -> documents("quote", List.of(7), Optional.empty(), Set.of(),
          b -> List.of(Keyed.of(b.ourRef(), b.header(), () -> DocumentMappers.quote(b, context))),
          Map.of("number", "thOurRef", "externalReference", DocumentLoader.LONG_YOUR_REF), (Materializer<Quote>) materializer);
      case "order" -> documents("order", List.of(8), Optional.of("ABS(COALESCE({thTotalOrderOS}, 0)) > 0.00001"),
          Set.of(DocumentReader.Evidence.ORDER_LINKS),
          b -> List.of(Keyed.of(b.ourRef(), b.header(), () -> DocumentMappers.order(b, context))),
          Map.of("number", "thOurRef", "externalReference", DocumentLoader.LONG_YOUR_REF), (Materializer<Order>) materializer);
      case "delivery" -> documents("delivery", List.of(9), Optional.empty(), Set.of(),
          b -> List.of(Keyed.of(b.ourRef(), b.header(), () -> DocumentMappers.delivery(b, context))),
          Map.of("number", "thOurRef", "externalReference", DocumentLoader.LONG_YOUR_REF), (Materializer<Delivery>) materializer);
      case "invoice" -> documents("invoice", invoiceTypes(), Optional.of(DocumentReader.UNPOSTED), Set.of(),
          b -> List.of(Keyed.of(b.ourRef(), b.header(), () -> DocumentMappers.invoice(b, context))),
          Map.of("number", "thOurRef"), (Materializer<Invoice>) materializer);
      case "creditNote" -> documents("creditNote", creditTypes(), Optional.of(DocumentReader.UNPOSTED), Set.of(),
          b -> List.of(Keyed.of(b.ourRef(), b.header(), () -> DocumentMappers.creditNote(b, context))),
          Map.of("number", "thOurRef"), (Materializer<CreditNote>) materializer);
      case "payment" -> documents("payment", invoiceTypes(), Optional.of(DocumentReader.UNPOSTED + " OR " + outstanding()),
          Set.of(DocumentReader.Evidence.MATCHING),
          b -> List.of(Keyed.of(b.ourRef(), b.header(), () -> DocumentMappers.payment(b, context))),
          Map.of("invoiceNumber", "thOurRef", "number", "thOurRef"), (Materializer<Payment>) materializer);
      default -> null;
    };
    return Optional.ofNullable((ChangeReader<T>) reader);
  }

  List<Integer> invoiceTypes() {
    List<Integer> types = new ArrayList<>();
    Set<DocumentType> documents = context.options().documentTypes();
    if (documents.contains(DocumentType.SIN)) {
      types.add(DocumentMappers.SIN);
    }
    if (documents.contains(DocumentType.SJI)) {
      types.add(DocumentMappers.SJI);
    }
    if (documents.contains(DocumentType.SRI)) {
      types.add(DocumentMappers.SRI);
    }
    return types;
  }

  List<Integer> creditTypes() {
    List<Integer> types = new ArrayList<>();
    Set<DocumentType> documents = context.options().documentTypes();
    if (documents.contains(DocumentType.SCR)) {
      types.add(DocumentMappers.SCR);
    }
    if (documents.contains(DocumentType.SJC)) {
      types.add(DocumentMappers.SJC);
    }
    return types;
  }

  /** Invoices whose total differs from what is settled, in the document currency (over-inclusive is harmless). */
  private String outstanding() {
    String settled = context.database().catalog().hasColumn("DOCUMENT", "thCurrSettled") ? "{thCurrSettled}"
        : "{thAmountSettled}";
    return "ABS({thNetValue} - {thTotalLineDiscount} + {thTotalVAT} - CASE WHEN {thSettleDiscTaken} = 1 THEN "
        + "{thSettleDiscAmount} ELSE 0 END - " + settled + ") > 0.005";
  }

  /** Customers, and suppliers when configured. */
  void ledgers(Select select) {
    if (context.options().includeSuppliers()) {
      select.whereExpressionIn("UPPER({acCustSupp})", List.of("C", "S"));
    } else {
      select.where("UPPER({acCustSupp}) = ?", "C");
    }
  }

  private KeysetReader<Account> accounts(Materializer<Account> materializer) {
    return new KeysetReader<>(context, new KeysetReader.Spec<>("account", "Account", "CUSTSUPP", Tables.CUSTSUPP,
        "acLastUsed", "acTimeStamp", "UPPER(RTRIM({acCode}))", this::ledgers,
        row -> List.of(Keyed.of(MasterMappers.accountId(row), row, () -> MasterMappers.account(row, context))),
        Map.of("code", "UPPER(RTRIM({acCode}))", "altCode", "UPPER(RTRIM({acAltCode}))"), FieldSet.all()), materializer);
  }

  private KeysetReader<Contact> contacts(Materializer<Contact> materializer) {
    return new KeysetReader<>(context, new KeysetReader.Spec<>("contact", "Contact", "CUSTSUPP", Tables.CUSTSUPP,
        "acLastUsed", "acTimeStamp", "UPPER(RTRIM({acCode}))", this::ledgers,
        row -> Decode.text(row.raw("acContact")).isEmpty() ? List.of()
            : List.of(Keyed.of(MasterMappers.accountId(row), row, () -> MasterMappers.contact(row, context).orElseThrow())),
        Map.of("accountCode", "UPPER(RTRIM({acCode}))"), FieldSet.all()), materializer);
  }

  private KeysetReader<Product> products(Materializer<Product> materializer) {
    return new KeysetReader<>(context, new KeysetReader.Spec<>("product", "Product", "STOCK", Tables.STOCK,
        "stLastUsed", "stTimeChange", "UPPER(RTRIM({stCode}))", s -> s.where("UPPER({stType}) <> ?", "G"),
        row -> List.of(Keyed.of(MasterMappers.stockId(row), row, () -> MasterMappers.product(row, context))),
        Map.of("code", "UPPER(RTRIM({stCode}))", "altCode", "UPPER(RTRIM({stAltCode}))", "barcode",
            "UPPER(RTRIM({stBarCode}))"), FieldSet.all()), materializer);
  }

  private KeysetReader<ProductCategory> categories(Materializer<ProductCategory> materializer) {
    return new KeysetReader<>(context, new KeysetReader.Spec<>("productCategory", "ProductCategory", "STOCK", Tables.STOCK,
        "stLastUsed", "stTimeChange", "UPPER(RTRIM({stCode}))", s -> s.where("UPPER({stType}) = ?", "G"),
        row -> List.of(Keyed.of(MasterMappers.stockId(row), row, () -> MasterMappers.category(row))),
        Map.of("code", "UPPER(RTRIM({stCode}))"), FieldSet.all()), materializer);
  }

  private boolean multiLocation() {
    return context.settings().multiLocation() && context.database().catalog().hasTable("Location");
  }

  private ScanReader<Warehouse> warehouses(Materializer<Warehouse> materializer) {
    return new ScanReader<>(context, new ScanReader.Spec<>("warehouse", "Warehouse",
        () -> multiLocation() ? "Location" : "",
        table -> Select.from(table).columns(Tables.LOCATION),
        page -> row -> List.of(Keyed.of(Decode.code(row.raw("LoCode")).orElse(""), row, () -> MasterMappers.warehouse(row))),
        ids -> multiLocation() ? List.of(Select.from("Location").columns(Tables.LOCATION)
            .whereExpressionIn("UPPER(RTRIM({LoCode}))", upper(ids))) : List.of(),
        this::syntheticWarehouses, FieldSet.all()), materializer);
  }

  /**
   * Seed 001: a "Not Set" warehouse always exists (for records without a location), and a single
   * "Total Stock" warehouse stands for all stock when multi-location stock is off.
   */
  private List<Keyed<Warehouse>> syntheticWarehouses() {
    List<Keyed<Warehouse>> synthetic = new ArrayList<>();
    String notSet = context.options().notSetWarehouse();
    Row notSetRow = syntheticRow(notSet, "Not Set");
    synthetic.add(Keyed.of(notSet, notSetRow, () -> Warehouse.builder().code(notSet).name("Not Set").build()));
    if (!multiLocation()) {
      String total = context.options().totalStockWarehouse();
      Row totalRow = syntheticRow(total, "Total Stock");
      synthetic.add(Keyed.of(total, totalRow, () -> Warehouse.builder().code(total).name("Total Stock").build()));
    }
    return synthetic;
  }

  private static Row syntheticRow(String code, String name) {
    Row row = new Row("Location");
    row.put("LoCode", code);
    row.put("LoName", name);
    return row;
  }

  private ScanReader<StockLevel> stockLevels(Materializer<StockLevel> materializer) {
    return new ScanReader<>(context, new ScanReader.Spec<>("stockLevel", "StockLevel",
        () -> multiLocation() && context.database().catalog().hasTable("StockLocation") ? "StockLocation" : "STOCK",
        table -> table.equals("STOCK")
            ? Select.from("STOCK").columns(Tables.STOCK).whereExpressionIn("UPPER({stType})", List.of("P", "M", "X"))
            : Select.from(table).columns(Tables.STOCK_LOCATION),
        page -> row -> {
          if (row.type().equals("STOCK")) {
            String id = MasterMappers.stockLevelId(MasterMappers.stockId(row), context.options().totalStockWarehouse());
            return List.of(Keyed.of(id, row, () -> MasterMappers.totalStockLevel(row, context)));
          }
          String id = MasterMappers.stockLevelId(Decode.code(row.raw("LsStkCode")).orElse(""),
              Decode.code(row.raw("LsLocCode")).orElse(""));
          return List.of(Keyed.of(id, row, () -> MasterMappers.stockLevel(row, context)));
        },
        ids -> {
          List<String> codes = prefixes(ids, '@');
          return multiLocation() && context.database().catalog().hasTable("StockLocation")
              ? List.of(Select.from("StockLocation").columns(Tables.STOCK_LOCATION)
                  .whereExpressionIn("UPPER(RTRIM({LsStkCode}))", codes))
              : List.of(Select.from("STOCK").columns(Tables.STOCK).whereExpressionIn("UPPER(RTRIM({stCode}))", codes)
                  .whereExpressionIn("UPPER({stType})", List.of("P", "M", "X")));
        },
        List::of, FieldSet.all()), materializer);
  }

  private ScanReader<Price> prices(Materializer<Price> materializer) {
    return new ScanReader<>(context, new ScanReader.Spec<>("price", "Price", () -> "STOCK",
        table -> Select.from("STOCK").columns(Tables.STOCK).where("UPPER({stType}) <> ?", "G"),
        page -> row -> MasterMappers.prices(row, context),
        ids -> List.of(Select.from("STOCK").columns(Tables.STOCK).where("UPPER({stType}) <> ?", "G")
            .whereExpressionIn("UPPER(RTRIM({stCode}))", prefixes(ids, '|'))),
        List::of, FieldSet.all()), materializer);
  }

  private ScanReader<GlAccount> glAccounts(Materializer<GlAccount> materializer) {
    return new ScanReader<>(context, new ScanReader.Spec<>("glAccount", "GlAccount", () -> "NOMINAL",
        table -> Select.from("NOMINAL").columns(Tables.NOMINAL),
        page -> row -> List.of(Keyed.of(MasterMappers.glId(row), row, () -> MasterMappers.glAccount(row))),
        ids -> {
          List<Integer> codes = new ArrayList<>();
          for (String id : ids) {
            try {
              codes.add(Integer.parseInt(id.strip()));
            } catch (NumberFormatException notAGlCode) {
              // cannot exist: reported as deleted
            }
          }
          return List.of(Select.from("NOMINAL").columns(Tables.NOMINAL).whereIn("glCode", codes));
        },
        List::of, FieldSet.all()), materializer);
  }

  private <T> ScanReader<T> costCodes(String kind, char subType, Function<Row, T> mapper, Materializer<T> materializer) {
    Function<String, Select> select = table -> Select.from("EXCHQCHK").columns(Tables.EXCHQCHK)
        .where("{RecPfix} = ?", "C").where("{SubType} = ?", (int) subType);
    return new ScanReader<>(context, new ScanReader.Spec<>(kind, kind, () -> "EXCHQCHK", select,
        page -> row -> List.of(Keyed.of(MasterMappers.costCodeId(row), row, () -> mapper.apply(row))),
        ids -> List.of(select.apply("EXCHQCHK")), List::of, FieldSet.all()), materializer);
  }

  private ScanReader<Job> jobs(Materializer<Job> materializer) {
    return new ScanReader<>(context, new ScanReader.Spec<>("job", "Job", () -> "JOBHEAD",
        table -> Select.from("JOBHEAD").columns(Tables.JOBHEAD),
        page -> {
          Map<String, String> ledgers = ledgersOf(page);
          return row -> List.of(Keyed.of(MasterMappers.jobId(row), row, () -> MasterMappers.job(row, context, ledgers)));
        },
        ids -> List.of(Select.from("JOBHEAD").columns(Tables.JOBHEAD).whereExpressionIn("UPPER(RTRIM({JobCode}))",
            upper(ids))),
        List::of, FieldSet.all()), materializer);
  }

  /** The ledger (C or S) of the accounts the jobs of a page name. */
  private Map<String, String> ledgersOf(List<Row> jobs) {
    Set<String> codes = new LinkedHashSet<>();
    for (Row job : jobs) {
      Decode.code(job.raw("CustCode")).ifPresent(codes::add);
    }
    Map<String, String> ledgers = new HashMap<>();
    if (codes.isEmpty()) {
      return ledgers;
    }
    for (Row account : context.database().query(Select.from("CUSTSUPP").columns("acCode", "acCustSupp")
        .whereExpressionIn("UPPER(RTRIM({acCode}))", List.copyOf(codes)))) {
      ledgers.put(Decode.code(account.raw("acCode")).orElse(""), Decode.code(account.raw("acCustSupp")).orElse(""));
    }
    return ledgers;
  }

  private <T> DocumentReader<T> documents(String kind, List<Integer> types, Optional<String> open,
      Set<DocumentReader.Evidence> evidence, Function<DocumentBundle, List<Keyed<T>>> mapper, Map<String, String> keys,
      Materializer<T> materializer) {
    return new DocumentReader<>(context, new DocumentReader.Spec<>(kind, kind, types, open, evidence, mapper, keys,
        FieldSet.all()), materializer);
  }

  private static List<String> upper(List<String> ids) {
    return ids.stream().map(id -> Decode.upper(id.strip())).distinct().toList();
  }

  private static List<String> prefixes(List<String> ids, char separator) {
    return ids.stream().map(id -> id.indexOf(separator) > 0 ? id.substring(0, id.indexOf(separator)) : id)
        .map(id -> Decode.upper(id.strip())).distinct().toList();
  }
}
