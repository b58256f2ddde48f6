package io.github.tandemsync.examples.demo;

import io.github.tandemsync.engine.Progress;
import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.engine.SyncListener;
import java.io.PrintStream;
import java.util.Locale;

/** Draws a progress bar for long phases of a flow run, and one line per finished run. */
final class ConsoleProgress implements SyncListener {
  private static final int WIDTH = 30;
  private static final int SHOW_FROM = 150;

  private final PrintStream out;
  private boolean barShown;

  ConsoleProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void progress(Progress p) {
    long total = p.total().orElse(0L);
    if (p.phase() != Progress.Phase.WRITE || total < SHOW_FROM) {
      return;
    }
    int filled = (int) Math.min(WIDTH, p.done() * WIDTH / Math.max(1, total));
    out.printf(Locale.ROOT, "\r  %-18s [%s%s] %,6d / %,d", p.flow(), "#".repeat(filled), ".".repeat(WIDTH - filled), p.done(), total);
    out.flush();
    barShown = true;
  }

  @Override
  public synchronized void runFinished(RunReport r) {
    if (barShown) {
      out.print("\r" + " ".repeat(78) + "\r");
      barShown = false;
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-18s", r.flow()));
    r.directions().forEach((direction, c) -> {
      if (c.read() + c.writes() + c.failed() + c.deferred() > 0) {
        line.append(String.format(Locale.ROOT, "  %s: %d read, %d written%s%s", direction, c.read(), c.writes(),
            c.conflicts() > 0 ? ", " + c.conflicts() + " conflicts" : "",
            c.failed() > 0 ? ", " + c.failed() + " quarantined" : ""));
      }
    });
    if (r.status() != RunReport.Status.COMPLETED) {
      line.append("  [").append(r.status()).append(r.detail().map(d -> ": " + d).orElse("")).append(']');
    }
    if (line.length() > 20) {
      out.println(line);
    }
  }
}
