package io.github.tandemsync.core.spi;

import io.github.tandemsync.core.EntityType;
import java.util.Optional;
import java.util.Set;

/**
 * A system taking part in a sync: a CRM, an ERP, a database, a test fake.
 *
 * <p>Lifecycle: built by the partner (usually with the connector's own builder), registered on the
 * engine, {@linkplain #start started} once before the first read or write (validate configuration
 * and fail fast here), {@linkplain #close closed} when the engine stops.
 *
 * <p>Implementations are thread-safe: the engine may run flows of different entity types at once.
 */
public interface Connector extends AutoCloseable {

  /** This instance's name, unique within one engine, e.g. {@code "salesforce"}. */
  String name();

  /** The connector implementation's version, reported in health output and logs. */
  default String version() {
    Package pkg = getClass().getPackage();
    String version = pkg == null ? null : pkg.getImplementationVersion();
    return version == null ? "unknown" : version;
  }

  /** The entity types it reads and writes. */
  Set<Capability> capabilities();

  /**
   * Prepares for work: authenticate, check that mapped fields exist, open pools. Throws
   * {@link io.github.tandemsync.core.ConfigurationException} naming the problem when the
   * configuration cannot work.
   */
  default void start(ConnectorContext context) {}

  /** Checks that the system is reachable, without changing anything. */
  Health health();

  /** The reader for {@code type}, if this connector can read it. */
  <T> Optional<ChangeReader<T>> reader(EntityType<T> type);

  /** The writer for {@code type}, if this connector can write it. */
  <T> Optional<RecordWriter<T>> writer(EntityType<T> type);

  /** Releases resources; the connector is not used afterwards. */
  @Override
  default void close() {}

  /** Whether this connector declares {@code access} to {@code type}. */
  default boolean can(EntityType<?> type, Capability.Access access) {
    return capabilities().contains(new Capability(type, access));
  }
}
