package io.github.tandemsync.testkit.salesforce.internal;

import java.math.BigDecimal;

/**
 * The standard objects an ERP integration touches, with their key fields, required fields and
 * read-only/create-only rules (reference §15). Fields Salesforce has but an ERP sync never uses are
 * left out; the describe result lists exactly what is modelled.
 */
final class StandardSchema {
  private StandardSchema() {}

  static Schema create() {
    Schema schema = new Schema();
    user(schema);
    account(schema);
    contact(schema);
    product(schema);
    pricebook(schema);
    pricebookEntry(schema);
    opportunity(schema);
    opportunityLineItem(schema);
    quote(schema);
    quoteLineItem(schema);
    order(schema);
    orderItem(schema);
    return schema;
  }

  // --- field factories ---

  static FieldDef text(String name, int length) {
    return new FieldDef(name, FieldType.STRING).length(length);
  }

  static FieldDef textArea(String name, int length) {
    return new FieldDef(name, length > 255 ? FieldType.LONG_TEXTAREA : FieldType.TEXTAREA).length(length);
  }

  static FieldDef phone(String name) {
    return new FieldDef(name, FieldType.PHONE).length(40);
  }

  static FieldDef email(String name) {
    return new FieldDef(name, FieldType.EMAIL).length(80);
  }

  static FieldDef url(String name) {
    return new FieldDef(name, FieldType.URL).length(255);
  }

  static FieldDef checkbox(String name, boolean defaultValue) {
    FieldDef field = new FieldDef(name, FieldType.BOOLEAN).defaults(defaultValue);
    field.nillable = false;
    return field;
  }

  static FieldDef currency(String name, int precision, int scale) {
    return new FieldDef(name, FieldType.CURRENCY).number(precision, scale);
  }

  static FieldDef decimal(String name, int precision, int scale) {
    return new FieldDef(name, FieldType.DOUBLE).number(precision, scale);
  }

  static FieldDef percent(String name, int precision, int scale) {
    return new FieldDef(name, FieldType.PERCENT).number(precision, scale);
  }

  static FieldDef integer(String name, int digits) {
    return new FieldDef(name, FieldType.INT).number(digits, 0);
  }

  static FieldDef date(String name) {
    return new FieldDef(name, FieldType.DATE);
  }

  static FieldDef dateTime(String name) {
    return new FieldDef(name, FieldType.DATETIME);
  }

  static FieldDef picklist(String name, boolean restricted, String... values) {
    return new FieldDef(name, FieldType.PICKLIST).length(255).picklist(restricted, values);
  }

  static FieldDef lookup(String name, String relationship, String... targets) {
    return new FieldDef(name, FieldType.REFERENCE).length(18).references(relationship, targets);
  }

  static FieldDef autoNumber(String name, String displayFormat) {
    FieldDef field = text(name, 30).readOnly();
    field.autoNumber = true;
    field.displayFormat = displayFormat;
    field.nillable = false;
    field.defaultedOnCreate = true;
    return field;
  }

  /** Id, IsDeleted and the audit fields every object has (reference §10). */
  static void systemFields(SObjectType type) {
    FieldDef id = type.add(new FieldDef("Id", FieldType.ID).length(18).readOnly());
    id.nillable = false;
    id.idLookup = true;
    id.system = true;
    id.defaultedOnCreate = true;
    FieldDef deleted = type.add(checkbox("IsDeleted", false).readOnly());
    deleted.system = true;
    for (FieldDef audit : new FieldDef[] {
        dateTime("CreatedDate"), lookup("CreatedById", "CreatedBy", "User"),
        dateTime("LastModifiedDate"), lookup("LastModifiedById", "LastModifiedBy", "User"),
        dateTime("SystemModstamp")}) {
      audit.readOnly();
      audit.nillable = false;
      audit.defaultedOnCreate = true;
      audit.system = true;
      type.add(audit);
    }
  }

  static void owner(SObjectType type) {
    FieldDef owner = type.add(lookup("OwnerId", "Owner", "User"));
    owner.nillable = false;
    owner.defaultedOnCreate = true;
  }

  static void address(SObjectType type, String prefix) {
    type.add(textArea(prefix + "Street", 255));
    type.add(text(prefix + "City", 40));
    type.add(text(prefix + "State", 80));
    type.add(text(prefix + "PostalCode", 20));
    type.add(text(prefix + "Country", 80));
  }

  private static SObjectType object(Schema schema, String name, String prefix, String plural) {
    SObjectType type = new SObjectType(name, prefix, false);
    type.labelPlural = plural;
    systemFields(type);
    return schema.add(type);
  }

  /** Objects whose currency is their parent's: set on insert from the parent, never written by the API. */
  private static final java.util.Set<String> CURRENCY_FROM_PARENT = java.util.Set.of("OrderItem", "QuoteLineItem", "OpportunityLineItem",
      "Quote");

  /**
   * Gives every object of a multi-currency org its {@code CurrencyIsoCode} picklist: restricted to
   * the active currencies, defaulting to the corporate one. Line items, quotes and the details of
   * master-detail relationships take their parent's currency (read-only); a price-book entry's
   * currency is set on create only.
   */
  static void addCurrencyFields(Schema schema, OrgCurrencies currencies) {
    for (SObjectType type : schema.types()) {
      FieldDef field = new FieldDef(OrgCurrencies.FIELD, FieldType.PICKLIST).length(3).label("Currency ISO Code")
          .picklist(true, currencies.active().toArray(String[]::new)).defaults(currencies.corporate());
      field.nillable = false;
      if (CURRENCY_FROM_PARENT.contains(type.name) || masterDetail(type) != null) {
        field.readOnly();
      } else if (type.name.equals("PricebookEntry")) {
        field.createOnly();
      }
      type.add(field);
    }
  }

  /** The master-detail field of a custom detail object, or null. */
  static @org.jspecify.annotations.Nullable FieldDef masterDetail(SObjectType type) {
    if (!type.custom) {
      return null;
    }
    return type.fields().stream().filter(f -> f.type == FieldType.REFERENCE && f.custom && f.cascadeDelete && !f.nillable)
        .findFirst().orElse(null);
  }

  // --- objects ---

  private static void user(Schema schema) {
    SObjectType user = object(schema, "User", "005", "Users");
    // Setup object: the integration cannot create or edit users through the data API here.
    user.createable = false;
    user.updateable = false;
    user.deletable = false;
    user.add(text("Username", 80).required()).unique = true;
    user.add(text("LastName", 80).required());
    user.add(text("FirstName", 40));
    user.add(text("Name", 121).calculatedValue());
    user.add(email("Email").required());
    user.add(text("Alias", 8));
    user.add(checkbox("IsActive", true));
  }

  private static void account(Schema schema) {
    SObjectType account = object(schema, "Account", "001", "Accounts");
    account.add(text("Name", 255).required());
    account.add(text("AccountNumber", 40));
    account.add(picklist("Type", false, "Prospect", "Customer - Direct", "Customer - Channel",
        "Channel Partner / Reseller", "Installation Partner", "Technology Partner", "Other"));
    account.add(lookup("ParentId", "Parent", "Account").children("ChildAccounts"));
    account.add(phone("Phone"));
    account.add(phone("Fax"));
    account.add(url("Website"));
    account.add(picklist("Industry", false, "Agriculture", "Banking", "Construction", "Education",
        "Manufacturing", "Retail", "Technology", "Other"));
    account.add(currency("AnnualRevenue", 18, 0));
    account.add(integer("NumberOfEmployees", 8));
    account.add(textArea("Description", 32000));
    address(account, "Billing");
    address(account, "Shipping");
    owner(account);
  }

  private static void contact(Schema schema) {
    SObjectType contact = object(schema, "Contact", "003", "Contacts");
    contact.add(lookup("AccountId", "Account", "Account").cascade().children("Contacts"));
    contact.add(text("LastName", 80).required());
    contact.add(text("FirstName", 40));
    contact.add(picklist("Salutation", false, "Mr.", "Ms.", "Mrs.", "Dr.", "Prof."));
    contact.add(text("Name", 121).calculatedValue());
    contact.add(text("Title", 128));
    contact.add(text("Department", 80));
    contact.add(email("Email"));
    contact.add(phone("Phone"));
    contact.add(phone("MobilePhone"));
    contact.add(phone("Fax"));
    address(contact, "Mailing");
    contact.add(textArea("Description", 32000));
    owner(contact);
  }

  private static void product(Schema schema) {
    SObjectType product = object(schema, "Product2", "01t", "Products");
    product.add(text("Name", 255).required());
    product.add(text("ProductCode", 255));
    product.add(text("StockKeepingUnit", 180));
    product.add(textArea("Description", 4000));
    product.add(picklist("Family", false));
    product.add(picklist("QuantityUnitOfMeasure", false, "Each"));
    product.add(checkbox("IsActive", false));
    product.add(checkbox("IsArchived", false));
    // Salesforce Connect's field, not an upsert key (reference §15.1).
    product.add(text("ExternalId", 255));
  }

  private static void pricebook(Schema schema) {
    SObjectType book = object(schema, "Pricebook2", "01s", "Price Books");
    book.add(text("Name", 255).required());
    book.add(checkbox("IsActive", false));
    book.add(checkbox("IsStandard", false).readOnly());
    book.add(checkbox("IsArchived", false).readOnly());
    book.add(textArea("Description", 255));
  }

  private static void pricebookEntry(Schema schema) {
    SObjectType entry = object(schema, "PricebookEntry", "01u", "Price Book Entries");
    entry.add(lookup("Pricebook2Id", "Pricebook2", "Pricebook2").createOnly().required().cascade().children("PricebookEntries"));
    entry.add(lookup("Product2Id", "Product2", "Product2").createOnly().required().cascade().children("PricebookEntries"));
    // Required unless UseStandardPrice: checked by the price-book rules, so nillable here.
    entry.add(currency("UnitPrice", 16, 2));
    entry.add(checkbox("IsActive", false));
    entry.add(checkbox("UseStandardPrice", false));
    entry.add(text("Name", 255).readOnly());
    entry.add(text("ProductCode", 255).readOnly());
  }

  private static void opportunity(Schema schema) {
    SObjectType opportunity = object(schema, "Opportunity", "006", "Opportunities");
    opportunity.add(lookup("AccountId", "Account", "Account").cascade().children("Opportunities"));
    opportunity.add(text("Name", 120).required());
    opportunity.add(picklist("StageName", true, "Prospecting", "Qualification", "Needs Analysis",
        "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost").required());
    opportunity.add(date("CloseDate").required());
    opportunity.add(currency("Amount", 18, 2));
    opportunity.add(percent("Probability", 3, 0));
    opportunity.add(lookup("Pricebook2Id", "Pricebook2", "Pricebook2"));
    opportunity.add(textArea("Description", 32000));
    opportunity.add(checkbox("IsClosed", false).readOnly());
    opportunity.add(checkbox("IsWon", false).readOnly());
    owner(opportunity);
  }

  private static void opportunityLineItem(Schema schema) {
    SObjectType line = object(schema, "OpportunityLineItem", "00k", "Opportunity Product");
    line.add(lookup("OpportunityId", "Opportunity", "Opportunity").createOnly().required().cascade().children("OpportunityLineItems"));
    line.add(lookup("PricebookEntryId", "PricebookEntry", "PricebookEntry").createOnly().required());
    line.add(lookup("Product2Id", "Product2", "Product2").createOnly());
    line.add(text("Name", 376).readOnly());
    line.add(decimal("Quantity", 12, 2).required());
    line.add(currency("UnitPrice", 16, 2));
    line.add(currency("TotalPrice", 16, 2));
    line.add(currency("ListPrice", 16, 2).readOnly());
    line.add(date("ServiceDate"));
    line.add(text("Description", 255));
  }

  private static void quote(Schema schema) {
    SObjectType quote = object(schema, "Quote", "0Q0", "Quotes");
    quote.add(text("Name", 255).required());
    quote.add(lookup("OpportunityId", "Opportunity", "Opportunity").createOnly().required().cascade().children("Quotes"));
    quote.add(lookup("AccountId", "Account", "Account").readOnly());
    quote.add(lookup("Pricebook2Id", "Pricebook2", "Pricebook2"));
    quote.add(picklist("Status", false, "Draft", "Needs Review", "In Review", "Approved", "Rejected",
        "Presented", "Accepted", "Denied").defaults("Draft"));
    quote.add(date("ExpirationDate"));
    quote.add(textArea("Description", 32000));
    quote.add(autoNumber("QuoteNumber", "{00000000}"));
    quote.add(checkbox("IsSyncing", false).readOnly());
    quote.add(currency("TotalPrice", 18, 2).readOnly());
    owner(quote);
  }

  private static void quoteLineItem(Schema schema) {
    SObjectType line = object(schema, "QuoteLineItem", "0QL", "Quote Line Items");
    line.add(lookup("QuoteId", "Quote", "Quote").createOnly().required().cascade().children("QuoteLineItems"));
    line.add(lookup("PricebookEntryId", "PricebookEntry", "PricebookEntry").createOnly().required());
    line.add(lookup("Product2Id", "Product2", "Product2").createOnly());
    line.add(autoNumber("LineNumber", "{00000000}"));
    line.add(decimal("Quantity", 12, 2).required());
    line.add(currency("UnitPrice", 16, 2).required());
    line.add(percent("Discount", 5, 2));
    line.add(currency("ListPrice", 16, 2).readOnly());
    line.add(currency("TotalPrice", 16, 2).readOnly());
    line.add(date("ServiceDate"));
    line.add(text("Description", 255));
  }

  private static void order(Schema schema) {
    SObjectType order = object(schema, "Order", "801", "Orders");
    order.add(lookup("AccountId", "Account", "Account").required().children("Orders"));
    order.add(date("EffectiveDate").required());
    order.add(date("EndDate"));
    order.add(picklist("Status", true, "Draft", "Activated").required());
    order.add(picklist("StatusCode", true, "Draft", "Activated").readOnly());
    order.add(text("Name", 80));
    order.add(lookup("Pricebook2Id", "Pricebook2", "Pricebook2"));
    order.add(lookup("OpportunityId", "Opportunity", "Opportunity"));
    order.add(lookup("QuoteId", "Quote", "Quote"));
    order.add(text("PoNumber", 80));
    order.add(text("OrderReferenceNumber", 80));
    order.add(picklist("Type", false));
    order.add(textArea("Description", 32000));
    address(order, "Billing");
    address(order, "Shipping");
    order.add(autoNumber("OrderNumber", "{00000000}"));
    order.add(dateTime("ActivatedDate").readOnly());
    order.add(currency("TotalAmount", 18, 2).calculatedValue()).defaultValue = BigDecimal.ZERO;
    owner(order);
  }

  private static void orderItem(Schema schema) {
    SObjectType item = object(schema, "OrderItem", "802", "Order Products");
    item.add(lookup("OrderId", "Order", "Order").createOnly().required().cascade().children("OrderItems"));
    item.add(lookup("PricebookEntryId", "PricebookEntry", "PricebookEntry").createOnly().required());
    item.add(lookup("Product2Id", "Product2", "Product2").createOnly());
    item.add(lookup("QuoteLineItemId", "QuoteLineItem", "QuoteLineItem"));
    item.add(autoNumber("OrderItemNumber", "{0000000000}"));
    item.add(decimal("Quantity", 18, 2).required());
    item.add(currency("UnitPrice", 16, 2).required());
    item.add(currency("ListPrice", 16, 2).readOnly());
    item.add(currency("TotalPrice", 16, 2).calculatedValue());
    item.add(date("ServiceDate"));
    item.add(date("EndDate"));
    item.add(text("Description", 255));
  }
}
