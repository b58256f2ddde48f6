package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.Address;
import io.github.tandemsync.core.model.Contact;
import io.github.tandemsync.core.model.CostCentre;
import io.github.tandemsync.core.model.Department;
import io.github.tandemsync.core.model.GlAccount;
import io.github.tandemsync.core.model.GlAccountType;
import io.github.tandemsync.core.model.Job;
import io.github.tandemsync.core.model.JobChargeType;
import io.github.tandemsync.core.model.JobRecordType;
import io.github.tandemsync.core.model.JobStatus;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.model.Price;
import io.github.tandemsync.core.model.Product;
import io.github.tandemsync.core.model.ProductCategory;
import io.github.tandemsync.core.model.QuantityType;
import io.github.tandemsync.core.model.StockLevel;
import io.github.tandemsync.core.model.Warehouse;
import io.github.tandemsync.core.model.Weight;
import io.github.tandemsync.exchequer.ExchequerOptions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Native ⇄ canonical mapping of Exchequer's master data (seed 001 sections Sales Ledgers, Purchase
 * Ledger, Division Contacts and Delivery Locations, Product Items, Product Categories, Warehouses,
 * General Ledger, Departments, Cost Centres, Jobs), each field with the derivation of reference §15.
 */
final class MasterMappers {
  static final String BANDS = "ABCDEFGH";
  static final String COST_BOOK = "COST";
  /** Seed 001 "Compound Overall Discount": hardcoded -1. */
  static final int COMPOUND_OVERALL_DISCOUNT = -1;

  private MasterMappers() {}

  // ---------------------------------------------------------------- accounts

  static String accountId(Row row) {
    return Decode.code(row.raw("acCode")).orElse("");
  }

  static Account account(Row row, ReadContext context) {
    Fields f = new Fields(row, "Account", accountId(row));
    String ledger = f.code("acCustSupp").orElse("");
    AccountRole role = switch (ledger) {
      case "C" -> AccountRole.CUSTOMER;
      case "S" -> AccountRole.SUPPLIER;
      default -> throw f.bad("role", "acCustSupp", "'" + ledger + "' is neither C (customer) nor S (supplier)");
    };
    String name = f.text("acCompany").orElseThrow(() -> f.bad("name", "acCompany", "is blank"));
    int status = f.integer("acAccStatus", "onStop");
    int currencyNumber = f.integer("acCurrency", "currency");
    String currency = iso(context, f, currencyNumber, "currency", "acCurrency");
    Account.Builder account = Account.builder()
        .code(f.code("acCode").orElseThrow(() -> f.bad("code", "acCode", "is blank")))
        .role(role)
        .name(name)
        .billingAddress(billingAddress(f, context))
        .deliveryAddress(deliveryAddress(f))
        .phone(f.text("acPhone"))
        .fax(f.text("acFax"))
        .email(f.text("acEmailAddr"))
        .defaultWarehouse(f.code("acLocation"))
        .invoiceTo(f.code("acInvoiceTo"))
        .onStop(status == 2)
        .closed(status == 3)
        .currency(currency)
        .creditLimit(Money.of(f.real("acCreditLimit", 2, "creditLimit"), currency))
        // Exchequer keeps discounts as fractions (0.05); the canonical model uses percent (5).
        .overallDiscount(percent(f.exact("acDiscount", "overallDiscount")))
        .priceBand(f.code("acDiscountBand"))
        .compoundOverallDiscount(COMPOUND_OVERALL_DISCOUNT)
        .vatCode(f.code("acVATCode"))
        .vatRegistration(f.text("acVATRegNo"))
        .settlementDiscount(percent(f.exact("acDefSettleDisc", "settlementDiscount")))
        .settlementDays(f.integer("acDefSettleDays", "settlementDays"))
        .department(f.code("acDepartment"))
        .costCentre(f.code("acCostCentre"))
        .salesGlCode(glCode(f.integer("acSalesGL", "salesGlCode")));
    return account.build();
  }

  private static Optional<Address> billingAddress(Fields f, ReadContext context) {
    Address.Builder address = Address.builder()
        .line1(f.text("acAddressLine1"))
        .line2(f.text("acAddressLine2"))
        .town(f.text("acAddressLine3"))
        .county(f.text("acAddressLine4"))
        .postcode(f.text("acPostCode"));
    if (context.database().catalog().hasColumn("CUSTSUPP", "acCountry")) {
      // v8+: line 5 is a fifth address line; the country is the ISO code in acCountry.
      address.line5(f.text("acAddressLine5"));
      country(address, f.code("acCountry"));
    } else {
      // Before v8 the fifth line held the country.
      Optional<String> country = f.text("acAddressLine5");
      address.country(country);
      address.countryCode(country.flatMap(Countries::code));
    }
    Address built = address.build();
    return built.isEmpty() ? Optional.empty() : Optional.of(built);
  }

  private static Optional<Address> deliveryAddress(Fields f) {
    Address.Builder address = Address.builder()
        .line1(f.text("acDespAddressLine1"))
        .line2(f.text("acDespAddressLine2"))
        .town(f.text("acDespAddressLine3"))
        .county(f.text("acDespAddressLine4"))
        .line5(f.text("acDespAddressLine5"))
        .postcode(f.text("acDeliveryPostCode"));
    country(address, f.code("acDeliveryCountry"));
    Address built = address.build();
    return built.isEmpty() ? Optional.empty() : Optional.of(built);
  }

  static void country(Address.Builder address, Optional<String> code) {
    address.countryCode(code);
    address.country(code.flatMap(Countries::name));
  }

  static Optional<Contact> contact(Row row, ReadContext context) {
    Fields f = new Fields(row, "Contact", accountId(row));
    Optional<ContactNames.Parts> parts = f.text("acContact").flatMap(ContactNames::parse);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Contact.builder()
        .accountCode(f.code("acCode"))
        .title(parts.get().title())
        .firstName(parts.get().forename())
        .lastName(parts.get().surname())
        .salutation(parts.get().salutation())
        .email(f.text("acEmailAddr"))
        .phone(f.text("acPhone"))
        .roleCode(context.options().contactRoleCode())
        .build());
  }

  // ---------------------------------------------------------------- stock

  static String stockId(Row row) {
    return Decode.code(row.raw("stCode")).orElse("");
  }

  static String stockType(Row row) {
    return Decode.code(row.raw("stType")).orElse("P");
  }

  static Product product(Row row, ReadContext context) {
    Fields f = new Fields(row, "Product", stockId(row));
    SystemSettings settings = context.settings();
    ExchequerOptions options = context.options();
    String type = stockType(row);
    String base = baseCurrency(context, f);
    // Sell price: the configured RRP band, in home currency (seed 001).
    int band = BANDS.indexOf(options.sellPriceBand()) + 1;
    int bandCurrency = f.integer("stSalesBand" + band + "Currency", "sellPrice");
    BigDecimal bandPrice = f.exact("stSalesBand" + band + "Price", "sellPrice");
    Money sellPrice = Money.of(toHome(context, bandPrice, bandCurrency).setScale(settings.salesDecimals(), RoundingMode.HALF_UP),
        base);
    boolean reorder = options.costPriceSource() == ExchequerOptions.CostPriceSource.REORDER_PRICE;
    String costColumn = reorder ? "stReorderPrice" : "stCostPrice";
    String costCurrencyColumn = reorder ? "stReorderCurrency" : "stCostPriceCurrency";
    BigDecimal cost = f.exact(costColumn, "costPrice");
    int purchaseCurrency = f.integer(costCurrencyColumn, "purchaseCost");
    Money costPrice = Money.of(toHome(context, cost, purchaseCurrency).setScale(settings.costDecimals(), RoundingMode.HALF_UP),
        base);
    Money purchaseCost = Money.of(cost.setScale(settings.costDecimals(), RoundingMode.HALF_UP),
        iso(context, f, purchaseCurrency, "purchaseCost", costCurrencyColumn));
    // Pack conversion ("stock converter"): stSalesUnits stock units make one unit of sale.
    BigDecimal salesUnits = f.exact("stSalesUnits", "quantityFactor").stripTrailingZeros();
    boolean packs = salesUnits.compareTo(BigDecimal.ONE) > 0;
    BigDecimal factor = packs ? salesUnits : BigDecimal.ONE;
    List<String> extended = new ArrayList<>();
    for (int line = 2; line <= 6; line++) {
      f.text("stDescLine" + line).ifPresent(extended::add);
    }
    Product.Builder product = Product.builder()
        .code(f.code("stCode").orElseThrow(() -> f.bad("code", "stCode", "is blank")))
        .altCode(f.text("stAltCode"))
        .description(f.text("stDescLine1"))
        .extendedDescription(extended)
        .categoryCode(f.code("stParentCode"))
        .discountMatrixCode(f.code("stCode"))
        .allowOverallDiscount(true)
        .unitOfSale(f.text("stUnitOfSale"))
        .defaultWarehouse(f.code("stLocation"))
        .binLocation(f.text("stBinLocation"))
        .costCentre(f.code("stCostCentre"))
        .department(f.code("stDepartment"))
        .sellPrice(sellPrice)
        .costPrice(costPrice)
        .packUnit(f.text("stUnitOfSale"))
        .vatCode(f.code("stVATCode"))
        .barcode(f.text("stBarCode"))
        .quantityType(packs ? QuantityType.FACTOR : QuantityType.DECIMAL)
        .quantityFactor(factor)
        .quantityDecimals(settings.quantityDecimals())
        .allowSplit(settings.quantityDecimals() > 0 || packs)
        .stocked(!type.equals("G") && !type.equals("D"))
        .obsolete(type.equals("X"))
        .purchaseCost(purchaseCost);
    if (settings.intrastat()) {
      product.unitWeight(Weight.kilograms(f.real("stSSDSalesUnitWeight", 2, "unitWeight").abs()));
    }
    return product.build();
  }

  static ProductCategory category(Row row) {
    Fields f = new Fields(row, "ProductCategory", stockId(row));
    return ProductCategory.builder()
        .code(f.code("stCode").orElseThrow(() -> f.bad("code", "stCode", "is blank")))
        .description(f.text("stDescLine1"))
        .parentCode(f.code("stParentCode"))
        .build();
  }

  static String priceId(String productCode, String book) {
    return productCode + "|" + book;
  }

  /** One price per band that has a price, plus the cost price as price book {@code COST}. */
  static List<Keyed<Price>> prices(Row row, ReadContext context) {
    String code = stockId(row);
    List<Keyed<Price>> prices = new ArrayList<>();
    boolean active = !stockType(row).equals("X");
    for (int band = 1; band <= BANDS.length(); band++) {
      String letter = String.valueOf(BANDS.charAt(band - 1));
      String priceColumn = "stSalesBand" + band + "Price";
      String currencyColumn = "stSalesBand" + band + "Currency";
      Object raw = row.raw(priceColumn);
      boolean priced;
      try {
        priced = Decode.exact(raw).signum() != 0;
      } catch (Decode.BadValue e) {
        priced = true; // let the mapping report it
      }
      if (!priced) {
        continue;
      }
      String id = priceId(code, letter);
      prices.add(Keyed.of(id, row, () -> {
        Fields f = new Fields(row, "Price", id);
        String currency = iso(context, f, f.integer(currencyColumn, "unitPrice"), "unitPrice", currencyColumn);
        return Price.builder().productCode(code).priceBook(letter)
            .unitPrice(Money.of(f.real(priceColumn, context.settings().salesDecimals(), "unitPrice"), currency))
            .active(active).build();
      }));
    }
    boolean reorder = context.options().costPriceSource() == ExchequerOptions.CostPriceSource.REORDER_PRICE;
    String costColumn = reorder ? "stReorderPrice" : "stCostPrice";
    String costCurrency = reorder ? "stReorderCurrency" : "stCostPriceCurrency";
    boolean costed;
    try {
      costed = Decode.exact(row.raw(costColumn)).signum() != 0;
    } catch (Decode.BadValue e) {
      costed = true;
    }
    if (costed) {
      String id = priceId(code, COST_BOOK);
      prices.add(Keyed.of(id, row, () -> {
        Fields f = new Fields(row, "Price", id);
        String currency = iso(context, f, f.integer(costCurrency, "unitPrice"), "unitPrice", costCurrency);
        return Price.builder().productCode(code).priceBook(COST_BOOK)
            .unitPrice(Money.of(f.real(costColumn, context.settings().costDecimals(), "unitPrice"), currency))
            .active(active).build();
      }));
    }
    return prices;
  }

  static String stockLevelId(String productCode, String warehouseCode) {
    return productCode + "@" + warehouseCode;
  }

  /** A StockLocation row (multi-location stock). */
  static StockLevel stockLevel(Row row, ReadContext context) {
    String product = Decode.code(row.raw("LsStkCode")).orElse("");
    String location = Decode.code(row.raw("LsLocCode")).orElse("");
    Fields f = new Fields(row, "StockLevel", stockLevelId(product, location));
    int decimals = context.settings().quantityDecimals();
    return level(context, product, location, f.real("LsQtyInStock", decimals, "inStock"),
        f.real("LsQtyAlloc", decimals, "allocated"), f.real("LsQtyOnOrder", decimals, "onOrder"),
        f.real("LsQtyPicked", decimals, "picked"), f.text("LsBinLoc"), f);
  }

  /** A STOCK row as the single "Total Stock" level (multi-location stock off). */
  static StockLevel totalStockLevel(Row row, ReadContext context) {
    String product = stockId(row);
    String warehouse = context.options().totalStockWarehouse();
    Fields f = new Fields(row, "StockLevel", stockLevelId(product, warehouse));
    int decimals = context.settings().quantityDecimals();
    return level(context, product, warehouse, f.real("stQtyInStock", decimals, "inStock"),
        f.real("stQtyAllocated", decimals, "allocated"), f.real("stQtyOnOrder", decimals, "onOrder"),
        f.real("stQtyPicked", decimals, "picked"), f.text("stBinLocation"), f);
  }

  private static StockLevel level(ReadContext context, String product, String warehouse, BigDecimal inStock,
      BigDecimal allocated, BigDecimal onOrder, BigDecimal picked, Optional<String> bin, Fields f) {
    if (product.isEmpty() || warehouse.isEmpty()) {
      throw f.bad(product.isEmpty() ? "productCode" : "warehouseCode", product.isEmpty() ? "LsStkCode" : "LsLocCode",
          "is blank");
    }
    SystemSettings settings = context.settings();
    // Free stock is computed, not stored (reference §5.2, ENTRPRSE/COMTK/oStock.pas).
    BigDecimal free = settings.freeStockExcludesOrders() ? inStock
        : settings.pickingAllocates() ? inStock.subtract(picked) : inStock.subtract(allocated);
    return StockLevel.builder().productCode(product).warehouseCode(warehouse).inStock(inStock).allocated(allocated)
        .onOrder(onOrder).free(free).picked(picked).binLocation(bin).build();
  }

  // ---------------------------------------------------------------- small masters

  static Warehouse warehouse(Row row) {
    Fields f = new Fields(row, "Warehouse", Decode.code(row.raw("LoCode")).orElse(""));
    return Warehouse.builder().code(f.code("LoCode").orElseThrow(() -> f.bad("code", "LoCode", "is blank")))
        .name(f.text("LoName")).build();
  }

  static String glId(Row row) {
    return Integer.toString(Decode.integer(row.raw("glCode")));
  }

  static GlAccount glAccount(Row row) {
    Fields f = new Fields(row, "GlAccount", glId(row));
    String type = f.code("glType").orElse("");
    GlAccountType glType = switch (type) {
      case "A" -> GlAccountType.PROFIT_AND_LOSS;
      case "B" -> GlAccountType.BALANCE_SHEET;
      case "C" -> GlAccountType.CONTROL;
      case "F" -> GlAccountType.CARRY_FORWARD;
      case "H" -> GlAccountType.HEADING;
      default -> throw f.bad("type", "glType", "'" + type + "' is not a GL type (A, B, C, F, H)");
    };
    return GlAccount.builder()
        .code(Integer.toString(f.integer("glCode", "code")))
        .description(f.text("glName"))
        .type(glType)
        .parentCode(glCode(f.integer("glParent", "parentCode")))
        .obsolete(f.integer("glInactive", "obsolete") != 0)
        .build();
  }

  static String costCodeId(Row row) {
    return Decode.lengthPrefixed(row.raw("EXCHQCHKcode1")).map(Decode::upper).orElse("");
  }

  /** The cost centre or department name laid over EXCHQCHKcode3 (12 bytes) then CCDesc (19 bytes). */
  static Optional<String> costCodeName(Row row) {
    byte[] first = bytes(row.raw("EXCHQCHKcode3"));
    byte[] rest = bytes(row.raw("CCDesc"));
    byte[] name = new byte[first.length + rest.length];
    System.arraycopy(first, 0, name, 0, first.length);
    System.arraycopy(rest, 0, name, first.length, rest.length);
    return Decode.lengthPrefixed(name);
  }

  private static byte[] bytes(Object raw) {
    if (raw == null) {
      return new byte[0];
    }
    return raw instanceof byte[] b ? b : raw.toString().getBytes(Decode.ANSI);
  }

  static Department department(Row row) {
    Fields f = new Fields(row, "Department", costCodeId(row));
    return Department.builder().code(required(f, costCodeId(row), "code", "EXCHQCHKcode1")).description(costCodeName(row))
        .obsolete(f.integer("HideAC", "obsolete") != 0).build();
  }

  static CostCentre costCentre(Row row) {
    Fields f = new Fields(row, "CostCentre", costCodeId(row));
    return CostCentre.builder().code(required(f, costCodeId(row), "code", "EXCHQCHKcode1")).description(costCodeName(row))
        .obsolete(f.integer("HideAC", "obsolete") != 0).build();
  }

  static String jobId(Row row) {
    return Decode.code(row.raw("JobCode")).orElse("");
  }

  /** A job; {@code ledgers} maps account codes of the page to their ledger ({@code C}/{@code S}). */
  static Job job(Row row, ReadContext context, Map<String, String> ledgers) {
    Fields f = new Fields(row, "Job", jobId(row));
    String type = f.code("JobType").orElse("");
    Optional<JobRecordType> recordType = switch (type) {
      case "K" -> Optional.of(JobRecordType.CONTRACT);
      case "J" -> Optional.of(JobRecordType.JOB);
      case "Z" -> Optional.of(JobRecordType.PHASE);
      case "" -> Optional.empty();
      default -> throw f.bad("recordType", "JobType", "'" + type + "' is not K, J or Z");
    };
    int charge = f.integer("ChargeType", "chargeType");
    Optional<JobChargeType> chargeType = switch (charge) {
      case 1 -> Optional.of(JobChargeType.TIME_AND_MATERIALS);
      case 2 -> Optional.of(JobChargeType.FIXED_PRICE);
      case 3 -> Optional.of(JobChargeType.COST_PLUS);
      case 4 -> Optional.of(JobChargeType.NON_PRODUCTIVE);
      case 0 -> Optional.empty();
      default -> throw f.bad("chargeType", "ChargeType", charge + " is not 1-4");
    };
    int stat = f.integer("JobStat", "status");
    Optional<JobStatus> status = switch (stat) {
      case 1 -> Optional.of(JobStatus.QUOTATION);
      case 2 -> Optional.of(JobStatus.ACTIVE);
      case 3 -> Optional.of(JobStatus.SUSPENDED);
      case 4 -> Optional.of(JobStatus.COMPLETED);
      case 5 -> Optional.of(JobStatus.CLOSED);
      case 0 -> Optional.empty();
      default -> throw f.bad("status", "JobStat", stat + " is not 1-5");
    };
    Optional<String> account = f.code("CustCode");
    String ledger = account.map(code -> ledgers.getOrDefault(code, "")).orElse("");
    BigDecimal quote = f.real("QuotePrice", 2, "quotedPrice");
    Optional<Money> quotedPrice = Optional.empty();
    if (quote.signum() != 0) {
      quotedPrice = Optional.of(Money.of(quote, iso(context, f, f.integer("CurrPrice", "quotedPrice"), "quotedPrice",
          "CurrPrice")));
    }
    List<String> userFields = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      userFields.add(f.text("UserDef" + i).orElse(""));
    }
    return Job.builder()
        .code(f.code("JobCode").orElseThrow(() -> f.bad("code", "JobCode", "is blank")))
        .description(f.text("JobDesc"))
        .parentCode(f.code("JobCat"))
        .altCode(f.text("JobAltCode"))
        .contact(f.text("Contact"))
        .manager(f.text("JobMan"))
        .completed(f.integer("Completed", "completed") != 0)
        .startDate(f.date("StartDate", "startDate"))
        .endDate(f.date("EndDate", "endDate"))
        .revisedEndDate(f.date("RevEDate", "revisedEndDate"))
        .recordType(recordType)
        .jobTypeCode(f.code("JobAnal"))
        .chargeType(chargeType)
        .salesOrderNumber(f.code("SORRef"))
        .quotedPrice(quotedPrice)
        .qsCode(f.text("JQSCode"))
        .status(status)
        .customerCode(ledger.equals("C") ? account : Optional.empty())
        .supplierCode(ledger.equals("S") ? account : Optional.empty())
        .userFields(userFields)
        .build();
  }

  // ---------------------------------------------------------------- helpers

  /** The ISO code of an Exchequer currency number, or an error naming the field and column. */
  static String iso(ReadContext context, Fields f, int number, String field, String column) {
    return context.currencies().iso(number).orElseThrow(() -> f.bad(field, column, "currency " + number
        + describe(context, number) + " has no ISO 4217 code; map it with ExchequerOptions.currencyIsoCode(" + number
        + ", \"...\")"));
  }

  private static String describe(ReadContext context, int number) {
    return context.currencies().entry(number).map(e -> " ('" + e.description() + "', '" + e.symbol() + "')")
        .orElse(" (not in the CURRENCY table)");
  }

  static String baseCurrency(ReadContext context, Fields f) {
    return context.currencies().base().orElseThrow(() -> new InvalidRecordException(f.entity(), f.recordId(), "currency",
        "the company's base currency (Exchequer currency 1) has no ISO 4217 code; map it with "
            + "ExchequerOptions.currencyIsoCode(1, \"GBP\")"));
  }

  /** An amount in currency {@code number} converted to home currency at the company rate. */
  static BigDecimal toHome(ReadContext context, BigDecimal amount, int number) {
    BigDecimal rate = context.currencies().entry(number).map(Currencies.Entry::companyRate).orElse(BigDecimal.ONE);
    return Currencies.toBase(amount, number, rate);
  }

  static BigDecimal percent(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
  }

  static Optional<String> glCode(int code) {
    return code == 0 ? Optional.empty() : Optional.of(Integer.toString(code));
  }

  private static String required(Fields f, String value, String field, String column) {
    if (value.isEmpty()) {
      throw f.bad(field, column, "is blank");
    }
    return value;
  }
}
