package io.github.tandemsync.core.model;

import io.github.tandemsync.core.EntityType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical entity types: one {@link EntityType} per top-level record of this package, by the
 * stable name used in state, configuration and logs. Line records ({@link SalesLine},
 * {@link DeliveryLine}, {@link InvoiceLine}) travel inside their documents and have no entity type.
 */
public final class EntityTypes {

  /** Customers, suppliers and prospects: {@code "account"}, {@link Account}. */
  public static final EntityType<Account> ACCOUNT = EntityType.of("account", Account.class);

  /** People at accounts: {@code "contact"}, {@link Contact}. */
  public static final EntityType<Contact> CONTACT = EntityType.of("contact", Contact.class);

  /** Ledger balances and turnover of accounts: {@code "accountBalances"}, {@link AccountBalances}. */
  public static final EntityType<AccountBalances> ACCOUNT_BALANCES = EntityType.of("accountBalances", AccountBalances.class);

  /** Products (stock items): {@code "product"}, {@link Product}. */
  public static final EntityType<Product> PRODUCT = EntityType.of("product", Product.class);

  /** Product groups: {@code "productCategory"}, {@link ProductCategory}. */
  public static final EntityType<ProductCategory> PRODUCT_CATEGORY = EntityType.of("productCategory", ProductCategory.class);

  /** Stock locations: {@code "warehouse"}, {@link Warehouse}. */
  public static final EntityType<Warehouse> WAREHOUSE = EntityType.of("warehouse", Warehouse.class);

  /** Stock per product and warehouse: {@code "stockLevel"}, {@link StockLevel}. */
  public static final EntityType<StockLevel> STOCK_LEVEL = EntityType.of("stockLevel", StockLevel.class);

  /** Prices per product and price book: {@code "price"}, {@link Price}. */
  public static final EntityType<Price> PRICE = EntityType.of("price", Price.class);

  /** Sales quotations: {@code "quote"}, {@link Quote}. */
  public static final EntityType<Quote> QUOTE = EntityType.of("quote", Quote.class);

  /** Sales orders: {@code "order"}, {@link Order}. */
  public static final EntityType<Order> ORDER = EntityType.of("order", Order.class);

  /** Delivery notes: {@code "delivery"}, {@link Delivery}. */
  public static final EntityType<Delivery> DELIVERY = EntityType.of("delivery", Delivery.class);

  /** Sales invoices: {@code "invoice"}, {@link Invoice}. */
  public static final EntityType<Invoice> INVOICE = EntityType.of("invoice", Invoice.class);

  /** Sales credit notes: {@code "creditNote"}, {@link CreditNote}. */
  public static final EntityType<CreditNote> CREDIT_NOTE = EntityType.of("creditNote", CreditNote.class);

  /** Payment status of invoices: {@code "payment"}, {@link Payment}. */
  public static final EntityType<Payment> PAYMENT = EntityType.of("payment", Payment.class);

  /** General-ledger accounts: {@code "glAccount"}, {@link GlAccount}. */
  public static final EntityType<GlAccount> GL_ACCOUNT = EntityType.of("glAccount", GlAccount.class);

  /** Departments: {@code "department"}, {@link Department}. */
  public static final EntityType<Department> DEPARTMENT = EntityType.of("department", Department.class);

  /** Cost centres: {@code "costCentre"}, {@link CostCentre}. */
  public static final EntityType<CostCentre> COST_CENTRE = EntityType.of("costCentre", CostCentre.class);

  /** Job-costing contracts, jobs and phases: {@code "job"}, {@link Job}. */
  public static final EntityType<Job> JOB = EntityType.of("job", Job.class);

  /** CRM sales opportunities: {@code "opportunity"}, {@link Opportunity}. */
  public static final EntityType<Opportunity> OPPORTUNITY = EntityType.of("opportunity", Opportunity.class);

  private static final List<EntityType<?>> ALL = List.of(
      ACCOUNT,
      CONTACT,
      ACCOUNT_BALANCES,
      PRODUCT,
      PRODUCT_CATEGORY,
      WAREHOUSE,
      STOCK_LEVEL,
      PRICE,
      QUOTE,
      ORDER,
      DELIVERY,
      INVOICE,
      CREDIT_NOTE,
      PAYMENT,
      GL_ACCOUNT,
      DEPARTMENT,
      COST_CENTRE,
      JOB,
      OPPORTUNITY);

  private static final Map<String, EntityType<?>> BY_NAME = index(ALL);

  private EntityTypes() {}

  /** Every canonical entity type, in a stable order (parties, products and stock, documents, ledgers). */
  public static List<EntityType<?>> all() {
    return ALL;
  }

  /**
   * The canonical entity type with this name.
   *
   * @param name the stable name, e.g. {@code "stockLevel"}; case-sensitive
   * @return the type, or empty when no canonical type has this name (it may be a partner's own)
   */
  public static Optional<EntityType<?>> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  private static Map<String, EntityType<?>> index(List<EntityType<?>> types) {
    Map<String, EntityType<?>> byName = new LinkedHashMap<>();
    for (EntityType<?> type : types) {
      byName.put(type.name(), type);
    }
    return Map.copyOf(byName);
  }
}
