package io.github.tandemsync.core.spi;

import java.util.Map;

/**
 * Builds a connector from plain configuration: how configuration files and opt-in
 * {@link java.util.ServiceLoader} discovery create connectors. Explicit registration of a built
 * {@link Connector} stays the primary path.
 */
public interface ConnectorProvider {

  /** The connector kind this provider builds, e.g. {@code "salesforce"}. */
  String type();

  /**
   * Builds a connector named {@code name} from {@code settings}. Throws
   * {@link io.github.tandemsync.core.ConfigurationException} naming the bad or missing key.
   */
  Connector create(String name, Map<String, String> settings);
}
