package io.github.tandemsync.engine.internal;

import io.github.tandemsync.engine.Conflict;
import io.github.tandemsync.engine.FailedRecord;
import io.github.tandemsync.engine.Progress;
import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.engine.SyncListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls every listener; a listener's exception is logged and never disturbs the sync. */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final List<SyncListener> listeners;

  Listeners(List<SyncListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  void runStarted(String flow) {
    each(l -> l.runStarted(flow));
  }

  void progress(Progress progress) {
    each(l -> l.progress(progress));
  }

  void conflict(Conflict conflict) {
    LOG.info("conflict: {}", conflict.describe());
    each(l -> l.conflict(conflict));
  }

  void recordFailed(FailedRecord failure) {
    LOG.warn("record failed: {}", failure.describe());
    each(l -> l.recordFailed(failure));
  }

  void runFinished(RunReport report) {
    each(l -> l.runFinished(report));
  }

  private void each(Consumer<SyncListener> call) {
    for (SyncListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("listener {} failed: {}", l.getClass().getName(), e.toString(), e);
      }
    }
  }
}
