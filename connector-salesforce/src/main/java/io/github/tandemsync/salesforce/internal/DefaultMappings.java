package io.github.tandemsync.salesforce.internal;

import static io.github.tandemsync.salesforce.internal.FieldSpec.bool;
import static io.github.tandemsync.salesforce.internal.FieldSpec.computed;
import static io.github.tandemsync.salesforce.internal.FieldSpec.date;
import static io.github.tandemsync.salesforce.internal.FieldSpec.integer;
import static io.github.tandemsync.salesforce.internal.FieldSpec.money;
import static io.github.tandemsync.salesforce.internal.FieldSpec.moneyWithCurrency;
import static io.github.tandemsync.salesforce.internal.FieldSpec.negatedBool;
import static io.github.tandemsync.salesforce.internal.FieldSpec.number;
import static io.github.tandemsync.salesforce.internal.FieldSpec.numberOrZero;
import static io.github.tandemsync.salesforce.internal.FieldSpec.picklist;
import static io.github.tandemsync.salesforce.internal.FieldSpec.recordCurrency;
import static io.github.tandemsync.salesforce.internal.FieldSpec.recordMoney;
import static io.github.tandemsync.salesforce.internal.FieldSpec.recordMoneyWithCurrency;
import static io.github.tandemsync.salesforce.internal.FieldSpec.street;
import static io.github.tandemsync.salesforce.internal.FieldSpec.text;
import static io.github.tandemsync.salesforce.internal.FieldSpec.textLines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import io.github.tandemsync.core.model.Opportunity;
import io.github.tandemsync.core.model.Order;
import io.github.tandemsync.core.model.Payment;
import io.github.tandemsync.core.model.Price;
import io.github.tandemsync.core.model.Product;
import io.github.tandemsync.core.model.ProductCategory;
import io.github.tandemsync.core.model.Quote;
import io.github.tandemsync.core.model.StockLevel;
import io.github.tandemsync.core.model.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The documented default mapping of every canonical entity type to Salesforce objects and fields
 * (the table in {@code docs/salesforce.md}; the metadata under {@code resources/.../metadata}
 * defines every custom object and field named here).
 */
final class DefaultMappings {
  static final String ERP_ID = "ERP_Id__c";
  static final String CUSTOMER_PREFIX = "C-";
  static final String SUPPLIER_PREFIX = "S-";
  /** Price-book name of Salesforce's standard price book in PricebookEntry external ids. */
  static final String STANDARD_BOOK_KEY = "STD";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private DefaultMappings() {}

  /** Every default mapping, by entity type name. */
  static Map<String, EntityMapping<?>> all() {
    Map<String, EntityMapping<?>> m = new LinkedHashMap<>();
    for (EntityMapping<?> e : List.of(account(), contact(), accountBalances(), product(), productCategory(), warehouse(),
        stockLevel(), price(), quote(), order(), delivery(), invoice(), creditNote(), payment(), glAccount(), department(),
        costCentre(), job(), opportunity())) {
      m.put(e.type.name(), e);
    }
    return m;
  }

  // ------------------------------------------------------------------ parties

  static Optional<String> accountCodeFromExternalId(String extId) {
    if (extId.startsWith(CUSTOMER_PREFIX) || extId.startsWith(SUPPLIER_PREFIX)) {
      return Optional.of(extId.substring(2));
    }
    return Optional.empty();
  }

  private static FieldSpec accountRef(String owningObject, String lookupField, String path) {
    return FieldSpec.ref(owningObject, new FieldSpec.Ref(lookupField, "Account", ERP_ID), path,
        code -> CUSTOMER_PREFIX + code, DefaultMappings::accountCodeFromExternalId);
  }

  /** Account {@code Type} picklist values written for each role (standard values). */
  static final Map<String, String> ACCOUNT_TYPE = Map.of("CUSTOMER", "Customer - Direct", "SUPPLIER", "Other", "PROSPECT", "Prospect");

  static EntityMapping<Account> account() {
    String o = "Account";
    return EntityMapping.builder(EntityTypes.ACCOUNT, o)
        .key(ERP_ID, c -> {
          String code = Paths.get(c, "code").asText("");
          if (code.isBlank()) {
            return Optional.empty();
          }
          return Optional.of(("SUPPLIER".equals(Paths.get(c, "role").asText()) ? SUPPLIER_PREFIX : CUSTOMER_PREFIX) + code);
        }, List.of(ERP_ID, "Type", "AccountNumber"), List.of("code", "role"), (row, c) -> {
          String extId = row.text(ERP_ID);
          if (extId.startsWith(CUSTOMER_PREFIX)) {
            c.put("role", "CUSTOMER").put("code", extId.substring(2));
          } else if (extId.startsWith(SUPPLIER_PREFIX)) {
            c.put("role", "SUPPLIER").put("code", extId.substring(2));
          } else {
            // Not in the ERP yet, keyed by its Salesforce Id: a customer once a user marks it as one (Type "Customer ..."),
            // which is what lets it be created in the ERP; a prospect otherwise.
            c.put("role", row.text("Type").toLowerCase(java.util.Locale.ROOT).startsWith("customer") ? "CUSTOMER" : "PROSPECT");
            // an account number typed in by hand is the ERP code it should link to (matching finds the pair by it)
            String number = row.text("AccountNumber");
            if (!number.isBlank()) {
              c.put("code", number.strip());
            }
          }
        })
        .lookup("code", ERP_ID, v -> CUSTOMER_PREFIX + v)
        .lookup("code", ERP_ID, v -> SUPPLIER_PREFIX + v)
        .lookup("code", "AccountNumber", Function.identity())
        .field(text("Name", "name"))
        .field(computed("Type", List.of("role"), c -> F.textNode(ACCOUNT_TYPE.getOrDefault(Paths.get(c, "role").asText(""), "Prospect"))))
        .field(text("AccountNumber", "code").writeOnly())
        .field(street("BillingStreet", "billingAddress"))
        .field(text("BillingCity", "billingAddress.town"))
        .field(text("BillingState", "billingAddress.county"))
        .field(text("BillingPostalCode", "billingAddress.postcode"))
        .field(text("BillingCountry", "billingAddress.country"))
        .field(street("ShippingStreet", "deliveryAddress"))
        .field(text("ShippingCity", "deliveryAddress.town"))
        .field(text("ShippingState", "deliveryAddress.county"))
        .field(text("ShippingPostalCode", "deliveryAddress.postcode"))
        .field(text("ShippingCountry", "deliveryAddress.country"))
        .field(text("Phone", "phone"))
        .field(text("Fax", "fax"))
        .field(text("ERP_Email__c", "email"))
        .field(text("ERP_Default_Warehouse__c", "defaultWarehouse"))
        .field(text("ERP_Invoice_To__c", "invoiceTo"))
        .field(bool("ERP_On_Stop__c", "onStop"))
        .field(bool("ERP_Closed__c", "closed"))
        .field(recordCurrency("ERP_Currency__c", "currency"))
        .field(recordMoney("ERP_Credit_Limit__c", "creditLimit", Optional.of("ERP_Currency__c")))
        .field(number("ERP_Overall_Discount__c", "overallDiscount"))
        .field(text("ERP_Price_Band__c", "priceBand"))
        .field(integer("ERP_Compound_Discount__c", "compoundOverallDiscount"))
        .field(text("ERP_VAT_Code__c", "vatCode"))
        .field(text("ERP_VAT_Registration__c", "vatRegistration"))
        .field(number("ERP_Settlement_Discount__c", "settlementDiscount"))
        .field(integer("ERP_Settlement_Days__c", "settlementDays"))
        .field(text("ERP_Department__c", "department"))
        .field(text("ERP_Cost_Centre__c", "costCentre"))
        .field(text("ERP_Sales_GL_Code__c", "salesGlCode"))
        .recordCurrency("currency")
        .build();
  }

  static EntityMapping<AccountBalances> accountBalances() {
    return EntityMapping.builder(EntityTypes.ACCOUNT_BALANCES, "Account")
        .key(ERP_ID, c -> Optional.of(CUSTOMER_PREFIX + Paths.get(c, "accountCode").asText()), List.of(ERP_ID), List.of("accountCode"),
            (row, c) -> accountCodeFromExternalId(row.text(ERP_ID)).ifPresent(code -> c.put("accountCode", code)))
        .lookup("accountCode", ERP_ID, v -> CUSTOMER_PREFIX + v)
        .lookup("accountCode", ERP_ID, v -> SUPPLIER_PREFIX + v)
        // Their own currency field: the account's currency (ERP_Currency__c, CurrencyIsoCode) is the
        // trading currency the accounts flow writes; balances are in the ERP's base currency.
        .field(text("ERP_Balance_Currency__c", "currency"))
        .field(numberOrZero("ERP_Balance__c", "balance"))
        .field(numberOrZero("ERP_Balance_MTD__c", "monthToDate"))
        .field(numberOrZero("ERP_Balance_YTD__c", "yearToDate"))
        .field(numberOrZero("ERP_Balance_LYTD__c", "lastYearToDate"))
        .field(number("ERP_Credit_Limit__c", "creditLimit"))
        .field(bool("ERP_On_Stop__c", "onStop"))
        .readable(false)
        .writeMode(EntityMapping.WriteMode.UPDATE_ONLY)
        .build();
  }

  /** Contacts from the ERP are keyed {@code <accountCode>/<email>} (or last name without e-mail). */
  static Optional<String> contactKey(JsonNode c) {
    String account = Paths.get(c, "accountCode").asText("");
    String email = Paths.get(c, "email").asText("");
    String last = Paths.get(c, "lastName").asText("");
    if (account.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(account + "/" + (email.isBlank() ? last : email.toLowerCase(java.util.Locale.ROOT)));
  }

  static EntityMapping<Contact> contact() {
    String o = "Contact";
    return EntityMapping.builder(EntityTypes.CONTACT, o)
        .key(ERP_ID, DefaultMappings::contactKey, List.of(ERP_ID), List.of(), (row, c) -> { })
        .lookup("email", "Email", Function.identity())
        // the contacts of customer accounts, by the account's code (e.g. once a prospect became a customer)
        .lookup("accountCode", "Account." + ERP_ID, v -> CUSTOMER_PREFIX + v)
        .field(accountRef(o, "AccountId", "accountCode"))
        .field(text("Salutation", "title"))
        .field(text("FirstName", "firstName"))
        .field(text("LastName", "lastName"))
        .field(text("ERP_Salutation__c", "salutation"))
        .field(text("Email", "email"))
        .field(text("Phone", "phone"))
        .field(text("ERP_Role_Code__c", "roleCode"))
        .build();
  }

  // ------------------------------------------------------------------ products and stock

  private static JsonNode firstText(JsonNode c, String... paths) {
    for (String p : paths) {
      JsonNode v = Paths.get(c, p);
      if (v.isTextual() && !v.asText().isBlank()) {
        String s = v.asText();
        return F.textNode(s.length() > 80 ? s.substring(0, 80) : s);
      }
    }
    return F.nullNode();
  }

  static EntityMapping<Product> product() {
    return EntityMapping.builder(EntityTypes.PRODUCT, "Product2")
        .key(ERP_ID, c -> Optional.of(Paths.get(c, "code")).filter(JsonNode::isTextual).map(JsonNode::asText).filter(s -> !s.isBlank()),
            List.of(ERP_ID, "ProductCode"), List.of("code"), (row, c) -> {
              String id = row.text(ERP_ID);
              // a product keyed in by hand carries its ERP code in ProductCode: matching links the pair by it
              String code = !id.isBlank() ? id : row.text("ProductCode").strip();
              if (!code.isBlank()) {
                c.put("code", code);
              }
            })
        .lookup("code", ERP_ID, Function.identity())
        .lookup("code", "ProductCode", Function.identity())
        .field(text("Name", "description").readOnly())
        .field(computed("Name", List.of("description"), c -> firstText(c, "description", "code")))
        .field(text("ProductCode", "code").writeOnly())
        .field(textLines("Description", "extendedDescription"))
        .field(negatedBool("IsActive", "obsolete"))
        .field(text("ERP_Alt_Code__c", "altCode"))
        .field(text("ERP_Category_Code__c", "categoryCode"))
        .field(text("ERP_Discount_Matrix_Code__c", "discountMatrixCode"))
        .field(bool("ERP_Allow_Overall_Discount__c", "allowOverallDiscount"))
        .field(text("ERP_Unit_Of_Sale__c", "unitOfSale"))
        .field(text("ERP_Default_Warehouse__c", "defaultWarehouse"))
        .field(text("ERP_Bin_Location__c", "binLocation"))
        .field(text("ERP_Cost_Centre__c", "costCentre"))
        .field(text("ERP_Department__c", "department"))
        .field(moneyWithCurrency("ERP_Sell_Price__c", "ERP_Sell_Price_Currency__c", "sellPrice"))
        .field(moneyWithCurrency("ERP_Cost_Price__c", "ERP_Cost_Price_Currency__c", "costPrice"))
        .field(text("ERP_Pack_Unit__c", "packUnit"))
        .field(text("ERP_VAT_Code__c", "vatCode"))
        .field(text("ERP_Barcode__c", "barcode"))
        .field(text("ERP_Quantity_Type__c", "quantityType"))
        .field(number("ERP_Quantity_Factor__c", "quantityFactor"))
        .field(integer("ERP_Quantity_Decimals__c", "quantityDecimals"))
        .field(bool("ERP_Allow_Split__c", "allowSplit"))
        .field(bool("ERP_Stocked__c", "stocked"))
        .field(moneyWithCurrency("ERP_Purchase_Cost__c", "ERP_Purchase_Currency__c", "purchaseCost"))
        .field(number("ERP_Unit_Weight__c", "unitWeight.value"))
        .field(text("ERP_Unit_Weight_Unit__c", "unitWeight.unit"))
        .build();
  }

  private static <T> EntityMapping.Builder<T> coded(EntityType<T> type, String object, String namePath) {
    return EntityMapping.builder(type, object)
        .simpleKey(ERP_ID, "code")
        .field(computed("Name", List.of(namePath), c -> firstText(c, namePath, "code")));
  }

  static EntityMapping<ProductCategory> productCategory() {
    return coded(EntityTypes.PRODUCT_CATEGORY, "ERP_Product_Category__c", "description")
        .field(text("ERP_Description__c", "description"))
        .field(text("ERP_Parent_Code__c", "parentCode"))
        .build();
  }

  static EntityMapping<Warehouse> warehouse() {
    return coded(EntityTypes.WAREHOUSE, "ERP_Warehouse__c", "name")
        .field(text("ERP_Name__c", "name"))
        .build();
  }

  static Optional<String> stockKey(JsonNode c) {
    String p = Paths.get(c, "productCode").asText("");
    String w = Paths.get(c, "warehouseCode").asText("");
    return p.isBlank() || w.isBlank() ? Optional.empty() : Optional.of(p + "/" + w);
  }

  static EntityMapping<StockLevel> stockLevel() {
    String o = "ERP_Stock_Level__c";
    return EntityMapping.builder(EntityTypes.STOCK_LEVEL, o)
        .key(ERP_ID, DefaultMappings::stockKey, List.of(ERP_ID), List.of(), (row, c) -> { })
        .field(computed("Name", List.of("productCode", "warehouseCode"), c -> F.textNode(stockKey(c).orElse(""))))
        .field(text("ERP_Product_Code__c", "productCode"))
        .field(text("ERP_Warehouse_Code__c", "warehouseCode"))
        .field(FieldSpec.ref(o, new FieldSpec.Ref("ERP_Product__c", "Product2", ERP_ID), "productCode", Function.identity(), Optional::of)
            .writeOnly())
        .field(FieldSpec.ref(o, new FieldSpec.Ref("ERP_Warehouse__c", "ERP_Warehouse__c", ERP_ID), "warehouseCode", Function.identity(),
            Optional::of).writeOnly())
        .field(numberOrZero("ERP_In_Stock__c", "inStock"))
        .field(numberOrZero("ERP_Allocated__c", "allocated"))
        .field(numberOrZero("ERP_On_Order__c", "onOrder"))
        .field(numberOrZero("ERP_Free__c", "free"))
        .field(numberOrZero("ERP_Picked__c", "picked"))
        .field(text("ERP_Bin_Location__c", "binLocation"))
        .build();
  }

  static Optional<String> priceKey(JsonNode c, String standardBook) {
    String book = Paths.get(c, "priceBook").asText("");
    String product = Paths.get(c, "productCode").asText("");
    String currency = Paths.get(c, "unitPrice.currency").asText("");
    if (book.isBlank() || product.isBlank() || currency.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(book + "-" + product + "-" + currency);
  }

  static EntityMapping<Price> price() {
    String o = "PricebookEntry";
    return EntityMapping.builder(EntityTypes.PRICE, o)
        .key(ERP_ID, c -> priceKey(c, ""), List.of(ERP_ID), List.of("priceBook", "productCode"), (row, c) -> {
          // <book>-<product>-<currency>: the product code may itself contain dashes.
          String ext = row.text(ERP_ID);
          int first = ext.indexOf('-');
          int last = ext.lastIndexOf('-');
          if (first > 0 && last > first) {
            c.put("priceBook", ext.substring(0, first)).put("productCode", ext.substring(first + 1, last));
            c.putObject("unitPrice").put("currency", ext.substring(last + 1));
          }
        })
        .field(new FieldSpec(List.of("UnitPrice"), List.of("unitPrice"), FieldSpec.Access.BOTH, false,
            (src, c) -> {
              JsonNode v = src.get("UnitPrice");
              if (v.isNumber()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) c.with("unitPrice")).set("amount", F.numberNode(v.decimalValue()));
              }
            },
            (c, t) -> t.set("UnitPrice", FieldSpec.nullIfMissing(Paths.get(c, "unitPrice.amount")))))
        .field(bool("IsActive", "active"))
        .field(FieldSpec.ref(o, new FieldSpec.Ref("Product2Id", "Product2", ERP_ID), "productCode", Function.identity(), Optional::of)
            .createOnly())
        .recordCurrency("unitPrice.currency")
        .orgCurrencyOnly()
        .writeMode(EntityMapping.WriteMode.PRICE)
        .readable(false)
        .build();
  }

  // ------------------------------------------------------------------ documents

  private static String docLineKey(String docKey, JsonNode line, int index) {
    JsonNode n = line.get("lineNumber");
    return docKey + "-" + (n != null && n.isNumber() ? n.asInt() : index);
  }

  private static List<FieldSpec> addressFields(String prefix, String path) {
    return List.of(street(prefix + "Street", path), text(prefix + "City", path + ".town"), text(prefix + "State", path + ".county"),
        text(prefix + "PostalCode", path + ".postcode"), text(prefix + "Country", path + ".country"));
  }

  private static List<FieldSpec> customAddressFields(String prefix, String path) {
    return List.of(street(prefix + "Street__c", path), text(prefix + "City__c", path + ".town"),
        text(prefix + "County__c", path + ".county"), text(prefix + "Postcode__c", path + ".postcode"),
        text(prefix + "Country__c", path + ".country"));
  }

  private static List<FieldSpec> invoiceLineFields() {
    Optional<String> cur = Optional.of("ERP_Currency__c");
    List<FieldSpec> f = new ArrayList<>();
    f.add(integer("ERP_Line_No__c", "lineNumber"));
    f.add(text("ERP_Product_Code__c", "productCode"));
    f.add(text("ERP_Description__c", "description"));
    f.add(textLines("ERP_Extended_Description__c", "extendedDescription"));
    f.add(text("ERP_Delivery_Reference__c", "deliveryReference"));
    f.add(text("ERP_GL_Code__c", "glCode"));
    f.add(text("ERP_Department__c", "department"));
    f.add(text("ERP_Cost_Centre__c", "costCentre"));
    f.add(text("ERP_Warehouse_Code__c", "warehouseCode"));
    f.add(text("ERP_Analysis_Code__c", "analysisCode"));
    f.add(text("ERP_Job_Code__c", "jobCode"));
    f.add(numberOrZero("ERP_Order_Quantity__c", "orderQuantity"));
    f.add(numberOrZero("ERP_Delivered_Quantity__c", "deliveredQuantity"));
    f.add(numberOrZero("ERP_Invoice_Quantity__c", "invoiceQuantity"));
    f.add(text("ERP_Quantity_Type__c", "quantityType"));
    f.add(number("ERP_Quantity_Factor__c", "quantityFactor"));
    f.add(text("ERP_Currency__c", "currency"));
    f.add(money("ERP_Unit_Price__c", "unitPrice", cur));
    f.add(money("ERP_Cost_Price__c", "costPrice", cur));
    f.add(money("ERP_Cost_Value__c", "costValue", cur));
    f.add(money("ERP_Net_Value__c", "netValue", cur));
    f.add(money("ERP_Gross_Value__c", "grossValue", cur));
    f.add(moneyWithCurrency("ERP_Base_Net_Value__c", "ERP_Base_Currency__c", "baseNetValue"));
    f.add(money("ERP_Base_Gross_Value__c", "baseGrossValue", Optional.of("ERP_Base_Currency__c")));
    f.add(date("ERP_Delivery_Date__c", "deliveryDate"));
    f.add(date("ERP_Due_Date__c", "dueDate"));
    f.add(date("ERP_Expire_Date__c", "expireDate"));
    f.add(text("ERP_Contract__c", "contract"));
    f.add(textLines("ERP_User_Fields__c", "userFields"));
    return f;
  }

  private static <T> EntityMapping.Builder<T> ledgerDocument(EntityType<T> type, String object, String lineObject, String relationship,
      String dateField, String datePath) {
    Optional<String> cur = Optional.of("ERP_Currency__c");
    return EntityMapping.builder(type, object)
        .simpleKey(ERP_ID, "number")
        .field(computed("Name", List.of("number"), c -> firstText(c, "number")))
        .field(accountRef(object, "ERP_Account__c", "accountCode"))
        .field(text("ERP_Ledger_Account__c", "ledgerAccount"))
        .field(text("ERP_Quote_Reference__c", "quoteReference"))
        .field(text("ERP_Order_Number__c", "orderNumber"))
        .field(text("ERP_Customer_Reference__c", "customerReference"))
        .field(date(dateField, datePath))
        .field(date("ERP_Due_Date__c", "dueDate"))
        .field(recordCurrency("ERP_Currency__c", "currency"))
        .field(recordMoney("ERP_Net_Total__c", "netTotal", cur))
        .field(recordMoney("ERP_Tax_Total__c", "taxTotal", cur))
        .field(recordMoney("ERP_Gross_Total__c", "grossTotal", cur))
        .recordCurrency("currency")
        .lines(new LineMapping(lineObject, relationship, object, ERP_ID, "lines", DefaultMappings::docLineKey, invoiceLineFields(),
            Optional.of("ERP_Line_No__c")))
        .writeMode(EntityMapping.WriteMode.DOCUMENT);
  }

  static EntityMapping<Invoice> invoice() {
    return ledgerDocument(EntityTypes.INVOICE, "ERP_Invoice__c", "ERP_Invoice_Line__c", "ERP_Invoice_Lines__r", "ERP_Invoice_Date__c",
        "invoiceDate")
        .field(date("ERP_Order_Date__c", "orderDate"))
        .build();
  }

  static EntityMapping<CreditNote> creditNote() {
    return ledgerDocument(EntityTypes.CREDIT_NOTE, "ERP_Credit_Note__c", "ERP_Credit_Note_Line__c", "ERP_Credit_Note_Lines__r",
        "ERP_Credit_Date__c", "creditDate")
        .field(text("ERP_Invoice_Number__c", "invoiceNumber"))
        .build();
  }

  /** Default API name of the field keeping a document's CRM reference as the ERP knows it. */
  static final String EXTERNAL_REFERENCE = "ERP_External_Reference__c";

  /**
   * Documents born in Salesforce only (quotes): ERP number in {@code ERP_Id__c}, the Salesforce Id
   * as external reference. The Id is Salesforce's: read, never written.
   */
  private static <T> EntityMapping.Builder<T> salesforceBornKey(EntityMapping.Builder<T> b) {
    return b.key(ERP_ID, DefaultMappings::documentNumber, List.of(ERP_ID, "Id"), List.of("number", "externalReference"), (row, c) -> {
          String n = row.text(ERP_ID);
          if (!n.isBlank()) {
            c.put("number", n);
          }
          String id = row.text("Id");
          if (!id.isBlank()) {
            c.put("externalReference", id);
          }
        })
        .readOnlyKeyPaths("externalReference")
        .lookup("number", ERP_ID, Function.identity())
        .lookup("externalReference", "Id", Function.identity());
  }

  /**
   * Documents born in either system (orders, deliveries): ERP number in {@code ERP_Id__c}; the
   * external reference is kept in {@value #EXTERNAL_REFERENCE} as the ERP holds it (a CRM
   * reference of another system, or empty), so it reads back as written. A record Salesforce users
   * created, not in the ERP yet, is known by its Salesforce Id, which is written to
   * {@value #EXTERNAL_REFERENCE} together with the ERP number.
   */
  private static <T> EntityMapping.Builder<T> twoWayKey(EntityMapping.Builder<T> b) {
    return b.key(ERP_ID, DefaultMappings::documentNumber, List.of(ERP_ID, "Id", EXTERNAL_REFERENCE), List.of("number", "externalReference"),
        (row, c) -> {
          String n = row.text(ERP_ID);
          if (!n.isBlank()) {
            c.put("number", n);
          }
          String reference = row.text(EXTERNAL_REFERENCE);
          String id = row.text("Id");
          if (!reference.isBlank()) {
            c.put("externalReference", reference);
          } else if (n.isBlank() && !id.isBlank()) {
            c.put("externalReference", id);
          }
        })
        .field(text(EXTERNAL_REFERENCE, "externalReference").writeOnly().everyWrite())
        .lookup("number", ERP_ID, Function.identity())
        .lookup("externalReference", EXTERNAL_REFERENCE, Function.identity())
        .lookup("externalReference", "Id", Function.identity());
  }

  private static Optional<String> documentNumber(JsonNode c) {
    return Optional.of(Paths.get(c, "number")).filter(JsonNode::isTextual).map(JsonNode::asText).filter(s -> !s.isBlank());
  }

  static EntityMapping<Delivery> delivery() {
    String o = "ERP_Delivery__c";
    List<FieldSpec> lineFields = List.of(
        integer("ERP_Line_No__c", "lineNumber"),
        integer("ERP_Order_Line_No__c", "orderLineNumber"),
        text("ERP_Product_Code__c", "productCode"),
        text("ERP_Description__c", "description"),
        numberOrZero("ERP_Quantity__c", "quantity"),
        number("ERP_Picked_Quantity__c", "pickedQuantity"),
        text("ERP_Warehouse_Code__c", "warehouseCode"));
    EntityMapping.Builder<Delivery> b = twoWayKey(EntityMapping.builder(EntityTypes.DELIVERY, o))
        .field(computed("Name", List.of("number"), c -> firstText(c, "number", "externalReference")))
        .field(text("ERP_Order_Number__c", "orderNumber"))
        .field(text("ERP_Order_Reference__c", "orderExternalReference"))
        .field(accountRef(o, "ERP_Account__c", "accountCode"))
        .field(date("ERP_Delivery_Date__c", "date"))
        .field(text("ERP_Customer_Reference__c", "customerReference"))
        .lines(new LineMapping("ERP_Delivery_Line__c", "ERP_Delivery_Lines__r", o, ERP_ID, "lines", DefaultMappings::docLineKey,
            lineFields, Optional.of("ERP_Line_No__c"), true))
        .writeMode(EntityMapping.WriteMode.DOCUMENT);
    customAddressFields("ERP_Delivery_", "deliveryAddress").forEach(b::field);
    return b.build();
  }

  static EntityMapping<Payment> payment() {
    return EntityMapping.builder(EntityTypes.PAYMENT, "ERP_Payment__c")
        .simpleKey(ERP_ID, "invoiceNumber")
        .field(computed("Name", List.of("invoiceNumber"), c -> firstText(c, "invoiceNumber")))
        .field(date("ERP_Due_Date__c", "dueDate"))
        .field(bool("ERP_Paid__c", "paid"))
        .field(recordMoneyWithCurrency("ERP_Outstanding__c", "ERP_Currency__c", "outstanding"))
        .field(recordMoney("ERP_Total__c", "total", Optional.of("ERP_Currency__c")))
        .recordCurrency("outstanding.currency", "total.currency")
        .build();
  }

  static EntityMapping<Order> order() {
    String o = "Order";
    Optional<String> cur = Optional.of("ERP_Currency__c");
    List<FieldSpec> lineFields = List.of(
        integer("ERP_Line_No__c", "lineNumber"),
        salesforceLineReference(),
        FieldSpec.ref("OrderItem", new FieldSpec.Ref("Product2Id", "Product2", ERP_ID), "productCode", Function.identity(), Optional::of)
            .readOnly(),
        text("Description", "description"),
        numberOrZero("Quantity", "quantity"),
        recordMoney("UnitPrice", "unitPrice", Optional.empty()),
        number("ERP_Discount__c", "discountPercent"),
        recordMoney("ERP_Net_Amount__c", "netAmount", Optional.empty()),
        text("ERP_VAT_Code__c", "vatCode"),
        text("ERP_Warehouse_Code__c", "warehouseCode"),
        date("ServiceDate", "deliveryDate"));
    EntityMapping.Builder<Order> b = twoWayKey(EntityMapping.builder(EntityTypes.ORDER, o))
        .field(accountRef(o, "AccountId", "accountCode"))
        .field(new FieldSpec(List.of("Status", "ERP_Status__c"), List.of("status"), FieldSpec.Access.READ, false,
            (src, c) -> {
              String erp = src.text("ERP_Status__c");
              c.put("status", !erp.isBlank() ? erp : "Draft".equalsIgnoreCase(src.text("Status")) ? "DRAFT" : "OPEN");
            }, (c, t) -> { }))
        .field(text("ERP_Status__c", "status").writeOnly())
        .field(bool("ERP_On_Hold__c", "onHold"))
        .field(text("QuoteId", "quoteReference").readOnly())
        .field(text("OpportunityId", "opportunityReference").readOnly())
        .field(date("EffectiveDate", "orderDate"))
        .field(date("ERP_Requested_Date__c", "requestedDate"))
        .field(text("PoNumber", "customerReference"))
        .field(recordCurrency("ERP_Currency__c", "currency"))
        // Set on insert by the order writer (the standard price book when blank); fixed once the order has products.
        .field(FieldSpec.ref(o, new FieldSpec.Ref("Pricebook2Id", "Pricebook2", ERP_ID), "priceBook", Function.identity(), Optional::of)
            .createOnly().writtenByWriter())
        .field(recordMoney("ERP_Net_Total__c", "netTotal", cur))
        .field(recordMoney("ERP_Tax_Total__c", "taxTotal", cur))
        .field(recordMoney("ERP_Outstanding_Total__c", "outstandingTotal", cur))
        .lines(new LineMapping("OrderItem", "OrderItems", "OrderId", ERP_ID, "lines", DefaultMappings::docLineKey, lineFields,
            Optional.of("ERP_Line_No__c"), false, Optional.of(TEXT_LINES)))
        .recordCurrency("currency")
        .orgCurrencyOnly()
        .writeMode(EntityMapping.WriteMode.ORDER);
    addressFields("Shipping", "deliveryAddress").forEach(b::field);
    return b.build();
  }

  /** Default API name of the Order field keeping lines without a product (JSON), which cannot be order products. */
  static final String TEXT_LINES = "ERP_Text_Lines__c";

  /**
   * A line's Salesforce Id as its external reference, for lines people added in Salesforce; lines
   * written from the ERP carry their ERP key instead and read back without it, as written.
   */
  private static FieldSpec salesforceLineReference() {
    return new FieldSpec(List.of("Id", ERP_ID), List.of("externalReference"), FieldSpec.Access.READ, false,
        (src, c) -> {
          if (src.text(ERP_ID).isBlank() && !src.text("Id").isBlank()) {
            c.put("externalReference", src.text("Id"));
          }
        }, (c, t) -> { });
  }

  /** The record's {@code CurrencyIsoCode} (multi-currency orgs), else the org's currency: read only. */
  private static FieldSpec currencyOfRecord(String path) {
    return new FieldSpec(List.of(), List.of(path), FieldSpec.Access.READ, false,
        (src, c) -> Paths.set(c, path, F.textNode(src.recordCurrency().orElse(src.ctx().defaultCurrency()))), (c, t) -> { });
  }

  static final Map<String, String> QUOTE_STATUS = Map.of(
      "DRAFT", "Draft", "IN_REVIEW", "In Review", "APPROVED", "Approved", "PRESENTED", "Presented",
      "ACCEPTED", "Accepted", "REJECTED", "Denied");

  static EntityMapping<Quote> quote() {
    String o = "Quote";
    List<FieldSpec> lineFields = List.of(
        text("Id", "externalReference").readOnly(),
        FieldSpec.ref("QuoteLineItem", new FieldSpec.Ref("Product2Id", "Product2", ERP_ID), "productCode", Function.identity(),
            Optional::of).readOnly(),
        text("Description", "description").readOnly(),
        numberOrZero("Quantity", "quantity").readOnly(),
        recordMoney("UnitPrice", "unitPrice", Optional.empty()).readOnly(),
        number("Discount", "discountPercent").readOnly(),
        recordMoney("TotalPrice", "netAmount", Optional.empty()).readOnly(),
        date("ServiceDate", "deliveryDate").readOnly());
    EntityMapping.Builder<Quote> b = salesforceBornKey(EntityMapping.builder(EntityTypes.QUOTE, o))
        .field(accountRef(o, "AccountId", "accountCode").readOnly())
        .field(text("Name", "name").readOnly())
        // The quote's status is the rep's (Status): it is what tells Tandem a quote was accepted, so
        // nothing the ERP reports may mask it. The ERP's own view of the quote is its number.
        .field(new FieldSpec(List.of("Status"), List.of("status"), FieldSpec.Access.READ, false,
            (src, c) -> {
              String sf = src.text("Status");
              c.put("status", QUOTE_STATUS.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(sf)).map(Map.Entry::getKey)
                  .findFirst().orElse("DRAFT"));
            }, (c, t) -> { }))
        .field(date("CreatedDate", "date").readOnly())
        .field(date("ExpirationDate", "expiryDate").readOnly())
        .field(text("ERP_Customer_Reference__c", "customerReference").readOnly())
        .field(FieldSpec.ref(o, new FieldSpec.Ref("Pricebook2Id", "Pricebook2", ERP_ID), "priceBook", Function.identity(), Optional::of)
            .readOnly())
        .field(text("OpportunityId", "opportunityReference").readOnly())
        .field(currencyOfRecord("currency"))
        .field(recordMoney("TotalPrice", "netTotal", Optional.empty()).readOnly())
        .field(recordMoney("Tax", "taxTotal", Optional.empty()).readOnly().optional())
        .lines(new LineMapping("QuoteLineItem", "QuoteLineItems", "QuoteId", ERP_ID, "lines", DefaultMappings::docLineKey, lineFields,
            Optional.empty()))
        .writeMode(EntityMapping.WriteMode.WRITE_BACK);
    addressFields("Shipping", "deliveryAddress").forEach(f -> b.field(f.readOnly().optional()));
    return b.build();
  }

  static EntityMapping<Opportunity> opportunity() {
    String o = "Opportunity";
    return EntityMapping.builder(EntityTypes.OPPORTUNITY, o)
        .key(ERP_ID, c -> Optional.empty(), List.of(), List.of(), (row, c) -> { })
        .field(text("Name", "name").readOnly())
        .field(accountRef(o, "AccountId", "accountCode").readOnly())
        .field(text("StageName", "stage"))
        .field(date("CloseDate", "closeDate").readOnly())
        .field(recordMoney("Amount", "amount", Optional.empty()).readOnly())
        .field(text("SyncedQuoteId", "quoteReference").readOnly().optional())
        .writeMode(EntityMapping.WriteMode.WRITE_BACK)
        .build();
  }

  // ------------------------------------------------------------------ ledgers and analysis codes

  static EntityMapping<GlAccount> glAccount() {
    return coded(EntityTypes.GL_ACCOUNT, "ERP_GL_Account__c", "description")
        .field(text("ERP_Description__c", "description"))
        .field(text("ERP_Type__c", "type"))
        .field(text("ERP_Parent_Code__c", "parentCode"))
        .field(bool("ERP_Obsolete__c", "obsolete"))
        .build();
  }

  static EntityMapping<Department> department() {
    return coded(EntityTypes.DEPARTMENT, "ERP_Department__c", "description")
        .field(text("ERP_Description__c", "description"))
        .field(bool("ERP_Obsolete__c", "obsolete"))
        .build();
  }

  static EntityMapping<CostCentre> costCentre() {
    return coded(EntityTypes.COST_CENTRE, "ERP_Cost_Centre__c", "description")
        .field(text("ERP_Description__c", "description"))
        .field(bool("ERP_Obsolete__c", "obsolete"))
        .build();
  }

  static EntityMapping<Job> job() {
    String o = "ERP_Job__c";
    return coded(EntityTypes.JOB, o, "description")
        .field(text("ERP_Description__c", "description"))
        .field(text("ERP_Parent_Code__c", "parentCode"))
        .field(text("ERP_Alt_Code__c", "altCode"))
        .field(text("ERP_Contact__c", "contact"))
        .field(text("ERP_Manager__c", "manager"))
        .field(bool("ERP_Completed__c", "completed"))
        .field(date("ERP_Start_Date__c", "startDate"))
        .field(date("ERP_End_Date__c", "endDate"))
        .field(date("ERP_Revised_End_Date__c", "revisedEndDate"))
        .field(text("ERP_Record_Type__c", "recordType"))
        .field(text("ERP_Job_Type__c", "jobTypeCode"))
        .field(text("ERP_Charge_Type__c", "chargeType"))
        .field(text("ERP_Sales_Order_Number__c", "salesOrderNumber"))
        .field(moneyWithCurrency("ERP_Quoted_Price__c", "ERP_Quoted_Currency__c", "quotedPrice"))
        .recordCurrency("quotedPrice.currency")
        .field(text("ERP_QS_Code__c", "qsCode"))
        .field(text("ERP_Status__c", "status"))
        .field(text("ERP_Customer_Code__c", "customerCode"))
        .field(text("ERP_Supplier_Code__c", "supplierCode"))
        .field(textLines("ERP_User_Fields__c", "userFields"))
        .build();
  }
}
