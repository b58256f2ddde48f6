package io.github.tandemsync.exchequer;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.ConnectorProvider;
import io.github.tandemsync.exchequer.gateway.ImporterCsvGateway;
import io.github.tandemsync.exchequer.gateway.ToolkitBridgeGateway;
import io.github.tandemsync.exchequer.internal.JdbcUrlDataSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Builds an {@link ExchequerConnector} from plain settings (type {@code exchequer}); registered
 * for opt-in {@link java.util.ServiceLoader} discovery. Settings (unknown keys are refused):
 *
 * <ul>
 *   <li>{@code jdbcUrl} (required), {@code user}, {@code password}: the read-only login;</li>
 *   <li>{@code company} (required): the company code / schema;</li>
 *   <li>{@code gateway}: {@code none} (default, read-only), {@code bridge} (with {@code bridgeUrl},
 *       {@code bridgeApiKey}) or {@code importer} (with {@code dropFolder});</li>
 *   <li>options: {@code sellPriceBand}, {@code costPriceSource} ({@code COST_PRICE},
 *       {@code REORDER_PRICE}), {@code clockZone}, {@code includeSuppliers}, {@code documentTypes}
 *       (comma list), {@code changeOverlap}, {@code fullPassInterval}, {@code masterScanInterval},
 *       {@code queryTimeout} (ISO-8601 durations such as {@code PT10M}), {@code documentOverlap},
 *       {@code notSetWarehouse}, {@code totalStockWarehouse}, {@code contactRoleCode},
 *       {@code serviceContracts}, {@code quoteTarget} ({@code QUOTATION}, {@code ORDER}),
 *       {@code currency.N} (ISO code of Exchequer currency N), {@code newAccount.<acProperty>}
 *       (defaults for accounts the connector creates, e.g. {@code newAccount.acVATCode=S}).</li>
 * </ul>
 */
public final class ExchequerConnectorProvider implements ConnectorProvider {
  private static final Set<String> KEYS = Set.of("jdbcUrl", "user", "password", "company", "gateway", "bridgeUrl",
      "bridgeApiKey", "dropFolder", "sellPriceBand", "costPriceSource", "clockZone", "includeSuppliers", "documentTypes",
      "changeOverlap", "documentOverlap", "fullPassInterval", "masterScanInterval", "queryTimeout", "notSetWarehouse",
      "totalStockWarehouse", "contactRoleCode", "serviceContracts", "quoteTarget");

  /** For {@link java.util.ServiceLoader}. */
  public ExchequerConnectorProvider() {}

  @Override
  public String type() {
    return "exchequer";
  }

  @Override
  public Connector create(String name, Map<String, String> settings) {
    return builder(name, settings).build();
  }

  /**
   * A builder configured from plain settings, for callers that add to it before building (e.g. an
   * integration registering its own mapping customizers).
   *
   * @throws ConfigurationException naming the bad or missing key
   */
  public static ExchequerConnector.Builder builder(String name, Map<String, String> settings) {
    for (String key : settings.keySet()) {
      if (!KEYS.contains(key) && !key.matches("currency\\.[0-9]{1,2}") && !key.matches("newAccount\\.ac[A-Za-z0-9]+")) {
        throw new ConfigurationException("unknown Exchequer connector setting '" + key + "'");
      }
    }
    String company = required(settings, "company");
    DataSource dataSource = new JdbcUrlDataSource(required(settings, "jdbcUrl"), settings.get("user"), settings.get("password"));
    ExchequerConnector.Builder builder = ExchequerConnector.builder().name(name).dataSource(dataSource).company(company)
        .options(options(settings));
    String gateway = settings.getOrDefault("gateway", "none").strip().toLowerCase(Locale.ROOT);
    switch (gateway) {
      case "none" -> { }
      case "bridge" -> builder.gateway(ToolkitBridgeGateway.builder()
          .baseUrl(parse(settings, "bridgeUrl", URI::create))
          .apiKey(required(settings, "bridgeApiKey"))
          .company(company)
          .build());
      case "importer" -> builder.gateway(ImporterCsvGateway.builder()
          .dropFolder(parse(settings, "dropFolder", Path::of))
          .readBack(dataSource, company)
          .build());
      default -> throw new ConfigurationException("setting 'gateway' must be none, bridge or importer, was '" + gateway + "'");
    }
    return builder;
  }

  private static ExchequerOptions options(Map<String, String> settings) {
    ExchequerOptions.Builder options = ExchequerOptions.builder();
    settings.forEach((key, value) -> {
      if (key.startsWith("currency.")) {
        options.currencyIsoCode(Integer.parseInt(key.substring("currency.".length())), value.strip().toUpperCase(Locale.ROOT));
      } else if (key.startsWith("newAccount.")) {
        // typed per Toolkit property when written (acPayTerms=30 is a number, acDepartment=007 text)
        options.newAccountDefault(key.substring("newAccount.".length()), value.strip());
      }
    });
    set(settings, "sellPriceBand", v -> options.sellPriceBand(v.strip().toUpperCase(Locale.ROOT)));
    set(settings, "costPriceSource", v -> options.costPriceSource(enumValue(ExchequerOptions.CostPriceSource.class,
        "costPriceSource", v)));
    set(settings, "clockZone", v -> options.clockZone(ZoneId.of(v.strip())));
    set(settings, "includeSuppliers", v -> options.includeSuppliers(bool("includeSuppliers", v)));
    set(settings, "documentTypes", v -> {
      Set<ExchequerOptions.DocumentType> types = EnumSet.noneOf(ExchequerOptions.DocumentType.class);
      for (String type : v.split(",")) {
        if (!type.isBlank()) {
          types.add(enumValue(ExchequerOptions.DocumentType.class, "documentTypes", type));
        }
      }
      return options.documentTypes(types);
    });
    set(settings, "changeOverlap", v -> options.changeOverlap(duration("changeOverlap", v)));
    set(settings, "documentOverlap", v -> options.documentOverlap(integer("documentOverlap", v)));
    set(settings, "fullPassInterval", v -> options.fullPassInterval(duration("fullPassInterval", v)));
    set(settings, "masterScanInterval", v -> options.masterScanInterval(duration("masterScanInterval", v)));
    set(settings, "queryTimeout", v -> options.queryTimeout(duration("queryTimeout", v)));
    set(settings, "notSetWarehouse", v -> options.notSetWarehouse(v.strip()));
    set(settings, "totalStockWarehouse", v -> options.totalStockWarehouse(v.strip()));
    set(settings, "contactRoleCode", v -> options.contactRoleCode(v.strip()));
    set(settings, "serviceContracts", v -> options.serviceContracts(bool("serviceContracts", v)));
    set(settings, "quoteTarget", v -> options.quoteTarget(enumValue(ExchequerOptions.QuoteTarget.class, "quoteTarget", v)));
    return options.build();
  }

  private static void set(Map<String, String> settings, String key, Function<String, ExchequerOptions.Builder> apply) {
    String value = settings.get(key);
    if (value == null) {
      return;
    }
    try {
      apply.apply(value);
    } catch (ConfigurationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ConfigurationException("setting '" + key + "' has an invalid value: " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> settings, String key) {
    String value = settings.get(key);
    if (value == null || value.isBlank()) {
      throw new ConfigurationException("the Exchequer connector needs setting '" + key + "'");
    }
    return value.strip();
  }

  private static <T> T parse(Map<String, String> settings, String key, Function<String, T> parser) {
    String value = required(settings, key);
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      throw new ConfigurationException("setting '" + key + "' is not valid: " + e.getMessage(), e);
    }
  }

  private static Duration duration(String key, String value) {
    try {
      return Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new ConfigurationException("setting '" + key + "' must be an ISO-8601 duration such as PT10M, was '" + value + "'");
    }
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ConfigurationException("setting '" + key + "' must be a whole number, was '" + value + "'");
    }
  }

  private static boolean bool(String key, String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new ConfigurationException("setting '" + key + "' must be true or false, was '" + value + "'");
    }
    return Boolean.parseBoolean(text);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String key, String value) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("setting '" + key + "' must be one of " + EnumSet.allOf(type) + ", was '" + value + "'");
    }
  }
}
