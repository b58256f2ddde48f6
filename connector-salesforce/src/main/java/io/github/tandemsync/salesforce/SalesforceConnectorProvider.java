package io.github.tandemsync.salesforce;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.ConnectorProvider;
import io.github.tandemsync.salesforce.internal.FileRefreshTokenStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link SalesforceConnector} from plain settings (type {@code salesforce}); registered for
 * opt-in {@link java.util.ServiceLoader} discovery. Keys (the {@code salesforce.} prefix is
 * optional):
 *
 * <ul>
 *   <li>{@code salesforce.loginUrl}, {@code salesforce.apiVersion};</li>
 *   <li>{@code salesforce.auth} = {@code jwt} | {@code client-credentials} | {@code refresh-token} |
 *       {@code password}, with {@code salesforce.clientId} and, per flow, {@code salesforce.username}
 *       and {@code salesforce.privateKeyFile} (PKCS#8 PEM) for jwt, {@code salesforce.clientSecret}
 *       for client-credentials, {@code salesforce.refreshTokenFile} (rewritten atomically on
 *       rotation; optional {@code salesforce.clientSecret}) for refresh-token,
 *       {@code salesforce.username}, {@code salesforce.password} and {@code salesforce.clientSecret}
 *       for the legacy password flow;</li>
 *   <li>{@code salesforce.budget.reserve}, {@code salesforce.budget.dailyCalls};</li>
 *   <li>{@code salesforce.entities} (comma-separated entity type names),
 *       {@code salesforce.includeSuppliers}, {@code salesforce.defaultCurrency},
 *       {@code salesforce.standardPriceBook}, {@code salesforce.bulkThreshold}, {@code salesforce.bulkReadThreshold},
 *       {@code salesforce.queryBatchSize}, {@code salesforce.changeSafetyLag},
 *       {@code salesforce.changeOverlap} (ISO-8601 durations such as {@code PT30S}).</li>
 * </ul>
 *
 * <p>Every failure is a {@link ConfigurationException} naming the key.
 */
public final class SalesforceConnectorProvider implements ConnectorProvider {
  private static final Set<String> KEYS = Set.of("loginUrl", "apiVersion", "auth", "clientId", "clientSecret", "username", "password",
      "privateKeyFile", "refreshTokenFile", "budget.reserve", "budget.dailyCalls", "entities", "includeSuppliers", "defaultCurrency",
      "standardPriceBook", "bulkThreshold", "bulkReadThreshold", "queryBatchSize", "changeSafetyLag", "changeOverlap");

  /** Creates the provider (for ServiceLoader). */
  public SalesforceConnectorProvider() {}

  @Override
  public String type() {
    return "salesforce";
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
  public static SalesforceConnector.Builder builder(String name, Map<String, String> settings) {
    Settings s = new Settings(settings);
    SalesforceConnector.Builder b = SalesforceConnector.builder().name(name);
    s.get("loginUrl").ifPresent(v -> b.loginUrl(s.uri("loginUrl", v)));
    s.get("apiVersion").ifPresent(b::apiVersion);
    b.auth(auth(s));
    long reserve = s.get("budget.reserve").map(v -> s.number("budget.reserve", v)).orElse(ApiBudget.defaults().reserve());
    long daily = s.get("budget.dailyCalls").map(v -> s.number("budget.dailyCalls", v)).orElse(0L);
    b.budget(ApiBudget.withReserve(reserve).withDailyCalls(daily));
    s.get("entities").ifPresent(v -> {
      List<EntityType<?>> types = new ArrayList<>();
      for (String n : v.split(",")) {
        if (!n.isBlank()) {
          types.add(EntityTypes.byName(n.strip()).orElseThrow(() -> new ConfigurationException(
              "salesforce.entities: unknown entity type '" + n.strip() + "'")));
        }
      }
      b.entities(types.toArray(EntityType<?>[]::new));
    });
    s.get("includeSuppliers").ifPresent(v -> b.includeSuppliers(s.bool("includeSuppliers", v)));
    s.get("defaultCurrency").ifPresent(b::defaultCurrency);
    s.get("standardPriceBook").ifPresent(b::standardPriceBook);
    s.get("bulkThreshold").ifPresent(v -> b.bulkThreshold((int) s.number("bulkThreshold", v)));
    s.get("bulkReadThreshold").ifPresent(v -> b.bulkReadThreshold(s.number("bulkReadThreshold", v)));
    s.get("queryBatchSize").ifPresent(v -> b.queryBatchSize((int) s.number("queryBatchSize", v)));
    s.get("changeSafetyLag").ifPresent(v -> b.changeSafetyLag(s.duration("changeSafetyLag", v)));
    s.get("changeOverlap").ifPresent(v -> b.changeOverlap(s.duration("changeOverlap", v)));
    return b;
  }

  private static SalesforceAuth auth(Settings s) {
    String flow = s.required("auth");
    String clientId = s.required("clientId");
    switch (flow) {
      case "jwt":
        Path keyFile = Path.of(s.required("privateKeyFile"));
        String pem;
        try {
          pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
          throw new ConfigurationException("salesforce.privateKeyFile: cannot read " + keyFile);
        }
        try {
          return SalesforceAuth.jwtBearer(clientId, s.required("username"), SalesforceAuth.privateKeyFromPem(pem));
        } catch (ConfigurationException e) {
          throw new ConfigurationException("salesforce.privateKeyFile: " + e.getMessage());
        }
      case "client-credentials":
        return SalesforceAuth.clientCredentials(clientId, s.required("clientSecret"));
      case "refresh-token":
        return SalesforceAuth.refreshToken(clientId, s.get("clientSecret"),
            new FileRefreshTokenStore(Path.of(s.required("refreshTokenFile"))));
      case "password":
        return SalesforceAuth.legacyUsernamePassword(clientId, s.required("clientSecret"), s.required("username"), s.required("password"));
      default:
        throw new ConfigurationException("salesforce.auth must be jwt, client-credentials, refresh-token or password, was '" + flow + "'");
    }
  }

  /** Settings with or without the {@code salesforce.} prefix; unknown keys are rejected. */
  private static final class Settings {
    private final Map<String, String> values = new java.util.HashMap<>();

    Settings(Map<String, String> raw) {
      raw.forEach((k, v) -> {
        String key = k.startsWith("salesforce.") ? k.substring("salesforce.".length()) : k;
        if (!KEYS.contains(key)) {
          throw new ConfigurationException("unknown Salesforce setting '" + k + "'");
        }
        values.put(key, v == null ? "" : v.strip());
      });
    }

    Optional<String> get(String key) {
      return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    String required(String key) {
      return get(key).orElseThrow(() -> new ConfigurationException("salesforce." + key + " is required"));
    }

    URI uri(String key, String v) {
      try {
        return URI.create(v);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException("salesforce." + key + " is not a URL: '" + v + "'");
      }
    }

    long number(String key, String v) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new ConfigurationException("salesforce." + key + " must be a whole number, was '" + v + "'");
      }
    }

    boolean bool(String key, String v) {
      if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(v);
      }
      throw new ConfigurationException("salesforce." + key + " must be true or false, was '" + v + "'");
    }

    Duration duration(String key, String v) {
      try {
        return Duration.parse(v);
      } catch (DateTimeParseException e) {
        throw new ConfigurationException("salesforce." + key + " must be an ISO-8601 duration such as PT30S, was '" + v + "'");
      }
    }
  }
}
