package io.github.tandemsync.core.spi;

import java.util.Collection;
import java.util.List;

/**
 * Reads changes of one entity type from one system.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #read} returns changes after {@code after} in a stable order; no change is skipped
 *       between consecutive pages, even when many share one timestamp;</li>
 *   <li>a reader may return a change again (an overlap window to catch late commits); the engine
 *       recognises repeats, so readers prefer resending over skipping;</li>
 *   <li>a record that cannot be mapped is returned as {@link Change#invalid}, never by throwing;</li>
 *   <li>{@link io.github.tandemsync.core.RetryableException} for transient failures of the whole
 *       read (network, timeouts), {@link io.github.tandemsync.core.PermanentException} for
 *       configuration faults.</li>
 * </ul>
 *
 * @param <T> the canonical record type
 */
public interface ChangeReader<T> {

  /**
   * Reads at most {@code limit} changes after {@code after}.
   *
   * @param after the position reached so far; {@link Watermark#initial()} for a full read
   * @param limit the most changes the caller wants in this page (a hint; readers may return fewer)
   * @throws ChangeHistoryLostException when the source no longer holds
   *     the history after {@code after}; the engine then reconciles key sets
   */
  ChangePage<T> read(Watermark after, int limit);

  /**
   * Fetches the current state of the given records: used to retry quarantined records and to
   * re-read records a change stream reported without data. Ids that no longer exist come back as
   * {@link Change#delete} changes. The returned positions are meaningless and must not be stored.
   */
  default List<Change<T>> fetch(Collection<String> nativeIds) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot fetch records by id");
  }

  /**
   * Finds records whose canonical field {@code keyField} equals one of {@code keyValues}, to link
   * a record to an existing one on this side before ever creating a duplicate. Comparison follows
   * the system's own rules for that key (for example case-insensitive account codes). Readers that
   * do not support a key return an empty list.
   *
   * @param keyField a canonical field path, e.g. {@code "code"} or {@code "email"}
   */
  default List<Change<T>> findByKey(String keyField, Collection<String> keyValues) {
    return List.of();
  }

  /**
   * Whether {@link #read} reports deletes (the source keeps a delete log, like Salesforce's
   * getDeleted), so the engine never has to compare key sets to find them. Sources without one
   * (Exchequer's tables) answer {@code false}, the default, and the engine checks their linked
   * records every {@code reconcileEvery} of the flow.
   */
  default boolean reportsDeletes() {
    return false;
  }

  /**
   * The canonical fields this reader fills. Fields outside the set are always empty (or their
   * default) in the values it returns, and the engine never reads that as "the field was cleared".
   * Include the fields mapping customizers add (see {@link MappingCustomizer#fields()}).
   */
  default FieldSet fields() {
    return FieldSet.all();
  }
}
