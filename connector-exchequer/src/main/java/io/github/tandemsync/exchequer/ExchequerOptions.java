package io.github.tandemsync.exchequer;

import io.github.tandemsync.core.ConfigurationException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the Exchequer connector reads and writes: every setting has a sensible default, so
 * {@code ExchequerOptions.defaults()} works for a standard UK company.
 *
 * @param currencyIsoCodes ISO 4217 codes by Exchequer currency number, overriding what the
 *     connector recognises from the currency's description and symbol ("Sterling", "£" → GBP)
 * @param sellPriceBand the price band (A–H) whose price is a product's sell price (the RRP band)
 * @param costPriceSource where a product's cost price comes from
 * @param clockZone the zone of the Exchequer workstations' clocks, which stamp
 *     {@code acLastUsed}/{@code acTimeStamp} without a zone
 * @param includeSuppliers read purchase-ledger accounts too (role supplier)
 * @param documentTypes the transaction types read and written: {@code SQU SOR SDN SIN SCR}, and
 *     optionally {@code SJI SRI SJC}
 * @param changeOverlap how far behind the newest account or stock change each run re-reads, for
 *     late writes and workstation clock skew
 * @param documentOverlap how many document positions ({@code PositionId}) behind the high-water
 *     mark each run re-reads, for identities that become visible out of order
 * @param fullPassInterval how often documents and balances are re-read in full (besides open
 *     documents and touched accounts on every run)
 * @param masterScanInterval how often small masters (GL, departments, cost centres, warehouses,
 *     jobs), stock levels and prices are re-scanned; zero scans on every run
 * @param queryTimeout the longest one SQL query may run
 * @param notSetWarehouse code of the warehouse the connector always reports as "Not Set"
 * @param totalStockWarehouse code of the single warehouse reported as "Total Stock" when
 *     multi-location stock is off
 * @param contactRoleCode role code given to contacts read from accounts (seed 001: from
 *     integration settings)
 * @param serviceContracts whether the Service Contracts module is in use, so line user fields 3
 *     and 4 are an expiry date and a contract reference
 * @param quoteTarget what a CRM quote becomes in Exchequer
 * @param newAccountDefaults Toolkit properties given to accounts the connector creates when the
 *     CRM record leaves them empty — what a Toolkit configured with {@code DefaultVATCode} and
 *     friends would fill in, e.g. {@code acVATCode=S}, {@code acPayTerms=30} (default: VAT code S)
 */
public record ExchequerOptions(
    Map<Integer, String> currencyIsoCodes,
    String sellPriceBand,
    CostPriceSource costPriceSource,
    ZoneId clockZone,
    boolean includeSuppliers,
    Set<DocumentType> documentTypes,
    Duration changeOverlap,
    int documentOverlap,
    Duration fullPassInterval,
    Duration masterScanInterval,
    Duration queryTimeout,
    String notSetWarehouse,
    String totalStockWarehouse,
    Optional<String> contactRoleCode,
    boolean serviceContracts,
    QuoteTarget quoteTarget,
    Map<String, Object> newAccountDefaults) {

  private static final Pattern ISO = Pattern.compile("[A-Z]{3}");
  private static final Pattern BAND = Pattern.compile("[A-H]");

  /** Where a product's cost price comes from (seed 001: configurable). */
  public enum CostPriceSource {
    /** {@code stCostPrice} in {@code stCostPriceCur}. */
    COST_PRICE,
    /** {@code stReorder.stReorderPrice} in {@code stReorderCur}. */
    REORDER_PRICE
  }

  /** What a CRM quote becomes in Exchequer. */
  public enum QuoteTarget {
    /** A sales quotation (SQU), converted to an order when the quote is accepted. */
    QUOTATION,
    /** A sales order (SOR) straight away. */
    ORDER
  }

  /** Exchequer transaction types the connector knows. */
  public enum DocumentType {
    /** Sales quotation. */
    SQU,
    /** Sales order. */
    SOR,
    /** Sales delivery note. */
    SDN,
    /** Sales invoice. */
    SIN,
    /** Sales credit note. */
    SCR,
    /** Sales journal invoice (read as an invoice). */
    SJI,
    /** Sales receipt with invoice (read as an invoice). */
    SRI,
    /** Sales journal credit (read as a credit note). */
    SJC
  }

  /**
   * Validates the options.
   *
   * @throws ConfigurationException naming the invalid option
   */
  public ExchequerOptions {
    currencyIsoCodes = Map.copyOf(Objects.requireNonNull(currencyIsoCodes, "currencyIsoCodes"));
    currencyIsoCodes.forEach((number, iso) -> {
      if (number < 0 || number > 30) {
        throw new ConfigurationException("currencyIsoCodes: Exchequer currency numbers are 0-30, was " + number);
      }
      if (!ISO.matcher(iso).matches()) {
        throw new ConfigurationException("currencyIsoCodes: '" + iso + "' for currency " + number + " is not an ISO 4217 code");
      }
    });
    Objects.requireNonNull(sellPriceBand, "sellPriceBand");
    if (!BAND.matcher(sellPriceBand).matches()) {
      throw new ConfigurationException("sellPriceBand must be a price band A-H, was '" + sellPriceBand + "'");
    }
    Objects.requireNonNull(costPriceSource, "costPriceSource");
    Objects.requireNonNull(clockZone, "clockZone");
    documentTypes = documentTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(documentTypes));
    Objects.requireNonNull(changeOverlap, "changeOverlap");
    if (changeOverlap.isNegative()) {
      throw new ConfigurationException("changeOverlap must not be negative");
    }
    if (documentOverlap < 0) {
      throw new ConfigurationException("documentOverlap must not be negative");
    }
    if (fullPassInterval.isNegative() || masterScanInterval.isNegative()) {
      throw new ConfigurationException("scan intervals must not be negative");
    }
    if (queryTimeout.isNegative() || queryTimeout.isZero()) {
      throw new ConfigurationException("queryTimeout must be positive");
    }
    if (notSetWarehouse.isBlank() || totalStockWarehouse.isBlank() || notSetWarehouse.equals(totalStockWarehouse)) {
      throw new ConfigurationException("notSetWarehouse and totalStockWarehouse must be distinct, non-blank codes");
    }
    contactRoleCode = contactRoleCode == null ? Optional.empty() : contactRoleCode;
    Objects.requireNonNull(quoteTarget, "quoteTarget");
    newAccountDefaults = Map.copyOf(Objects.requireNonNull(newAccountDefaults, "newAccountDefaults"));
    for (String property : newAccountDefaults.keySet()) {
      if (!property.startsWith("ac")) {
        throw new ConfigurationException("newAccountDefaults names Toolkit account properties (acVATCode, acPayTerms, ...), not '"
            + property + "'");
      }
      Object value = newAccountDefaults.get(property);
      io.github.tandemsync.exchequer.internal.ToolkitAccountValues.problem(property, value).ifPresent(problem -> {
        throw new ConfigurationException("newAccount." + property + " " + problem);
      });
    }
  }

  /**
   * The defaults: band A sells, cost price from {@code stCostPrice}, Europe/London clocks,
   * suppliers on, SQU SOR SDN SIN SCR, 10 minutes change overlap, 50 document positions, a full
   * pass every 6 hours, masters on every run, 60 s query timeout, warehouses {@code NOTSET} and
   * {@code TOTAL}, quotes as SQU.
   *
   * @return the default options
   */
  public static ExchequerOptions defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.currencyIsoCodes.putAll(currencyIsoCodes);
    builder.sellPriceBand = sellPriceBand;
    builder.costPriceSource = costPriceSource;
    builder.clockZone = clockZone;
    builder.includeSuppliers = includeSuppliers;
    builder.documentTypes = documentTypes.isEmpty() ? EnumSet.noneOf(DocumentType.class) : EnumSet.copyOf(documentTypes);
    builder.changeOverlap = changeOverlap;
    builder.documentOverlap = documentOverlap;
    builder.fullPassInterval = fullPassInterval;
    builder.masterScanInterval = masterScanInterval;
    builder.queryTimeout = queryTimeout;
    builder.notSetWarehouse = notSetWarehouse;
    builder.totalStockWarehouse = totalStockWarehouse;
    builder.contactRoleCode = contactRoleCode;
    builder.serviceContracts = serviceContracts;
    builder.quoteTarget = quoteTarget;
    builder.newAccountDefaults.clear();
    builder.newAccountDefaults.putAll(newAccountDefaults);
    return builder;
  }

  /** Builds {@link ExchequerOptions}; see the record components for each setting. */
  public static final class Builder {
    private final Map<Integer, String> currencyIsoCodes = new LinkedHashMap<>();
    private String sellPriceBand = "A";
    private CostPriceSource costPriceSource = CostPriceSource.COST_PRICE;
    private ZoneId clockZone = ZoneId.of("Europe/London");
    private boolean includeSuppliers = true;
    private EnumSet<DocumentType> documentTypes = EnumSet.of(DocumentType.SQU, DocumentType.SOR, DocumentType.SDN,
        DocumentType.SIN, DocumentType.SCR);
    private Duration changeOverlap = Duration.ofMinutes(10);
    private int documentOverlap = 50;
    private Duration fullPassInterval = Duration.ofHours(6);
    private Duration masterScanInterval = Duration.ZERO;
    private Duration queryTimeout = Duration.ofSeconds(60);
    private String notSetWarehouse = "NOTSET";
    private String totalStockWarehouse = "TOTAL";
    private Optional<String> contactRoleCode = Optional.empty();
    private boolean serviceContracts;
    private QuoteTarget quoteTarget = QuoteTarget.QUOTATION;
    private final Map<String, Object> newAccountDefaults = new LinkedHashMap<>(Map.of("acVATCode", "S"));

    private Builder() {}

    /**
     * A Toolkit property given to accounts the connector creates when the CRM record leaves it empty;
     * a blank value removes the default (including the built-in {@code acVATCode=S}).
     *
     * @param property a Toolkit account property, e.g. {@code acVATCode}
     * @param value its default
     * @return this builder
     */
    public Builder newAccountDefault(String property, Object value) {
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(value, "value");
      if (value.toString().isBlank()) {
        this.newAccountDefaults.remove(property); // "no default", e.g. to drop the built-in acVATCode=S
      } else {
        this.newAccountDefaults.put(property, value);
      }
      return this;
    }

    /**
     * Maps an Exchequer currency number to an ISO 4217 code.
     *
     * @param number the currency number, 0-30
     * @param isoCode the ISO code, e.g. {@code GBP}
     * @return this builder
     */
    public Builder currencyIsoCode(int number, String isoCode) {
      currencyIsoCodes.put(number, isoCode);
      return this;
    }

    /**
     * See {@link ExchequerOptions#sellPriceBand()}.
     *
     * @param band A-H
     * @return this builder
     */
    public Builder sellPriceBand(String band) {
      this.sellPriceBand = band;
      return this;
    }

    /**
     * See {@link ExchequerOptions#costPriceSource()}.
     *
     * @param source the source
     * @return this builder
     */
    public Builder costPriceSource(CostPriceSource source) {
      this.costPriceSource = source;
      return this;
    }

    /**
     * See {@link ExchequerOptions#clockZone()}.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder clockZone(ZoneId zone) {
      this.clockZone = zone;
      return this;
    }

    /**
     * See {@link ExchequerOptions#includeSuppliers()}.
     *
     * @param include whether to read suppliers
     * @return this builder
     */
    public Builder includeSuppliers(boolean include) {
      this.includeSuppliers = include;
      return this;
    }

    /**
     * See {@link ExchequerOptions#documentTypes()}.
     *
     * @param types the types
     * @return this builder
     */
    public Builder documentTypes(Set<DocumentType> types) {
      this.documentTypes = types.isEmpty() ? EnumSet.noneOf(DocumentType.class) : EnumSet.copyOf(types);
      return this;
    }

    /**
     * See {@link ExchequerOptions#changeOverlap()}.
     *
     * @param overlap the overlap
     * @return this builder
     */
    public Builder changeOverlap(Duration overlap) {
      this.changeOverlap = overlap;
      return this;
    }

    /**
     * See {@link ExchequerOptions#documentOverlap()}.
     *
     * @param positions the overlap in positions
     * @return this builder
     */
    public Builder documentOverlap(int positions) {
      this.documentOverlap = positions;
      return this;
    }

    /**
     * See {@link ExchequerOptions#fullPassInterval()}.
     *
     * @param interval the interval
     * @return this builder
     */
    public Builder fullPassInterval(Duration interval) {
      this.fullPassInterval = interval;
      return this;
    }

    /**
     * See {@link ExchequerOptions#masterScanInterval()}.
     *
     * @param interval the interval
     * @return this builder
     */
    public Builder masterScanInterval(Duration interval) {
      this.masterScanInterval = interval;
      return this;
    }

    /**
     * See {@link ExchequerOptions#queryTimeout()}.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder queryTimeout(Duration timeout) {
      this.queryTimeout = timeout;
      return this;
    }

    /**
     * See {@link ExchequerOptions#notSetWarehouse()}.
     *
     * @param code the code
     * @return this builder
     */
    public Builder notSetWarehouse(String code) {
      this.notSetWarehouse = code;
      return this;
    }

    /**
     * See {@link ExchequerOptions#totalStockWarehouse()}.
     *
     * @param code the code
     * @return this builder
     */
    public Builder totalStockWarehouse(String code) {
      this.totalStockWarehouse = code;
      return this;
    }

    /**
     * See {@link ExchequerOptions#contactRoleCode()}.
     *
     * @param roleCode the role code
     * @return this builder
     */
    public Builder contactRoleCode(String roleCode) {
      this.contactRoleCode = Optional.of(roleCode);
      return this;
    }

    /**
     * See {@link ExchequerOptions#serviceContracts()}.
     *
     * @param enabled whether Service Contracts is in use
     * @return this builder
     */
    public Builder serviceContracts(boolean enabled) {
      this.serviceContracts = enabled;
      return this;
    }

    /**
     * See {@link ExchequerOptions#quoteTarget()}.
     *
     * @param target the target
     * @return this builder
     */
    public Builder quoteTarget(QuoteTarget target) {
      this.quoteTarget = target;
      return this;
    }

    /**
     * The options.
     *
     * @return validated options
     * @throws ConfigurationException naming an invalid option
     */
    public ExchequerOptions build() {
      return new ExchequerOptions(currencyIsoCodes, sellPriceBand, costPriceSource, clockZone, includeSuppliers,
          documentTypes, changeOverlap, documentOverlap, fullPassInterval, masterScanInterval, queryTimeout,
          notSetWarehouse, totalStockWarehouse, contactRoleCode, serviceContracts, quoteTarget, newAccountDefaults);
    }
  }
}
