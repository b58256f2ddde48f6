package io.github.tandemsync.testkit.exchequer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Exchequer Importer simulator for Tandem's CSV layout (contract D): it takes {@code .csv}
 * files from a drop folder in name order (never {@code .tmp} files still being written), stores
 * each record through the Toolkit emulation with the same validation and result codes as the
 * bridge, moves the file to {@code processed/}, and appends one line per failed record to
 * {@code Importer.log} in the drop folder:
 * {@code yyyy-MM-dd HH:mm:ss|<file>|<record number>|<record type>|<key>|<result code>|<message>}.
 *
 * <p>Files are windows-1252 text, CRLF, comma separated, with {@code ""}-escaped quoted fields
 * and {@code dd/mm/yyyy} dates. A malformed record is logged with result -102 and never stops the
 * rest of the file. Like the real Importer it gives no synchronous answer, and it does not
 * de-duplicate: a transaction sent twice is stored twice, so writers must check before resending.
 */
public final class ExchequerImporter {
  private static final Logger LOG = LoggerFactory.getLogger(ExchequerImporter.class);
  private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final String LOG_FILE = "Importer.log";
  static final String OPERATOR = "IMPORTER";
  private static final int CU_FIELDS = 33;
  private static final int TH_FIELDS = 16;
  private static final int TL_FIELDS = 14;

  private final ToolkitEngine engine;
  private final Path dropFolder;
  private final Path processed;
  private final @Nullable ScheduledExecutorService poller;

  /** One record of a file: its 1-based number and fields. */
  private record Record(int number, List<String> fields, @Nullable String malformed) {
    String type() {
      return fields.isEmpty() ? "" : fields.get(0).trim().toUpperCase(java.util.Locale.ROOT);
    }

    String field(int index) {
      return index < fields.size() ? fields.get(index) : "";
    }
  }

  ExchequerImporter(ToolkitEngine engine, Path dropFolder, Duration pollInterval) {
    this.engine = engine;
    this.dropFolder = dropFolder.toAbsolutePath();
    this.processed = this.dropFolder.resolve("processed");
    try {
      Files.createDirectories(processed);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the Importer drop folder " + dropFolder, e);
    }
    if (pollInterval.isZero() || pollInterval.isNegative()) {
      this.poller = null;
    } else {
      this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "exchequer-importer");
        thread.setDaemon(true);
        return thread;
      });
      long millis = Math.max(1, pollInterval.toMillis());
      poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }
    LOG.info("Exchequer Importer simulator watching {}", this.dropFolder);
  }

  /**
   * The watched folder.
   *
   * @return the absolute drop folder
   */
  public Path dropFolder() {
    return dropFolder;
  }

  /**
   * Where processed files go.
   *
   * @return the {@code processed} sub-folder
   */
  public Path processedFolder() {
    return processed;
  }

  /**
   * The error log the Importer appends to.
   *
   * @return {@code Importer.log} in the drop folder (absent until the first failure)
   */
  public Path logFile() {
    return dropFolder.resolve(LOG_FILE);
  }

  /**
   * Processes every {@code .csv} file waiting in the drop folder, in name order, now.
   *
   * @return the number of files processed
   */
  public synchronized int processPendingFiles() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dropFolder, "*.csv")) {
      for (Path path : stream) {
        if (Files.isRegularFile(path)) {
          files.add(path);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the Importer drop folder " + dropFolder, e);
    }
    files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    int count = 0;
    for (Path file : files) {
      byte[] content;
      try {
        content = Files.readAllBytes(file);
      } catch (IOException e) {
        LOG.debug("Importer skips {} for now: {}", file.getFileName(), e.getMessage());
        continue;
      }
      process(file.getFileName().toString(), new String(content, Encodings.CP1252));
      try {
        Files.move(file, processed.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot move " + file + " to " + processed, e);
      }
      count++;
    }
    return count;
  }

  void stop() {
    if (poller != null) {
      poller.shutdownNow();
    }
  }

  private void poll() {
    try {
      processPendingFiles();
    } catch (RuntimeException e) {
      LOG.warn("Importer simulator poll failed: {}", e.toString());
    }
  }

  private void process(String fileName, String text) {
    List<Record> records = parse(text);
    int stored = 0;
    int failed = 0;
    Record header = null;
    List<Record> lines = new ArrayList<>();
    for (Record record : records) {
      if (record.malformed() == null && record.fields().size() == 1 && record.field(0).isBlank()) {
        continue;
      }
      String type = record.malformed() == null ? record.type() : "";
      if (type.equals("TL")) {
        if (header == null) {
          log(fileName, record, "TL", "", ToolkitResult.error(-102, "TL record without a preceding TH"));
          failed++;
        } else {
          lines.add(record);
        }
        continue;
      }
      if (header != null) {
        if (storeTransaction(fileName, header, lines)) {
          stored++;
        } else {
          failed++;
        }
        header = null;
        lines = new ArrayList<>();
      }
      if (record.malformed() != null) {
        log(fileName, record, first(record), "", ToolkitResult.error(-102, record.malformed()));
        failed++;
      } else if (type.equals("TH")) {
        header = record;
      } else if (type.equals("CU")) {
        if (storeAccount(fileName, record)) {
          stored++;
        } else {
          failed++;
        }
      } else {
        log(fileName, record, first(record), "", ToolkitResult.error(-102, "Unknown record type " + first(record)));
        failed++;
      }
    }
    if (header != null) {
      if (storeTransaction(fileName, header, lines)) {
        stored++;
      } else {
        failed++;
      }
    }
    LOG.info("Importer processed {}: {} stored, {} failed", fileName, stored, failed);
  }

  private static String first(Record record) {
    String type = record.field(0).trim();
    return type.length() > 3 ? type.substring(0, 3) : type;
  }

  // -- CU -------------------------------------------------------------------------------------------

  private boolean storeAccount(String fileName, Record record) {
    String key = record.field(1).trim();
    ToolkitResult result;
    try {
      Map<String, Object> props = accountProperties(record);
      result = engine.call(connection -> engine.accounts.find(connection, key).isPresent()
          ? engine.accounts.update(connection, key, props, OPERATOR, engine.now())
          : engine.accounts.add(connection, props, OPERATOR, engine.now()));
    } catch (Failure failure) {
      result = failure.result();
    }
    if (!result.ok()) {
      log(fileName, record, "CU", key, result);
    }
    return result.ok();
  }

  private static Map<String, Object> accountProperties(Record record) {
    if (record.fields().size() > CU_FIELDS) {
      throw Failure.of(-102, "CU record has " + record.fields().size() + " fields, expected " + CU_FIELDS);
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("acCode", record.field(1).trim());
    props.put("acCustSupp", "C");
    props.put("acCompany", record.field(2));
    props.put("acAddress", List.of(record.field(3), record.field(4), record.field(5), record.field(6), record.field(7)));
    props.put("acPostCode", record.field(8));
    props.put("acCountry", record.field(9));
    props.put("acDelAddress", List.of(record.field(10), record.field(11), record.field(12), record.field(13),
        record.field(14)));
    props.put("acDeliveryPostCode", record.field(15));
    props.put("acDeliveryCountry", record.field(16));
    props.put("acContact", record.field(17));
    props.put("acPhone", record.field(18));
    props.put("acFax", record.field(19));
    props.put("acEmailAddr", record.field(20));
    props.put("acVATRegNo", record.field(21));
    putIfPresent(props, "acVATCode", record.field(22));
    integer(record.field(23), "acCurrency").ifPresent(v -> props.put("acCurrency", v));
    number(record.field(24), "acCreditLimit").ifPresent(v -> props.put("acCreditLimit", v));
    integer(record.field(25), "acAccStatus").ifPresent(v -> props.put("acAccStatus", v));
    props.put("acDiscountBand", record.field(26));
    if (record.field(27).trim().length() > 6) {
      throw Failure.of(-100, "acInvoiceTo is longer than 6 characters (Importer SOPInvCode)", "acInvoiceTo");
    }
    props.put("acInvoiceTo", record.field(27));
    props.put("acLocation", record.field(28));
    props.put("acCostCentre", record.field(29));
    props.put("acDepartment", record.field(30));
    integer(record.field(31), "acSalesGL").ifPresent(v -> props.put("acSalesGL", v));
    props.put("acAltCode", record.field(32));
    return props;
  }

  // -- TH / TL --------------------------------------------------------------------------------------

  private boolean storeTransaction(String fileName, Record header, List<Record> lines) {
    String key = header.field(5);
    ToolkitResult result;
    Record culprit = header;
    try {
      Map<String, Object> props = transactionProperties(header);
      List<Map<String, Object>> lineProps = new ArrayList<>();
      for (Record line : lines) {
        culprit = line;
        lineProps.add(lineProperties(line));
      }
      culprit = header;
      props.put("lines", lineProps);
      result = engine.call(connection -> engine.documents.add(connection, props, Set.of("SQU", "SOR"), OPERATOR,
          engine.now()));
    } catch (Failure failure) {
      result = failure.result();
    }
    if (result.ok()) {
      return true;
    }
    if (result.line().isPresent() && result.line().getAsInt() <= lines.size()) {
      culprit = lines.get(result.line().getAsInt() - 1);
    }
    log(fileName, culprit, culprit == header ? "TH" : "TL", key, result);
    return false;
  }

  private static Map<String, Object> transactionProperties(Record record) {
    if (record.fields().size() > TH_FIELDS) {
      throw Failure.of(-102, "TH record has " + record.fields().size() + " fields, expected " + TH_FIELDS);
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("thDocType", record.field(1).trim());
    props.put("thAcCode", record.field(2).trim());
    String ourRef = record.field(3).trim();
    if (!ourRef.isEmpty() && (ourRef.length() < 6 || !ourRef.substring(ourRef.length() - 6).chars().allMatch(Character::isDigit))) {
      throw Failure.of(30120, "Invalid OurRef " + ourRef + ": the last 6 characters must be numeric", "thOurRef");
    }
    if (record.field(4).length() > 10) {
      throw Failure.of(-100, "thYourRef is longer than 10 characters (Importer YourRef)", "thYourRef");
    }
    putIfPresent(props, "thYourRef", record.field(4));
    putIfPresent(props, "thLongYourRef", record.field(5));
    date(record.field(6), 30203, "thTransDate").ifPresent(v -> props.put("thTransDate", v));
    date(record.field(7), 30238, "thDueDate").ifPresent(v -> props.put("thDueDate", v));
    integer(record.field(8), "thCurrency").ifPresent(v -> props.put("thCurrency", v));
    List<String> delivery = List.of(record.field(9), record.field(10), record.field(11), record.field(12),
        record.field(13));
    if (delivery.stream().anyMatch(line -> !line.isBlank())) {
      props.put("thDelAddress", delivery);
    }
    putIfPresent(props, "thDeliveryPostCode", record.field(14));
    integer(record.field(15), "thHoldFlag").ifPresent(v -> props.put("thHoldFlag", v));
    return props;
  }

  private static Map<String, Object> lineProperties(Record record) {
    if (record.fields().size() > TL_FIELDS) {
      throw Failure.of(-102, "TL record has " + record.fields().size() + " fields, expected " + TL_FIELDS);
    }
    Map<String, Object> props = new LinkedHashMap<>();
    putIfPresent(props, "tlStockCode", record.field(1).trim());
    Optional<Double> quantity = number(record.field(2), "tlQty");
    if (quantity.isEmpty()) {
      throw Failure.of(-101, "TL Qty is required", "tlQty");
    }
    props.put("tlQty", quantity.get());
    number(record.field(3), "tlNetValue").ifPresent(v -> props.put("tlNetValue", v));
    if (record.field(4).length() > 55) {
      throw Failure.of(-100, "tlDescr is longer than 55 characters", "tlDescr");
    }
    putIfPresent(props, "tlDescr", record.field(4));
    putIfPresent(props, "tlLocation", record.field(5).trim());
    putIfPresent(props, "tlVATCode", record.field(6).trim());
    number(record.field(7), "tlDiscount").ifPresent(v -> props.put("tlDiscount", v));
    putIfPresent(props, "tlDiscFlag", record.field(8).trim());
    integer(record.field(9), "tlGLCode").ifPresent(v -> props.put("tlGLCode", v));
    putIfPresent(props, "tlCostCentre", record.field(10).trim());
    putIfPresent(props, "tlDepartment", record.field(11).trim());
    putIfPresent(props, "tlJobCode", record.field(12).trim());
    date(record.field(13), 30203, "tlLineDate").ifPresent(v -> props.put("tlLineDate", v));
    return props;
  }

  private static void putIfPresent(Map<String, Object> props, String name, String value) {
    if (!value.isEmpty()) {
      props.put(name, value);
    }
  }

  private static Optional<Integer> integer(String raw, String field) {
    String text = raw.trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      throw Failure.of(-102, field + " is not a whole number: " + text, field);
    }
  }

  private static Optional<Double> number(String raw, String field) {
    String text = raw.trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (!text.matches("-?\\d+(\\.\\d+)?")) {
      throw Failure.of(-102, field + " is not a number with a '.' decimal point: " + text, field);
    }
    return Optional.of(Double.parseDouble(text));
  }

  private static Optional<String> date(String raw, int code, String field) {
    String text = raw.trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Encodings.parseUkDate(text).map(Encodings::date)
        .orElseThrow(() -> Failure.of(code, "Invalid date " + text + " (expected dd/mm/yyyy)", field)));
  }

  // -- file format ----------------------------------------------------------------------------------

  /** Splits the text into records: comma separated, {@code ""}-escaped quotes, CR/LF inside quotes. */
  static List<Record> parse(String text) {
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int number = 1;
    int i = 0;
    int length = text.length();
    boolean fieldStarted = false;
    String malformed = null;
    while (i < length) {
      char c = text.charAt(i);
      if (!fieldStarted && c == '"') {
        fieldStarted = true;
        int opened = i;
        i++;
        boolean closed = false;
        while (i < length) {
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < length && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          field.append(q);
          i++;
        }
        if (!closed) {
          // Without a closing quote the field would swallow the rest of the file: end the broken
          // record at the end of the line the quote opened on and carry on from there.
          malformed = "Unterminated quoted field";
          int lineEnd = opened;
          while (lineEnd < length && text.charAt(lineEnd) != '\r' && text.charAt(lineEnd) != '\n') {
            lineEnd++;
          }
          i = lineEnd;
        } else if (i < length && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
          malformed = malformed == null ? "Characters after a closing quote" : malformed;
          while (i < length && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
            field.append(text.charAt(i++));
          }
        }
        continue;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
        i++;
        continue;
      }
      if (c == '\r' || c == '\n') {
        fields.add(field.toString());
        records.add(new Record(number++, List.copyOf(fields), malformed));
        fields.clear();
        field.setLength(0);
        fieldStarted = false;
        malformed = null;
        i += (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') ? 2 : 1;
        continue;
      }
      if (c == '"') {
        malformed = malformed == null ? "Quote inside an unquoted field" : malformed;
      }
      fieldStarted = true;
      field.append(c);
      i++;
    }
    if (fieldStarted || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(new Record(number, List.copyOf(fields), malformed));
    }
    return records;
  }

  private void log(String fileName, Record record, String type, String key, ToolkitResult result) {
    String line = String.join("|", engine.now().format(LOG_TIME), fileName, String.valueOf(record.number()), type,
        key, String.valueOf(result.result()), clean(messageOf(result))) + "\r\n";
    try (Writer out = Files.newBufferedWriter(logFile(), Encodings.CP1252, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      out.write(line);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to " + logFile(), e);
    }
  }

  private static String messageOf(ToolkitResult result) {
    StringBuilder text = new StringBuilder(result.message());
    result.field().ifPresent(field -> text.append(" [").append(field).append(']'));
    return text.toString();
  }

  private static String clean(String text) {
    String out = text.replace('|', '/').replace('\r', ' ').replace('\n', ' ');
    return Encodings.CP1252.newEncoder().canEncode(out) ? out : out.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
