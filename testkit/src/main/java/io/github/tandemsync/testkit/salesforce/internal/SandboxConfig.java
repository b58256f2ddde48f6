package io.github.tandemsync.testkit.salesforce.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the builder collected.
 *
 * @param seed seed of every random choice (ids, tokens, result order)
 * @param dailyApiLimit the rolling 24-hour API request allocation
 * @param clock the org's clock
 * @param metadataDirs SFDX source folders to deploy
 * @param allowUsernamePassword whether the legacy username-password flow is enabled
 * @param queryCursorLifetime how long query locators stay valid
 * @param shortQueryPages whether query pages are randomly shorter than asked (seeded)
 * @param sessionTimeout inactivity after which an access token stops working
 * @param currencies the currencies of a multi-currency org; empty for a single-currency org (no
 *     {@code CurrencyIsoCode} anywhere)
 */
public record SandboxConfig(
    long seed,
    long dailyApiLimit,
    Clock clock,
    List<Path> metadataDirs,
    boolean allowUsernamePassword,
    Duration queryCursorLifetime,
    boolean shortQueryPages,
    Duration sessionTimeout,
    Optional<OrgCurrencies> currencies) {

  public SandboxConfig {
    metadataDirs = List.copyOf(metadataDirs);
  }
}
