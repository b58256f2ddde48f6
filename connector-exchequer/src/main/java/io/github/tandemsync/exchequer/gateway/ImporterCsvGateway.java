package io.github.tandemsync.exchequer.gateway;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.exchequer.internal.SqlLookups;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write gateway that drops CSV files for the Exchequer Importer (scheduler mode watching a
 * folder), in Tandem's layout D (docs/exchequer-importer-layout.md). Asynchronous: the Importer
 * stores records some time later and reports failures only in {@code Importer.log}.
 *
 * <p>Each batch becomes one file, written as {@code TANDEM-<yyyyMMddHHmmssSSS>-<seq>.csv.tmp} and
 * renamed to {@code .csv} atomically, so the Importer never reads half a file. A record is
 * confirmed by reading it back through the read-only SQL login (account by {@code acAltCode},
 * document by {@code thLongYourRef}) or by finding its key in {@code Importer.log} (a permanent
 * failure with the logged code and message). Until then it is
 * {@link GatewayResult.Status#PENDING} (retryable), and a retry never writes a second file for a
 * key still pending or already imported; a failed record is written again only when its content
 * changed.
 *
 * <p>Layout D adds customers ({@code CU}) and quotations or orders ({@code TH}/{@code TL}). It
 * cannot update accounts, add suppliers or delivery notes, or convert quotations: use the
 * {@link ToolkitBridgeGateway} for those. One writer per drop folder.
 *
 * <pre>{@code
 * ExchequerWriteGateway gateway = ImporterCsvGateway.builder()
 *     .dropFolder(Path.of("\\\\erp\\import\\tandem"))
 *     .readBack(readOnlyDataSource, "ZZZZ01")
 *     .build();
 * }</pre>
 */
public final class ImporterCsvGateway implements ExchequerWriteGateway {
  private static final Logger LOG = LoggerFactory.getLogger(ImporterCsvGateway.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
  private static final Set<Operation> OPERATIONS = Collections.unmodifiableSet(
      EnumSet.of(Operation.ADD_ACCOUNT, Operation.ADD_QUOTE, Operation.ADD_ORDER));

  /** Result code: the Importer processed the file but the record is neither stored nor logged. */
  public static final int UNCONFIRMED = -201;

  private final Path folder;
  private final SqlLookups lookups;
  private final Clock clock;
  private final Duration confirmationTimeout;
  private final Duration pollInterval;
  private final Duration unconfirmedGrace;
  private final ImporterLedger ledger;
  private final Set<String> confirmed = Collections.synchronizedSet(new HashSet<>());
  private int sequence;

  private ImporterCsvGateway(Builder builder) {
    this.folder = Objects.requireNonNull(builder.dropFolder);
    this.lookups = Objects.requireNonNull(builder.lookups);
    this.clock = builder.clock;
    this.confirmationTimeout = builder.confirmationTimeout;
    this.pollInterval = builder.pollInterval;
    this.unconfirmedGrace = builder.unconfirmedGrace;
    this.ledger = new ImporterLedger(folder);
    removeAbandonedTemporaryFiles();
  }

  /**
   * A builder; {@code dropFolder} and {@code readBack} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String kind() {
    return "importer-csv";
  }

  @Override
  public Set<Operation> operations() {
    return OPERATIONS;
  }

  @Override
  public boolean supportsProperty(RecordType type, String property) {
    return switch (type) {
      case ACCOUNT -> ImporterCsvFormat.ACCOUNT_PROPERTIES.contains(property);
      case TRANSACTION -> ImporterCsvFormat.TRANSACTION_PROPERTIES.contains(property);
      case LINE -> ImporterCsvFormat.LINE_PROPERTIES.contains(property);
    };
  }

  /**
   * The drop folder.
   *
   * @return the folder the Importer watches
   */
  public Path dropFolder() {
    return folder;
  }

  /** How one request stands before writing: decided, or rows to write. */
  private record Plan(@Nullable GatewayResult result, List<List<String>> rows) {
    static Plan decided(GatewayResult result) {
      return new Plan(result, List.of());
    }

    static Plan write(List<List<String>> rows) {
      return new Plan(null, rows);
    }
  }

  @Override
  public synchronized List<GatewayResult> addAccounts(List<GatewayRequest> requests) {
    return add(requests, this::planAccount);
  }

  @Override
  public synchronized List<GatewayResult> addTransactions(List<GatewayRequest> requests) {
    return add(requests, this::planTransaction);
  }

  private List<GatewayResult> add(List<GatewayRequest> requests, Function<GatewayRequest, Plan> planner) {
    ledger.refresh();
    GatewayResult[] results = new GatewayResult[requests.size()];
    List<List<String>> rows = new ArrayList<>();
    List<Integer> written = new ArrayList<>();
    Set<String> keysInFile = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      GatewayRequest request = requests.get(i);
      Plan plan = planner.apply(request);
      if (plan.result() != null) {
        results[i] = plan.result();
      } else if (!keysInFile.add(request.idempotencyKey())) {
        // The same key twice in one batch: one record, one row.
        written.add(i);
      } else {
        rows.addAll(plan.rows());
        written.add(i);
      }
    }
    if (!rows.isEmpty()) {
      String name = writeFile(rows);
      for (int i : written) {
        results[i] = GatewayResult.pending(requests.get(i).idempotencyKey(), "handed to the Importer in " + name
            + "; not yet imported");
      }
      if (!confirmationTimeout.isZero()) {
        awaitConfirmation(requests, results, planner);
      }
    }
    return List.of(results);
  }

  private void awaitConfirmation(List<GatewayRequest> requests, GatewayResult[] results, Function<GatewayRequest, Plan> planner) {
    Instant deadline = clock.instant().plus(confirmationTimeout);
    while (clock.instant().isBefore(deadline)) {
      try {
        Thread.sleep(pollInterval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      ledger.refresh();
      boolean waiting = false;
      for (int i = 0; i < results.length; i++) {
        if (results[i].status() == GatewayResult.Status.PENDING) {
          Plan plan = planner.apply(requests.get(i));
          if (plan.result() != null) {
            results[i] = plan.result();
          }
          waiting |= results[i].status() == GatewayResult.Status.PENDING;
        }
      }
      if (!waiting) {
        return;
      }
    }
  }

  private Plan planAccount(GatewayRequest request) {
    String key = request.idempotencyKey();
    Optional<GatewayResult> bad = checkKey(key, request.record().text("acAltCode"), "acAltCode");
    if (bad.isPresent()) {
      return Plan.decided(bad.get());
    }
    ToolkitRecord account = request.record().toBuilder().set("acAltCode", key).build();
    String code = account.text("acCode").orElse("").toUpperCase(Locale.ROOT);
    Optional<ToolkitRecord> stored = lookups.accountByAltCode(key);
    // Our own earlier file for this key, whatever account code it carried.
    Optional<ImporterLedger.Entry> entry = ledger.latest("CU:" + key);
    if (stored.isPresent()) {
      return Plan.decided(success(key, stored.get(), entry.isPresent()));
    }
    List<String> row;
    try {
      row = ImporterCsvFormat.customer(account);
    } catch (ImporterCsvFormat.Rejection e) {
      return Plan.decided(e.result(key));
    }
    if (entry.isPresent()) {
      Optional<Plan> known = known(key, entry.get(), ImporterLedger.hash(List.of(row)), true);
      if (known.isPresent()) {
        return known.get();
      }
    }
    Optional<ImporterLedger.Entry> sameCodeWaiting = ledger.latest("CUCODE:" + code)
        .filter(other -> !other.key().equals(key) && ImporterLedger.isPending(other));
    if (sameCodeWaiting.isPresent()) {
      return Plan.decided(new GatewayResult(GatewayResult.Status.RETRYABLE, key, GatewayResult.PENDING_CODE,
          "account code " + code + " is waiting in " + sameCodeWaiting.get().file() + " for another record",
          Optional.of("acCode"), Optional.empty(), Optional.empty()));
    }
    Optional<ToolkitRecord> sameCode = code.isEmpty() ? Optional.empty() : lookups.accountByCode(code);
    if (sameCode.isPresent()) {
      return Plan.decided(GatewayResult.failure(key, GatewayResult.DUPLICATE_KEY, "account " + code + " already exists",
          Optional.of("acCode"), Optional.empty()).withRecord(sameCode.get()));
    }
    return Plan.write(List.of(row));
  }

  private Plan planTransaction(GatewayRequest request) {
    String key = request.idempotencyKey();
    Optional<GatewayResult> bad = checkKey(key, request.record().text("thLongYourRef"), "thLongYourRef");
    if (bad.isPresent()) {
      return Plan.decided(bad.get());
    }
    ToolkitRecord transaction = request.record().toBuilder().set("thLongYourRef", key).build();
    String docType = transaction.text("thDocType").orElse("").toUpperCase(Locale.ROOT);
    Optional<ImporterLedger.Entry> entry = ledger.latest("TH:" + key);
    Optional<ToolkitRecord> stored = docType.isEmpty() ? Optional.empty() : lookups.transaction(docType, key);
    if (stored.isPresent()) {
      return Plan.decided(success(key, stored.get(), entry.isPresent()));
    }
    List<List<String>> rows;
    try {
      rows = ImporterCsvFormat.transaction(transaction);
    } catch (ImporterCsvFormat.Rejection e) {
      return Plan.decided(e.result(key));
    }
    if (entry.isPresent()) {
      Optional<Plan> known = known(key, entry.get(), ImporterLedger.hash(rows), false);
      if (known.isPresent()) {
        return known.get();
      }
    }
    return Plan.write(rows);
  }

  /** The standing of a key we wrote before: failed (same content), pending, or lost; empty to write again. */
  private Optional<Plan> known(String key, ImporterLedger.Entry entry, String hash, boolean account) {
    List<ImporterLedger.Failure> failures = ledger.failures(entry);
    if (!failures.isEmpty()) {
      if (!entry.hash().equals(hash)) {
        return Optional.empty();
      }
      ImporterLedger.Failure failure = failures.get(0);
      Optional<Integer> line = failure.recordType().equals("TL")
          ? Optional.of(failure.recordNumber() - entry.recordNumber()) : Optional.empty();
      Optional<String> field = account ? ToolkitCodes.accountField(failure.code()) : ToolkitCodes.transactionField(failure.code());
      return Optional.of(Plan.decided(GatewayResult.failure(key, failure.code(), "Importer rejected record "
          + failure.recordNumber() + " of " + failure.file() + ": " + failure.message(), field, line)));
    }
    if (ImporterLedger.isPending(entry)) {
      return Optional.of(Plan.decided(GatewayResult.pending(key, "waiting for the Importer in " + entry.file())));
    }
    Instant written = ImporterLedger.modified(entry);
    if (clock.instant().isBefore(written.plus(unconfirmedGrace))) {
      return Optional.of(Plan.decided(GatewayResult.pending(key, "imported from " + entry.file()
          + " but not visible in Exchequer yet")));
    }
    return Optional.of(Plan.decided(GatewayResult.failure(key, UNCONFIRMED, "the Importer processed " + entry.file()
        + " but the record is neither in Exchequer nor in " + ImporterLedger.LOG + " (deleted since?)",
        Optional.empty(), Optional.empty())));
  }

  private GatewayResult success(String key, ToolkitRecord stored, boolean ours) {
    return ours && confirmed.add(key) ? GatewayResult.created(key, stored) : GatewayResult.existing(key, stored);
  }

  private static Optional<GatewayResult> checkKey(String key, Optional<String> keyProperty, String property) {
    if (key.length() > GatewayRequest.MAX_KEY_LENGTH) {
      return Optional.of(GatewayResult.failure(key, GatewayResult.VALUE_TOO_LONG, "idempotency key is " + key.length()
          + " characters; Exchequer keeps at most " + GatewayRequest.MAX_KEY_LENGTH + " in " + property,
          Optional.of(property), Optional.empty()));
    }
    if (keyProperty.isPresent() && !keyProperty.get().equals(key)) {
      return Optional.of(GatewayResult.failure(key, GatewayResult.MALFORMED, property
          + " holds the idempotency key; leave it empty or equal to the key", Optional.of(property), Optional.empty()));
    }
    return Optional.empty();
  }

  /** Writes one batch file: temporary name, forced to disk, then renamed atomically. */
  private String writeFile(List<List<String>> rows) {
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      text.append(ImporterCsvFormat.encode(row)).append(ImporterCsvFormat.CRLF);
    }
    byte[] bytes = text.toString().getBytes(ImporterCsvFormat.CHARSET);
    String stamp = STAMP.format(clock.instant());
    try {
      Files.createDirectories(folder);
      Path target;
      String name;
      do {
        sequence = (sequence + 1) % 1_000_000;
        name = String.format(Locale.ROOT, "%s%s-%06d.csv", ImporterLedger.PREFIX, stamp, sequence);
        target = folder.resolve(name);
      } while (Files.exists(target) || Files.exists(folder.resolve(ImporterLedger.PROCESSED).resolve(name)));
      Path temporary = folder.resolve(name + ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new ConfigurationException("the drop folder " + folder + " cannot rename files atomically; the Importer "
            + "could read half-written files", e);
      }
      ledger.wrote(name, target, text.toString());
      LOG.info("handed {} records to the Exchequer Importer in {}", rows.size(), name);
      return name;
    } catch (IOException e) {
      throw new RetryableException("cannot write to the Importer drop folder " + folder + ": " + e, e);
    }
  }

  private void removeAbandonedTemporaryFiles() {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ImporterLedger.PREFIX + "*.csv.tmp")) {
      for (Path file : files) {
        // A crash between write and rename: the Importer never saw it, the records are retried.
        Files.deleteIfExists(file);
        LOG.warn("removed abandoned temporary file {}", file.getFileName());
      }
    } catch (IOException e) {
      LOG.warn("cannot clean temporary files in {}: {}", folder, e.toString());
    }
  }

  @Override
  public GatewayResult updateAccount(String accountCode, ToolkitRecord changes) {
    throw new ConfigurationException("the Importer gateway cannot update accounts (layout D adds customers only); "
        + "configure the Toolkit bridge to update account " + accountCode);
  }

  @Override
  public GatewayResult convertQuoteToOrder(String quoteOurRef, String idempotencyKey) {
    throw new ConfigurationException("the Importer gateway cannot convert quotation " + quoteOurRef
        + " to an order; configure the Toolkit bridge, or write quotes as orders (ExchequerOptions.quoteTarget ORDER)");
  }

  @Override
  public Optional<ToolkitRecord> findAccount(String idempotencyKey) {
    return lookups.accountByAltCode(idempotencyKey);
  }

  @Override
  public Optional<ToolkitRecord> findTransaction(String docType, String idempotencyKey) {
    return lookups.transaction(docType, idempotencyKey);
  }

  @Override
  public Health health() {
    if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
      return Health.down("Importer drop folder " + folder + " is missing or not writable");
    }
    int pending = 0;
    Instant oldest = null;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ImporterLedger.PREFIX + "*.csv")) {
      for (Path file : files) {
        pending++;
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        oldest = oldest == null || modified.isBefore(oldest) ? modified : oldest;
      }
    } catch (IOException e) {
      return Health.down("cannot list the Importer drop folder " + folder + ": " + e);
    }
    if (oldest != null && clock.instant().isAfter(oldest.plus(unconfirmedGrace))) {
      return Health.degraded("Importer drop folder " + folder + ": " + pending + " files waiting, the oldest since "
          + oldest + " (is the Importer's scheduler running?)");
    }
    return Health.up("Importer drop folder " + folder + " writable, " + pending + " files waiting");
  }

  @Override
  public String toString() {
    return "ImporterCsvGateway[" + folder + "]";
  }

  /** Builds an {@link ImporterCsvGateway}. */
  public static final class Builder {
    private @Nullable Path dropFolder;
    private @Nullable SqlLookups lookups;
    private Clock clock = Clock.systemUTC();
    private Duration confirmationTimeout = Duration.ZERO;
    private Duration pollInterval = Duration.ofSeconds(2);
    private Duration unconfirmedGrace = Duration.ofMinutes(10);

    private Builder() {}

    /**
     * The folder the Importer's scheduler watches (a share both sides reach).
     *
     * @param folder the folder
     * @return this builder
     */
    public Builder dropFolder(Path folder) {
      this.dropFolder = Objects.requireNonNull(folder, "dropFolder");
      return this;
    }

    /**
     * The read-only SQL login the gateway confirms imported records with.
     *
     * @param dataSource the company database (read-only login)
     * @param company the company code (schema), e.g. {@code ZZZZ01}
     * @return this builder
     */
    public Builder readBack(DataSource dataSource, String company) {
      this.lookups = SqlLookups.over(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(company, "company"));
      return this;
    }

    /**
     * The clock for file names and ages (default UTC system clock).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * How long an add waits for the Importer to confirm before answering
     * {@link GatewayResult.Status#PENDING}; zero (the default) answers at once and confirms on the
     * engine's retry.
     *
     * @param timeout the wait
     * @return this builder
     */
    public Builder confirmationTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new ConfigurationException("confirmationTimeout must not be negative");
      }
      this.confirmationTimeout = timeout;
      return this;
    }

    /**
     * How often to look for confirmations while waiting (default 2 s).
     *
     * @param interval the interval
     * @return this builder
     */
    public Builder pollInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new ConfigurationException("pollInterval must be positive");
      }
      this.pollInterval = interval;
      return this;
    }

    /**
     * How long after its file was processed a record may stay invisible before it counts as lost
     * (default 10 minutes); also the age at which waiting files make health degraded.
     *
     * @param grace the grace period
     * @return this builder
     */
    public Builder unconfirmedGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new ConfigurationException("unconfirmedGrace must not be negative");
      }
      this.unconfirmedGrace = grace;
      return this;
    }

    /**
     * The gateway.
     *
     * @return the gateway
     * @throws ConfigurationException when the drop folder or the read-back login is missing
     */
    public ImporterCsvGateway build() {
      if (dropFolder == null) {
        throw new ConfigurationException("the Importer gateway needs dropFolder");
      }
      if (lookups == null) {
        throw new ConfigurationException("the Importer gateway needs readBack(dataSource, company) to confirm imports");
      }
      return new ImporterCsvGateway(this);
    }
  }
}
