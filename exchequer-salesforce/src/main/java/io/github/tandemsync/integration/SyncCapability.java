package io.github.tandemsync.integration;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.model.EntityTypes;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The capabilities the seeds name, each one flow of the integration. Listed in the order a cycle
 * runs them: reference data before the records that point at it, and stock levels and balances
 * last, so they include what the cycle's own writes changed in Exchequer.
 */
public enum SyncCapability {
  GL_ACCOUNTS("glAccounts", EntityTypes.GL_ACCOUNT, FlowDirection.ERP_TO_CRM, "General ledger accounts"),
  DEPARTMENTS("departments", EntityTypes.DEPARTMENT, FlowDirection.ERP_TO_CRM, "Departments"),
  COST_CENTRES("costCentres", EntityTypes.COST_CENTRE, FlowDirection.ERP_TO_CRM, "Cost centres"),
  WAREHOUSES("warehouses", EntityTypes.WAREHOUSE, FlowDirection.ERP_TO_CRM, "Stock locations (warehouses)"),
  PRODUCT_CATEGORIES("productCategories", EntityTypes.PRODUCT_CATEGORY, FlowDirection.ERP_TO_CRM, "Product categories (stock groups)"),
  PRODUCTS("products", EntityTypes.PRODUCT, FlowDirection.ERP_TO_CRM, "Stock information: products"),
  PRICES("prices", EntityTypes.PRICE, FlowDirection.ERP_TO_CRM, "Pricing: price bands to price books"),
  ACCOUNTS("accounts", EntityTypes.ACCOUNT, FlowDirection.BOTH, "Two-way customer/account records, prospects becoming customers"),
  CONTACTS("contacts", EntityTypes.CONTACT, FlowDirection.BOTH, "Division contacts"),
  JOBS("jobs", EntityTypes.JOB, FlowDirection.ERP_TO_CRM, "Jobs (job costing)"),
  QUOTES("quotes", EntityTypes.QUOTE, FlowDirection.CRM_TO_ERP,
      "Quotes from Salesforce into Exchequer (SQU or SOR); acceptance creates the order, wins the opportunity and makes the prospect a customer"),
  ORDERS("orders", EntityTypes.ORDER, FlowDirection.BOTH, "Orders into Exchequer; order status, current and historical orders to Salesforce"),
  DELIVERIES("deliveries", EntityTypes.DELIVERY, FlowDirection.BOTH,
      "Delivery notes to Salesforce; delivery and picking data from Salesforce to Exchequer delivery notes"),
  INVOICES("invoices", EntityTypes.INVOICE, FlowDirection.ERP_TO_CRM, "Sales invoices (sales history)"),
  CREDIT_NOTES("creditNotes", EntityTypes.CREDIT_NOTE, FlowDirection.ERP_TO_CRM, "Sales credit notes (sales history)"),
  PAYMENTS("payments", EntityTypes.PAYMENT, FlowDirection.ERP_TO_CRM, "Payment status of invoices"),
  // last: they reflect what this cycle's own writes did in Exchequer (orders allocate stock, invoices move balances)
  STOCK_LEVELS("stockLevels", EntityTypes.STOCK_LEVEL, FlowDirection.ERP_TO_CRM, "Stock quantities per location"),
  BALANCES("balances", EntityTypes.ACCOUNT_BALANCES, FlowDirection.ERP_TO_CRM,
      "Account balances, MTD, YTD, LYTD, credit limit and on stop");

  private final String flowName;
  private final EntityType<?> entityType;
  private final FlowDirection defaultDirection;
  private final String description;

  SyncCapability(String flowName, EntityType<?> entityType, FlowDirection defaultDirection, String description) {
    this.flowName = flowName;
    this.entityType = entityType;
    this.defaultDirection = defaultDirection;
    this.description = description;
  }

  /** The flow's name in the engine and the capability's key in configuration, e.g. {@code stockLevels}. */
  public String flowName() {
    return flowName;
  }

  public EntityType<?> entityType() {
    return entityType;
  }

  /** Its direction unless configured otherwise. */
  public FlowDirection defaultDirection() {
    return defaultDirection;
  }

  /** What the seed calls it. */
  public String description() {
    return description;
  }

  /** The directions it can be set to: a read-only source cannot be written to. */
  public Set<FlowDirection> allowedDirections() {
    return switch (defaultDirection) {
      case BOTH -> EnumSet.allOf(FlowDirection.class);
      case ERP_TO_CRM -> EnumSet.of(FlowDirection.OFF, FlowDirection.ERP_TO_CRM);
      case CRM_TO_ERP -> EnumSet.of(FlowDirection.OFF, FlowDirection.CRM_TO_ERP);
      case OFF -> EnumSet.of(FlowDirection.OFF);
    };
  }

  /** The capability whose flow is named {@code flowName}. */
  public static Optional<SyncCapability> byFlowName(String flowName) {
    for (SyncCapability c : values()) {
      if (c.flowName.equals(flowName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
