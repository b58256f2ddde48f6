package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.TandemException;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.SyncError;
import io.github.tandemsync.core.spi.Watermark;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a record's mapping and the partner's customizers, turning any failure into
 * {@link Change#invalid} naming the record and the field: one bad row never fails a page.
 */
final class Materializer<T> {
  private static final Logger LOG = LoggerFactory.getLogger(Materializer.class);

  private final String entity;
  private final List<MappingCustomizer<T>> customizers;

  Materializer(String entity, List<MappingCustomizer<T>> customizers) {
    this.entity = entity;
    this.customizers = List.copyOf(customizers);
  }

  Change<T> change(Keyed<T> item, Watermark position) {
    Change<T> change = materialize(item, position);
    if (item.sourceTime().isPresent()) {
      change = change.withSourceTime(item.sourceTime().get());
    }
    if (item.sourceVersion().isPresent()) {
      change = change.withSourceVersion(item.sourceVersion().get());
    }
    return change;
  }

  private Change<T> materialize(Keyed<T> item, Watermark position) {
    T value;
    try {
      value = item.mapping().get();
    } catch (InvalidRecordException e) {
      return Change.invalid(item.nativeId(), new SyncError("EXQ-INVALID-DATA", describe(item, e.getMessage()),
          e.field(), false), position);
    } catch (RetryableException | ConfigurationException e) {
      // The system or the setup failed, not this record: fail the read, not the record.
      throw e;
    } catch (TandemException | IllegalArgumentException | IllegalStateException | ArithmeticException e) {
      LOG.debug("mapping {} {} failed", entity, item.nativeId(), e);
      return Change.invalid(item.nativeId(), SyncError.permanent("EXQ-MAPPING", describe(item, e.getMessage())), position);
    }
    for (MappingCustomizer<T> customizer : customizers) {
      try {
        value = customizer.afterRead(item.source(), value);
        if (value == null) {
          return Change.invalid(item.nativeId(), SyncError.permanent("EXQ-CUSTOMIZER",
              describe(item, customizer.getClass().getName() + " returned no value")), position);
        }
      } catch (InvalidRecordException e) {
        return Change.invalid(item.nativeId(), new SyncError("EXQ-CUSTOMIZER", describe(item, e.getMessage()), e.field(),
            false), position);
      } catch (RetryableException e) {
        throw e;
      } catch (RuntimeException e) {
        return Change.invalid(item.nativeId(), SyncError.permanent("EXQ-CUSTOMIZER", describe(item,
            customizer.getClass().getName() + " failed: " + e)), position);
      }
    }
    return Change.upsert(item.nativeId(), value, position);
  }

  private String describe(Keyed<T> item, String problem) {
    String text = problem == null ? "" : problem;
    return text.startsWith(entity + " " + item.nativeId()) ? text
        : entity + " " + item.nativeId() + " (Exchequer " + item.source().type() + "): " + text;
  }
}
