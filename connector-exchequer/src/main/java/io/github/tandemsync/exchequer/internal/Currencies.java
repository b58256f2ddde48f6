package io.github.tandemsync.exchequer.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Exchequer's numbered currencies (0–30, reference §6.9) with their ISO 4217 codes and rates. The
 * code comes from the partner's override map first, then from the CURRENCY row's description
 * ("Sterling", "Euro", "US Dollar", or an ISO code typed as the description), then from its
 * screen or print symbol when that is unambiguous.
 */
public final class Currencies {
  /** One currency row. */
  public record Entry(int number, Optional<String> isoCode, String description, String symbol, BigDecimal companyRate,
      BigDecimal dailyRate) {}

  private static final Map<String, String> NAMES = names();
  private static final Map<String, String> SYMBOLS = Map.of("£", "GBP", "€", "EUR", "US$", "USD", "¥", "JPY", "CHF", "CHF",
      "A$", "AUD", "C$", "CAD", "NZ$", "NZD");

  private final Map<Integer, Entry> entries;

  Currencies(Map<Integer, Entry> entries) {
    this.entries = Map.copyOf(entries);
  }

  static Currencies load(Database database, Map<Integer, String> overrides) {
    Map<Integer, Entry> entries = new LinkedHashMap<>();
    if (database.catalog().hasTable("CURRENCY")) {
      for (Row row : database.query(Select.from("CURRENCY")
          .columns("CurrencyCode", "Description", "ScreenSymbol", "PrintSymbol", "CompanyRate", "DailyRate"))) {
        int number = Decode.integer(row.raw("CurrencyCode"));
        String description = Decode.text(row.raw("Description")).orElse("");
        String screen = Decode.text(row.raw("ScreenSymbol")).orElse("");
        String print = Decode.text(row.raw("PrintSymbol")).orElse("");
        Optional<String> iso = Optional.ofNullable(overrides.get(number))
            .or(() -> resolve(description, screen, print));
        entries.put(number, new Entry(number, iso, description, screen.isEmpty() ? print : screen,
            Decode.exact(row.raw("CompanyRate")), Decode.exact(row.raw("DailyRate"))));
      }
    }
    overrides.forEach((number, iso) -> entries.computeIfAbsent(number,
        n -> new Entry(n, Optional.of(iso), iso, "", BigDecimal.ONE, BigDecimal.ONE)));
    // Single-currency systems use 0; multi-currency systems use 1 as the base. Either stands for the other.
    Entry zero = entries.get(0);
    Entry one = entries.get(1);
    if ((zero == null || zero.isoCode().isEmpty()) && one != null && one.isoCode().isPresent()) {
      entries.put(0, new Entry(0, one.isoCode(), one.description(), one.symbol(), BigDecimal.ONE, BigDecimal.ONE));
    } else if ((one == null || one.isoCode().isEmpty()) && zero != null && zero.isoCode().isPresent()) {
      entries.put(1, new Entry(1, zero.isoCode(), zero.description(), zero.symbol(), BigDecimal.ONE, BigDecimal.ONE));
    }
    return new Currencies(entries);
  }

  /** The ISO code for a description and symbols, when recognisable. */
  static Optional<String> resolve(String description, String screenSymbol, String printSymbol) {
    String name = description.strip();
    if (name.matches("[A-Za-z]{3}")) {
      String upper = name.toUpperCase(Locale.ROOT);
      if (isIso(upper)) {
        return Optional.of(upper);
      }
    }
    String byName = NAMES.get(normalise(name));
    if (byName != null) {
      return Optional.of(byName);
    }
    for (String symbol : List.of(screenSymbol.strip(), printSymbol.strip())) {
      if (SYMBOLS.containsKey(symbol)) {
        return Optional.of(SYMBOLS.get(symbol));
      }
      if (symbol.matches("[A-Z]{3}") && isIso(symbol)) {
        return Optional.of(symbol);
      }
    }
    // "$" alone is ambiguous (USD, AUD, CAD…): only the description can settle it.
    if ((screenSymbol.strip().equals("$") || printSymbol.strip().equals("$")) && normalise(name).contains("us")) {
      return Optional.of("USD");
    }
    return Optional.empty();
  }

  private static boolean isIso(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }

  private static Map<String, String> names() {
    Map<String, String> names = new HashMap<>();
    for (Currency currency : Currency.getAvailableCurrencies()) {
      for (Locale locale : List.of(Locale.UK, Locale.US, Locale.ENGLISH)) {
        names.putIfAbsent(normalise(currency.getDisplayName(locale)), currency.getCurrencyCode());
      }
    }
    names.put("sterling", "GBP");
    names.put("poundsterling", "GBP");
    names.put("poundssterling", "GBP");
    names.put("gbpsterling", "GBP");
    names.put("ukpound", "GBP");
    names.put("euro", "EUR");
    names.put("euros", "EUR");
    names.put("usdollar", "USD");
    names.put("usdollars", "USD");
    names.put("americandollar", "USD");
    names.put("dollar", "USD");
    return Map.copyOf(names);
  }

  /** The currency with this number. */
  public Optional<Entry> entry(int number) {
    return Optional.ofNullable(entries.get(number));
  }

  /** The ISO code of currency {@code number}; empty when unknown or unmapped. */
  public Optional<String> iso(int number) {
    return entry(number).flatMap(Entry::isoCode);
  }

  /** The Exchequer number of an ISO currency: the base (1, or 0) first, then the lowest number. */
  public Optional<Integer> number(String iso) {
    for (int candidate : new int[] {1, 0}) {
      if (iso(candidate).filter(iso::equals).isPresent() && entries.containsKey(candidate)) {
        return Optional.of(candidate);
      }
    }
    return entries.values().stream().filter(e -> e.isoCode().filter(iso::equals).isPresent())
        .map(Entry::number).sorted().findFirst();
  }

  /** The base (home) currency's ISO code: currency 1, or 0 in single-currency systems. */
  public Optional<String> base() {
    return iso(1).or(() -> iso(0));
  }

  /**
   * Converts an amount in a document's currency to base currency with the document's rate, the way
   * Exchequer does: {@code amount / rate}, a rate of 0 counting as 1; currencies 0 and 1 are the
   * base. Rounding is left to the caller.
   */
  public static BigDecimal toBase(BigDecimal amount, int currency, BigDecimal rate) {
    if (currency == 0 || currency == 1 || rate.signum() == 0) {
      return amount;
    }
    return amount.divide(rate, MathContext.DECIMAL64).setScale(Math.max(amount.scale(), 6), RoundingMode.HALF_UP);
  }
}
