package io.github.tandemsync.integration;

import io.github.tandemsync.core.ConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the integration syncs and how: the direction of every capability, suppliers on or off,
 * ownership overrides, schedule and batch size. Immutable; build with {@link #builder()} or read a
 * properties file with {@link #fromProperties(Properties)}.
 *
 * <pre>{@code
 * IntegrationSettings settings = IntegrationSettings.builder()
 *     .direction(SyncCapability.JOBS, FlowDirection.OFF)
 *     .suppliers(true)
 *     .owner(SyncCapability.ACCOUNTS, "phone", ExchequerSalesforceIntegration.EXCHEQUER)
 *     .runEvery(Duration.ofMinutes(10))
 *     .build();
 * }</pre>
 *
 * @param directions the direction of every capability
 * @param suppliers whether purchase-ledger accounts (suppliers) go to Salesforce
 * @param ownershipOverrides per capability, field path to owning connector, replacing the
 *     {@link DefaultOwnership} of that field
 * @param runEvery how often {@link ExchequerSalesforceIntegration#start()} runs a cycle
 * @param batchSize records per read page and per write batch (Salesforce takes 200 per call; from
 *     2,000 creates of plain records, its writer uses Bulk API 2.0 instead)
 * @param reconcileEvery how often linked Exchequer records are checked for deletes (Exchequer has no
 *     delete log)
 * @param originTag the name this installation writes under (Salesforce {@code Sforce-Call-Options})
 * @param priceCurrencies the currencies of the prices sent to Salesforce; empty for all. A
 *     single-currency org holds price-book entries in its own currency only, so set it to that
 *     currency there; a multi-currency org takes every currency it has enabled
 */
public record IntegrationSettings(
    Map<SyncCapability, FlowDirection> directions,
    boolean suppliers,
    Map<SyncCapability, Map<String, String>> ownershipOverrides,
    Duration runEvery,
    int batchSize,
    Duration reconcileEvery,
    String originTag,
    Set<String> priceCurrencies) {

  /**
   * Why {@code path} cannot carry a policy of the capability's record, if it cannot: each segment
   * must be a component of the record it walks into (through {@code Optional}); a list is synced as
   * one value, so nothing inside it can have a policy of its own; extensions take any key.
   */
  private static java.util.Optional<String> pathProblem(SyncCapability capability, String path) {
    if (path.startsWith("extensions.")) {
      return path.length() > "extensions.".length() ? java.util.Optional.empty() : java.util.Optional.of("names no extension key");
    }
    if (path.contains("[")) {
      return java.util.Optional.of("a list is synced as one value; name the list itself (e.g. lines)");
    }
    Class<?> type = capability.entityType().javaType();
    String[] segments = path.split("\\.");
    for (int i = 0; i < segments.length; i++) {
      java.lang.reflect.RecordComponent component = null;
      for (java.lang.reflect.RecordComponent c : type.isRecord() ? type.getRecordComponents() : new java.lang.reflect.RecordComponent[0]) {
        if (c.getName().equals(segments[i])) {
          component = c;
        }
      }
      if (component == null || segments[i].equals("extensions")) {
        return java.util.Optional.of(type.getSimpleName() + " has no field '" + segments[i] + "' (fields: " + fieldNames(type)
            + (i == 0 ? ", extensions.<key>" : "") + ")");
      }
      Class<?> next = valueType(component);
      // the engine walks into a record only when all its fields are optional (an Address); a Money
      // (amount and currency) or a list is compared, and owned, as one value
      if (i < segments.length - 1 && (java.util.Collection.class.isAssignableFrom(next) || !walkable(next))) {
        return java.util.Optional.of("'" + segments[i] + "' is synced as one value; name it without '" + segments[i + 1] + "'");
      }
      type = next;
    }
    return java.util.Optional.empty();
  }

  private static boolean walkable(Class<?> type) {
    if (!type.isRecord() || type.getRecordComponents().length == 0) {
      return false;
    }
    for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
      Class<?> t = c.getType();
      if (t != java.util.Optional.class && !java.util.Collection.class.isAssignableFrom(t) && !java.util.Map.class.isAssignableFrom(t)) {
        return false;
      }
    }
    return true;
  }

  /** A component's type, looking through {@code Optional}. */
  private static Class<?> valueType(java.lang.reflect.RecordComponent component) {
    if (component.getType() == java.util.Optional.class
        && component.getGenericType() instanceof java.lang.reflect.ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> inner) {
      return inner;
    }
    return component.getType();
  }

  private static java.util.List<String> fieldNames(Class<?> type) {
    return java.util.Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
        .filter(n -> !n.equals("extensions")).toList();
  }

  private static final Pattern OWNERSHIP = Pattern.compile("ownership\\.([A-Za-z]+)\\.(.+)");
  private static final Set<String> CONNECTORS = Set.of(ExchequerSalesforceIntegration.EXCHEQUER, ExchequerSalesforceIntegration.SALESFORCE);

  public IntegrationSettings {
    EnumMap<SyncCapability, FlowDirection> all = new EnumMap<>(SyncCapability.class);
    for (SyncCapability c : SyncCapability.values()) {
      FlowDirection d = directions.getOrDefault(c, c.defaultDirection());
      if (!c.allowedDirections().contains(d)) {
        throw new ConfigurationException("flows." + c.flowName() + " cannot be " + d.configValue() + " (allowed: "
            + c.allowedDirections().stream().map(FlowDirection::configValue).toList() + ")");
      }
      all.put(c, d);
    }
    directions = Collections.unmodifiableMap(all);
    Map<SyncCapability, Map<String, String>> owners = new EnumMap<>(SyncCapability.class);
    ownershipOverrides.forEach((c, fields) -> {
      fields.forEach((field, owner) -> {
        if (!CONNECTORS.contains(owner)) {
          throw new ConfigurationException("ownership." + c.flowName() + "." + field + " must be exchequer or salesforce, was '" + owner + "'");
        }
        pathProblem(c, field).ifPresent(problem -> {
          throw new ConfigurationException("ownership." + c.flowName() + "." + field + ": " + problem);
        });
      });
      owners.put(c, Map.copyOf(fields));
    });
    ownershipOverrides = Collections.unmodifiableMap(owners);
    Objects.requireNonNull(runEvery, "runEvery");
    if (runEvery.isNegative() || runEvery.isZero()) {
      throw new ConfigurationException("tandem.runEvery must be positive, was " + runEvery);
    }
    if (batchSize < 1 || batchSize > 10_000) {
      throw new ConfigurationException("tandem.batchSize must be 1..10000, was " + batchSize);
    }
    if (reconcileEvery.isNegative() || reconcileEvery.isZero()) {
      throw new ConfigurationException("tandem.reconcileEvery must be positive, was " + reconcileEvery);
    }
    if (!originTag.matches("[A-Za-z0-9_.-]{1,40}")) {
      throw new ConfigurationException("tandem.originTag must be 1-40 letters, digits, '.', '_' or '-', was '" + originTag + "'");
    }
    for (String c : priceCurrencies) {
      if (!c.matches("[A-Z]{3}")) {
        throw new ConfigurationException("prices.currencies must list ISO 4217 codes like GBP, found '" + c + "'");
      }
    }
    priceCurrencies = Set.copyOf(priceCurrencies);
  }

  /** Every capability in its default direction, suppliers off, a cycle every 5 minutes. */
  public static IntegrationSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The direction of {@code capability}. */
  public FlowDirection direction(SyncCapability capability) {
    return directions.get(capability);
  }

  /** Whether {@code capability} syncs at all. */
  public boolean enabled(SyncCapability capability) {
    return direction(capability) != FlowDirection.OFF;
  }

  /**
   * Reads the integration's keys from {@code properties} (others — {@code exchequer.*},
   * {@code salesforce.*}, {@code stateStore*} — are left to their owners):
   * <ul>
   *   <li>{@code flows.<flow>} = {@code off | erp-to-crm | crm-to-erp | both}, e.g. {@code flows.jobs=off};</li>
   *   <li>{@code accounts.suppliers} = {@code true | false};</li>
   *   <li>{@code prices.currencies} = comma-separated ISO codes, e.g. {@code GBP};</li>
   *   <li>{@code ownership.<flow>.<field>} = {@code exchequer | salesforce};</li>
   *   <li>{@code tandem.runEvery}, {@code tandem.reconcileEvery} (ISO-8601, e.g. {@code PT5M}),
   *       {@code tandem.batchSize}, {@code tandem.originTag}.</li>
   * </ul>
   *
   * @throws ConfigurationException naming the bad key
   */
  public static IntegrationSettings fromProperties(Properties properties) {
    Builder b = builder();
    Map<String, String> sorted = new TreeMap<>();
    properties.stringPropertyNames().forEach(k -> sorted.put(k, properties.getProperty(k)));
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      String key = e.getKey();
      String value = e.getValue().strip();
      if (key.startsWith("exchequer.") || key.startsWith("salesforce.") || key.equals("stateStore") || key.startsWith("stateStore.")) {
        continue;
      }
      if (key.startsWith("flows.")) {
        String flow = key.substring("flows.".length());
        SyncCapability c = SyncCapability.byFlowName(flow).orElseThrow(() -> new ConfigurationException("unknown capability in key '" + key
            + "' (capabilities: " + java.util.Arrays.stream(SyncCapability.values()).map(SyncCapability::flowName).toList() + ")"));
        b.direction(c, FlowDirection.parse(key, value));
      } else if (key.equals("accounts.suppliers")) {
        b.suppliers(bool(key, value));
      } else if (key.equals("prices.currencies")) {
        Set<String> currencies = new java.util.LinkedHashSet<>();
        for (String c : value.split(",")) {
          if (!c.isBlank()) {
            currencies.add(c.strip().toUpperCase(Locale.ROOT));
          }
        }
        b.priceCurrencies(currencies);
      } else if (key.startsWith("ownership.")) {
        Matcher m = OWNERSHIP.matcher(key);
        if (!m.matches()) {
          throw new ConfigurationException("key '" + key + "' must look like ownership.<flow>.<field>");
        }
        SyncCapability c = SyncCapability.byFlowName(m.group(1))
            .orElseThrow(() -> new ConfigurationException("unknown capability in key '" + key + "'"));
        b.owner(c, m.group(2), value.toLowerCase(Locale.ROOT));
      } else if (key.equals("tandem.runEvery")) {
        b.runEvery(duration(key, value));
      } else if (key.equals("tandem.reconcileEvery")) {
        b.reconcileEvery(duration(key, value));
      } else if (key.equals("tandem.batchSize")) {
        try {
          b.batchSize(Integer.parseInt(value));
        } catch (NumberFormatException ex) {
          throw new ConfigurationException(key + " must be a whole number, was '" + value + "'");
        }
      } else if (key.equals("tandem.originTag")) {
        b.originTag(value);
      } else if (key.equals("tandem.nodeId")) {
        // the node's name in leases: read by ExchequerSalesforceIntegration.fromProperties
        if (value.isBlank()) {
          throw new ConfigurationException("tandem.nodeId must not be blank");
        }
      } else {
        throw new ConfigurationException("unknown configuration key '" + key + "'");
      }
    }
    return b.build();
  }

  private static boolean bool(String key, String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new ConfigurationException(key + " must be true or false, was '" + value + "'");
  }

  private static Duration duration(String key, String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new ConfigurationException(key + " must be an ISO-8601 duration such as PT5M, was '" + value + "'");
    }
  }

  /** Builds {@link IntegrationSettings}. */
  public static final class Builder {
    private final Map<SyncCapability, FlowDirection> directions = new EnumMap<>(SyncCapability.class);
    private boolean suppliers;
    private final Map<SyncCapability, Map<String, String>> owners = new EnumMap<>(SyncCapability.class);
    private Duration runEvery = Duration.ofMinutes(5);
    private int batchSize = 200;
    private Duration reconcileEvery = Duration.ofHours(6);
    private String originTag = "tandem";
    private Set<String> priceCurrencies = Set.of();

    private Builder() {}

    /** The currencies of prices sent to Salesforce (default: all); see {@link IntegrationSettings#priceCurrencies()}. */
    public Builder priceCurrencies(Set<String> currencies) {
      this.priceCurrencies = Set.copyOf(currencies);
      return this;
    }

    /** Sets the direction of one capability (see {@link SyncCapability#allowedDirections()}). */
    public Builder direction(SyncCapability capability, FlowDirection direction) {
      directions.put(Objects.requireNonNull(capability, "capability"), Objects.requireNonNull(direction, "direction"));
      return this;
    }

    /** Switches a capability off. */
    public Builder off(SyncCapability capability) {
      return direction(capability, FlowDirection.OFF);
    }

    /** Whether suppliers (purchase ledger) go to Salesforce too (default false). */
    public Builder suppliers(boolean include) {
      this.suppliers = include;
      return this;
    }

    /** Makes {@code connector} ({@code exchequer} or {@code salesforce}) the owner of a field. */
    public Builder owner(SyncCapability capability, String fieldPath, String connector) {
      owners.computeIfAbsent(capability, c -> new LinkedHashMap<>()).put(fieldPath, connector);
      return this;
    }

    public Builder runEvery(Duration value) {
      this.runEvery = value;
      return this;
    }

    public Builder batchSize(int value) {
      this.batchSize = value;
      return this;
    }

    public Builder reconcileEvery(Duration value) {
      this.reconcileEvery = value;
      return this;
    }

    public Builder originTag(String value) {
      this.originTag = value;
      return this;
    }

    public IntegrationSettings build() {
      return new IntegrationSettings(directions, suppliers, owners, runEvery, batchSize, reconcileEvery, originTag, priceCurrencies);
    }
  }
}
