package io.github.tandemsync.exchequer;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.ConnectorContext;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.testkit.exchequer.ExchequerSandbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SmokeReadTest {
  @Test
  void readsEverything() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);
    try (ExchequerSandbox sandbox = ExchequerSandbox.builder().seed(7).clock(clock).build().start()) {
      ExchequerConnector connector = ExchequerConnector.builder().dataSource(sandbox.readOnlyDataSource())
          .company(sandbox.companyCode()).build();
      connector.start(new ConnectorContext() {
        public String originTag() { return "t"; }
        public Clock clock() { return clock; }
      });
      for (var capability : connector.capabilities()) {
        EntityType<?> type = capability.entityType();
        ChangeReader<?> reader = connector.reader(type).orElseThrow();
        Watermark w = Watermark.initial();
        int n = 0, invalid = 0, pages = 0;
        String sample = "";
        while (true) {
          ChangePage<?> page = reader.read(w, 100);
          pages++;
          for (Change<?> c : page.changes()) {
            n++;
            if (c.kind() == Change.Kind.INVALID) { invalid++; if (invalid < 3) org.slf4j.LoggerFactory.getLogger("smoke").info("INVALID {}", c.error()); }
            else if (sample.isEmpty()) sample = String.valueOf(c.value().orElse(null));
          }
          w = page.next();
          if (!page.hasMore()) break;
        }
        org.slf4j.LoggerFactory.getLogger("smoke").info("{}: {} changes, {} invalid, {} pages, sample {}", type, n, invalid, pages, sample.length() > 600 ? sample.substring(0, 600) : sample);
      }
    }
  }
}
