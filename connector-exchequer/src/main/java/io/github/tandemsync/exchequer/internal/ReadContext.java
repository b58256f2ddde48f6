package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.exchequer.ExchequerOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every reader shares: the database, the options, the clock and the company's settings and
 * currencies (re-read at most once a minute: the period and rates change while the connector runs).
 */
public final class ReadContext {
  private static final Duration REFRESH = Duration.ofMinutes(1);

  private final Database database;
  private final ExchequerOptions options;
  private volatile Clock clock;
  private @Nullable SystemSettings settings;
  private @Nullable Currencies currencies;
  private Instant loadedAt = Instant.MIN;

  public ReadContext(Database database, ExchequerOptions options, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Database database() {
    return database;
  }

  public ExchequerOptions options() {
    return options;
  }

  public Clock clock() {
    return clock;
  }

  /** The engine's clock, given at start. */
  public void useClock(Clock engineClock) {
    this.clock = Objects.requireNonNull(engineClock, "clock");
  }

  /** Now on the Exchequer workstations' clock (their zone, no zone stored). */
  public LocalDateTime exchequerNow() {
    return LocalDateTime.ofInstant(clock.instant(), options.clockZone());
  }

  public SystemSettings settings() {
    refresh(false);
    return Objects.requireNonNull(settings);
  }

  public Currencies currencies() {
    refresh(false);
    return Objects.requireNonNull(currencies);
  }

  /** Forgets the cached settings so the next call reads them again. */
  public synchronized void invalidate() {
    loadedAt = Instant.MIN;
  }

  private synchronized void refresh(boolean force) {
    Instant now = clock.instant();
    if (force || settings == null || currencies == null || now.isBefore(loadedAt) || now.isAfter(loadedAt.plus(REFRESH))) {
      settings = SystemSettings.load(database);
      currencies = Currencies.load(database, options.currencyIsoCodes());
      loadedAt = now;
    }
  }
}
