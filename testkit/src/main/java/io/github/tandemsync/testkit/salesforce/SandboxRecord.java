package io.github.tandemsync.testkit.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A record as stored in the sandbox, for test assertions. Field values are {@code String}, {@code
 * BigDecimal}, {@code Boolean}, {@code LocalDate} or {@code Instant}; empty fields are absent.
 *
 * @param id the 18-character record id
 * @param type the sObject type
 * @param fields field values by API name (case-insensitive lookups through {@link #get(String)})
 * @param deleted whether the record is in the recycle bin
 * @param lastWriterClient the {@code Sforce-Call-Options} client of the last API write; empty when
 *     the last write came from the UI ({@link SandboxData}) or sent no client
 * @param lastChangeOrigin the last write's origin as Change Data Capture reports it, e.g. {@code
 *     com/salesforce/api/rest/65.0;client=tandem}; empty for UI writes
 */
public record SandboxRecord(String id, String type, Map<String, Object> fields, boolean deleted, Optional<String> lastWriterClient,
    Optional<String> lastChangeOrigin) {

  /** Copies the fields into an immutable, case-insensitive map. */
  public SandboxRecord {
    TreeMap<String, Object> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    sorted.putAll(fields);
    fields = java.util.Collections.unmodifiableMap(sorted);
  }

  /** A field value by API name, case-insensitively. */
  public Optional<Object> get(String field) {
    return Optional.ofNullable(fields.get(field));
  }

  /** A text field. */
  public Optional<String> string(String field) {
    return get(field).map(Object::toString);
  }

  /** A numeric field. */
  public Optional<BigDecimal> decimal(String field) {
    return get(field).map(v -> v instanceof BigDecimal d ? d : new BigDecimal(v.toString()));
  }

  /** A datetime field such as {@code SystemModstamp}. */
  public Optional<Instant> instant(String field) {
    return get(field).filter(Instant.class::isInstance).map(Instant.class::cast);
  }

  /** The record's {@code SystemModstamp}. */
  public Instant systemModstamp() {
    return instant("SystemModstamp").orElseThrow(() -> new IllegalStateException(type + " " + id + " has no SystemModstamp"));
  }
}
