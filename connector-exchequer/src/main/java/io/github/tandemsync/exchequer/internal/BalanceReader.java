package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.model.AccountBalances;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.Watermark;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Account balances from HISTORY (contract B), recomputed for the accounts whose documents changed
 * (new DOCUMENT rows since the last run) and, every {@code fullPassInterval}, for every account.
 * HISTORY has no change stamp, so there is nothing better to watch.
 */
final class BalanceReader implements ChangeReader<AccountBalances> {
  static final int TRADER_HISTORY = 'U';
  static final int TRADER_GP = 'W';
  static final int YEAR_TO_DATE = 255;

  private final ReadContext context;
  private final Consumer<Select> accountFilter;
  private final Materializer<AccountBalances> materializer;
  private final DocumentLoader loader;

  BalanceReader(ReadContext context, Consumer<Select> accountFilter, Materializer<AccountBalances> materializer) {
    this.context = context;
    this.accountFilter = accountFilter;
    this.materializer = materializer;
    this.loader = new DocumentLoader(context);
  }

  @Override
  public ChangePage<AccountBalances> read(Watermark after, int limit) {
    Map<String, String> state = WatermarkCodec.decode("balances", after);
    int pageSize = Math.max(1, Math.min(limit, KeysetReader.MAX_IN));
    Instant now = context.clock().instant();
    String phase = state.getOrDefault("ph", "full");
    long cursor = WatermarkCodec.number(state, "c", 0);
    long documents = WatermarkCodec.number(state, "dc", -1);
    Instant lastFull = Instant.parse(state.getOrDefault("full", Instant.EPOCH.toString()));
    if (documents < 0) {
      // First run: a full pass covers every document so far.
      documents = loader.maxPosition("DOCUMENT");
    }
    List<Change<AccountBalances>> changes = new ArrayList<>();
    if (phase.equals("docs")) {
      List<Row> rows = context.database().query(Select.from("DOCUMENT").columns("PositionId", "thAcCode")
          .where("{PositionId} > ?", cursor).orderBy("{PositionId}").top(pageSize + 1));
      boolean more = rows.size() > pageSize;
      Set<String> codes = new LinkedHashSet<>();
      for (Row row : more ? rows.subList(0, pageSize) : rows) {
        cursor = Math.max(cursor, Decode.integer(row.raw("PositionId")));
        Decode.code(row.raw("thAcCode")).ifPresent(codes::add);
      }
      documents = Math.max(documents, cursor);
      Watermark position = state("docs", cursor, documents, lastFull);
      changes.addAll(balances(accountsByCode(codes), position));
      if (more) {
        return new ChangePage<>(changes, position, true);
      }
      boolean due = !now.isBefore(lastFull.plus(context.options().fullPassInterval())) || now.isBefore(lastFull);
      if (!due) {
        return new ChangePage<>(changes, state("docs", Math.max(0, documents - context.options().documentOverlap()),
            documents, lastFull), false);
      }
      phase = "full";
      cursor = 0;
    }
    Select accounts = Select.from("CUSTSUPP").columns(Tables.CUSTSUPP).where("{PositionId} > ?", cursor)
        .orderBy("{PositionId}").top(pageSize + 1);
    accountFilter.accept(accounts);
    List<Row> rows = context.database().query(accounts);
    boolean more = rows.size() > pageSize;
    List<Row> page = more ? rows.subList(0, pageSize) : rows;
    long last = cursor;
    for (Row row : page) {
      last = Math.max(last, Decode.integer(row.raw("PositionId")));
    }
    if (more) {
      Watermark position = state("full", last, documents, lastFull);
      changes.addAll(balances(page, position));
      return new ChangePage<>(changes, position, true);
    }
    Watermark done = state("docs", Math.max(0, documents - context.options().documentOverlap()), documents, now);
    changes.addAll(balances(page, done));
    return new ChangePage<>(changes, done, false);
  }

  private Watermark state(String phase, long cursor, long documents, Instant lastFull) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("ph", phase);
    values.put("c", Long.toString(cursor));
    values.put("dc", Long.toString(documents));
    values.put("full", lastFull.toString());
    return WatermarkCodec.encode("balances", values);
  }

  private List<Row> accountsByCode(Collection<String> codes) {
    List<Row> rows = new ArrayList<>();
    List<String> list = new ArrayList<>(codes);
    for (int from = 0; from < list.size(); from += KeysetReader.MAX_IN) {
      Select select = Select.from("CUSTSUPP").columns(Tables.CUSTSUPP).whereExpressionIn("UPPER(RTRIM({acCode}))",
          list.subList(from, Math.min(list.size(), from + KeysetReader.MAX_IN)));
      accountFilter.accept(select);
      rows.addAll(context.database().query(select));
    }
    return rows;
  }

  /** One history bucket as read. */
  private record Bucket(int classCode, int year, int period, BigDecimal sales, BigDecimal purchases) {}

  private List<Change<AccountBalances>> balances(List<Row> accounts, Watermark position) {
    if (accounts.isEmpty()) {
      return List.of();
    }
    Map<String, List<Bucket>> history = history(accounts);
    List<Change<AccountBalances>> changes = new ArrayList<>();
    for (Row account : accounts) {
      String code = MasterMappers.accountId(account);
      if (code.isEmpty()) {
        continue;
      }
      List<Bucket> buckets = history.getOrDefault(code, List.of());
      changes.add(materializer.change(Keyed.of(code, account, () -> compute(account, code, buckets)), position));
    }
    return changes;
  }

  /**
   * The figures of contract B: balance from the period-255 class-U row of the latest year
   * (customers: debits − credits; suppliers: credits − debits), month-, year- and last-year-to-date
   * net sales from the class-W rows of the current and previous year up to the current period.
   */
  private AccountBalances compute(Row account, String code, List<Bucket> buckets) {
    Fields f = new Fields(account, "AccountBalances", code);
    SystemSettings settings = context.settings();
    boolean supplier = f.code("acCustSupp").filter("S"::equals).isPresent();
    int year = settings.currentYear();
    int period = settings.currentPeriod();
    Bucket latest = null;
    BigDecimal mtd = BigDecimal.ZERO;
    BigDecimal ytd = BigDecimal.ZERO;
    BigDecimal lytd = BigDecimal.ZERO;
    for (Bucket bucket : buckets) {
      if (bucket.classCode() == TRADER_HISTORY && bucket.period() == YEAR_TO_DATE) {
        if (latest == null || bucket.year() > latest.year()) {
          latest = bucket;
        }
      } else if (bucket.classCode() == TRADER_GP && bucket.period() >= 1 && bucket.period() <= period) {
        if (bucket.year() == year) {
          ytd = ytd.add(bucket.sales());
          if (bucket.period() == period) {
            mtd = mtd.add(bucket.sales());
          }
        } else if (bucket.year() == year - 1) {
          lytd = lytd.add(bucket.sales());
        }
      }
    }
    BigDecimal balance = BigDecimal.ZERO;
    if (latest != null) {
      balance = supplier ? latest.sales().subtract(latest.purchases()) : latest.purchases().subtract(latest.sales());
    }
    int status = f.integer("acAccStatus", "onStop");
    return AccountBalances.builder()
        .accountCode(code)
        .currency(MasterMappers.baseCurrency(context, f))
        .balance(LineMath.round2(balance))
        .monthToDate(LineMath.round2(mtd))
        .yearToDate(LineMath.round2(ytd))
        .lastYearToDate(LineMath.round2(lytd))
        .creditLimit(f.real("acCreditLimit", 2, "creditLimit"))
        .onStop(status == 2)
        .year(year)
        .period(period)
        .build();
  }

  /** HISTORY buckets (classes U and W, consolidated currency, no control GL) by account code. */
  private Map<String, List<Bucket>> history(List<Row> accounts) {
    Map<Integer, List<byte[]>> keysByLength = new HashMap<>();
    for (Row account : accounts) {
      String code = MasterMappers.accountId(account);
      if (!code.isEmpty()) {
        byte[] key = traderKeyPrefix(code);
        keysByLength.computeIfAbsent(key.length, n -> new ArrayList<>()).add(key);
      }
    }
    int oldest = context.settings().currentYear() - 1 - 1900;
    Map<String, List<Bucket>> buckets = new HashMap<>();
    for (Map.Entry<Integer, List<byte[]>> group : keysByLength.entrySet()) {
      Select select = Select.from("HISTORY").columns(Tables.HISTORY)
          .whereIn("hiExCLass", List.of(TRADER_HISTORY, TRADER_GP))
          .where("{hiCurrency} = 0")
          .where("{hiPeriod} = ? OR {hiYear} >= ?", YEAR_TO_DATE, oldest)
          .whereExpressionIn("SUBSTRING({hiCode}, 1, " + group.getKey() + ")", group.getValue());
      for (Row row : context.database().query(select)) {
        byte[] hiCode = row.raw("hiCode") instanceof byte[] bytes ? bytes : new byte[0];
        if (!withoutControlGl(hiCode)) {
          continue;
        }
        String code = Decode.lengthPrefixed(hiCode).map(c -> c.length() > 6 ? c.substring(0, 6).strip() : c)
            .map(Decode::upper).orElse("");
        Fields f = new Fields(row, "AccountBalances", code);
        buckets.computeIfAbsent(code, c -> new ArrayList<>()).add(new Bucket(f.integer("hiExCLass", "balance"),
            Decode.year(f.integer("hiYear", "year")), f.integer("hiPeriod", "period"), f.exact("hiSales", "balance"),
            f.exact("hiPurchases", "balance")));
      }
    }
    return buckets;
  }

  /** The length byte (0x14) and the account code padded to 6: the start of a trader hiCode. */
  static byte[] traderKeyPrefix(String code) {
    String padded = code.length() >= 6 ? code : code + " ".repeat(6 - code.length());
    byte[] chars = padded.getBytes(Decode.ANSI);
    byte[] key = new byte[chars.length + 1];
    key[0] = 0x14;
    System.arraycopy(chars, 0, key, 1, chars.length);
    return key;
  }

  /** Bytes 7-10 (the optional 4-byte control GL) are blank: the plain trader bucket. */
  private static boolean withoutControlGl(byte[] hiCode) {
    for (int i = 7; i < Math.min(11, hiCode.length); i++) {
      if (hiCode[i] != ' ' && hiCode[i] != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<Change<AccountBalances>> fetch(Collection<String> nativeIds) {
    Set<String> wanted = new LinkedHashSet<>(nativeIds);
    Map<String, Change<AccountBalances>> found = new LinkedHashMap<>();
    for (Change<AccountBalances> change : balances(accountsByCode(wanted.stream().map(id -> Decode.upper(id.strip()))
        .distinct().toList()), Watermark.initial())) {
      if (wanted.contains(change.nativeId())) {
        found.put(change.nativeId(), change);
      }
    }
    List<Change<AccountBalances>> changes = new ArrayList<>();
    for (String id : wanted) {
      changes.add(found.containsKey(id) ? found.get(id) : Change.delete(id, Watermark.initial()));
    }
    return changes;
  }

  @Override
  public List<Change<AccountBalances>> findByKey(String keyField, Collection<String> keyValues) {
    if (!keyField.equals("accountCode")) {
      return List.of();
    }
    return fetch(keyValues).stream().filter(change -> !change.isDelete()).toList();
  }

  @Override
  public FieldSet fields() {
    return FieldSet.all();
  }
}
