package io.github.tandemsync.core.spi;

/**
 * A partner's hook into a connector's mapping, to carry a bespoke field or override a default
 * without subclassing connector internals. Registered explicitly on the connector's builder, per
 * entity type; several customizers run in registration order.
 *
 * <p>Typical use: copy a custom Salesforce field into the canonical record's extensions on read,
 * and back on write.
 *
 * @param <T> the canonical record type
 */
public interface MappingCustomizer<T> {

  /**
   * Adjusts the canonical value the connector mapped from {@code source}. Return the value to use
   * (for example {@code mapped.toBuilder().extension("Region__c", ...).build()}).
   */
  default T afterRead(NativeRecord source, T mapped) {
    return mapped;
  }

  /**
   * Adjusts the native record the connector is about to write for {@code value}: put extra fields,
   * rename or drop defaults.
   */
  default void beforeWrite(T value, NativeRecord target) {}

  /**
   * The canonical field paths this customizer fills or uses beyond the connector's defaults, e.g.
   * {@code "extensions.Region__c"}; connectors add them to their readers' and writers'
   * {@link FieldSet}s so the engine syncs them.
   */
  default java.util.Set<String> fields() {
    return java.util.Set.of();
  }
}
