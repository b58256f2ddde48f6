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

  /**
   * The canonical field paths this customizer stores on write; by default the same as
   * {@link #fields()}. Return fewer for a field that is only read (say a lookup copied into an
   * extension for the partner's own logic), so the engine does not count the writer as storing it
   * and never tries to "restore" it on the other side.
   */
  default java.util.Set<String> writeFields() {
    return fields();
  }
}
