package io.github.tandemsync.exchequer.gateway;

import io.github.tandemsync.core.RetryableException;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Tandem handed to the Importer, recovered from the drop folder itself (so it survives
 * restarts): the records in our pending files ({@code TANDEM-*.csv}), in {@code processed/}, and
 * the failures the Importer appended to {@code Importer.log}. Files are immutable once renamed, so
 * each is parsed once; the log is read incrementally.
 */
final class ImporterLedger {
  static final String PREFIX = "TANDEM-";
  static final String PROCESSED = "processed";
  static final String LOG = "Importer.log";

  /**
   * One record we wrote: its idempotency key (AltCode for CU, LongYrRef for TH), the key the
   * Importer logs it under (CustCode for CU, LongYrRef for TH), the file and record number, and a
   * hash of its content.
   */
  record Entry(String type, String key, String logKey, String file, int recordNumber, String hash, Path path) {}

  /** One failure line of Importer.log. */
  record Failure(String file, int recordNumber, String recordType, String key, int code, String message) {}

  private final Path folder;
  private final Map<String, List<Entry>> entries = new HashMap<>();
  private final Map<String, Path> parsed = new HashMap<>();
  private final Map<String, List<Failure>> failures = new HashMap<>();
  private long logOffset;

  ImporterLedger(Path folder) {
    this.folder = folder;
  }

  /** Picks up new files and log lines. */
  synchronized void refresh() {
    try {
      scan(folder, false);
      Path processed = folder.resolve(PROCESSED);
      if (Files.isDirectory(processed)) {
        scan(processed, true);
      }
      readLog();
    } catch (IOException e) {
      throw new RetryableException("cannot read the Importer drop folder " + folder + ": " + e, e);
    }
  }

  private void scan(Path directory, boolean processed) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*.csv")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        Path known = parsed.get(name);
        if (known != null && known.equals(file)) {
          continue;
        }
        if (known != null) {
          // Moved to processed/: same content, new place.
          parsed.put(name, file);
          for (List<Entry> list : entries.values()) {
            list.replaceAll(e -> e.file().equals(name)
                ? new Entry(e.type(), e.key(), e.logKey(), e.file(), e.recordNumber(), e.hash(), file) : e);
          }
          continue;
        }
        String text;
        try {
          text = new String(Files.readAllBytes(file), ImporterCsvFormat.CHARSET);
        } catch (NoSuchFileException movedMeanwhile) {
          continue;
        }
        parsed.put(name, file);
        record(name, file, text);
      }
    }
  }

  /** Indexes the CU and TH records of one of our files. */
  void record(String name, Path file, String text) {
    List<List<String>> records = ImporterCsvFormat.parse(text);
    for (int i = 0; i < records.size(); i++) {
      List<String> record = records.get(i);
      String type = record.isEmpty() ? "" : record.get(0);
      if (type.equals("CU") && record.size() > 1) {
        String altCode = record.get(record.size() - 1);
        Entry entry = new Entry("CU", altCode, record.get(1), name, i + 1, hash(List.of(record)), file);
        add("CU:" + altCode, entry);
        add("CUCODE:" + record.get(1), entry);
      } else if (type.equals("TH") && record.size() > 5) {
        List<List<String>> whole = new ArrayList<>();
        whole.add(record);
        for (int j = i + 1; j < records.size() && records.get(j).get(0).equals("TL"); j++) {
          whole.add(records.get(j));
        }
        add("TH:" + record.get(5), new Entry("TH", record.get(5), record.get(5), name, i + 1, hash(whole), file));
      }
    }
  }

  private void add(String key, Entry entry) {
    entries.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
  }

  private void readLog() throws IOException {
    Path log = folder.resolve(LOG);
    if (!Files.exists(log)) {
      return;
    }
    long size = Files.size(log);
    if (size < logOffset) {
      // The log was rotated or truncated: read it again from the start.
      logOffset = 0;
      failures.clear();
    }
    if (size == logOffset) {
      return;
    }
    byte[] bytes;
    try (SeekableByteChannel channel = Files.newByteChannel(log)) {
      channel.position(logOffset);
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size - logOffset));
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // read until full
      }
      bytes = new byte[buffer.position()];
      buffer.flip();
      buffer.get(bytes);
    }
    // Only complete lines: a line being appended right now is read next time.
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    String text = new String(bytes, 0, end, ImporterCsvFormat.CHARSET);
    logOffset += end;
    for (String line : text.split("\r?\n")) {
      parseLogLine(line).ifPresent(f -> failures.computeIfAbsent(f.recordType().equals("CU") ? "CU:" + f.key()
          : "TH:" + f.key(), k -> new ArrayList<>()).add(f));
    }
  }

  /** {@code yyyy-MM-dd HH:mm:ss|file|record number|record type|key|result code|message}. */
  static Optional<Failure> parseLogLine(String line) {
    String[] parts = line.split("\\|", 7);
    if (parts.length < 7) {
      return Optional.empty();
    }
    try {
      String type = parts[3].strip();
      return Optional.of(new Failure(parts[1].strip(), Integer.parseInt(parts[2].strip()), type, parts[4].strip(),
          Integer.parseInt(parts[5].strip()), parts[6].strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The latest file entry for a key: {@code CU:altCode} (our key), {@code CUCODE:custCode} (any
   * record with that account code) or {@code TH:longYourRef}.
   */
  synchronized Optional<Entry> latest(String key) {
    List<Entry> list = entries.get(key);
    if (list == null || list.isEmpty()) {
      return Optional.empty();
    }
    Entry latest = list.get(0);
    for (Entry entry : list) {
      if (entry.file().compareTo(latest.file()) > 0) {
        latest = entry;
      }
    }
    return Optional.of(latest);
  }

  /** The Importer's failures of {@code entry}'s record in its file, first one first. */
  synchronized List<Failure> failures(Entry entry) {
    List<Failure> found = new ArrayList<>();
    for (Failure failure : failures.getOrDefault(entry.type() + ":" + entry.logKey(), List.of())) {
      if (failure.file().equals(entry.file())) {
        found.add(failure);
      }
    }
    return found;
  }

  /** Whether the entry's file still waits in the drop folder (not yet processed). */
  static boolean isPending(Entry entry) {
    return !entry.path().getParent().getFileName().toString().equals(PROCESSED) && Files.exists(entry.path());
  }

  static Instant modified(Entry entry) {
    try {
      return Files.getLastModifiedTime(entry.path()).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  /** Registers a file we just wrote, without waiting for the next scan. */
  synchronized void wrote(String name, Path file, String text) {
    parsed.put(name, file);
    record(name, file, text);
  }

  static String hash(List<List<String>> records) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (List<String> record : records) {
        digest.update(ImporterCsvFormat.encode(record).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
