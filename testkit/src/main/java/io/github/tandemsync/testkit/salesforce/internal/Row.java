package io.github.tandemsync.testkit.salesforce.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stored record. Values are keyed by the field's API name and hold {@code String}, {@code
 * BigDecimal}, {@code Boolean}, {@code LocalDate}, {@code Instant} or null. Guarded by the org lock.
 */
public final class Row {
  final String id;
  final SObjectType type;
  final Map<String, @Nullable Object> values;
  boolean deleted;
  @Nullable Instant deletedAt;
  /** The record whose deletion cascaded to this one (restored together on undelete). */
  @Nullable String deletedWith;
  /** {@code Sforce-Call-Options} client of the last API write, or null. */
  @Nullable String lastClient;
  /** CDC-style change origin of the last write, or null for UI/system writes. */
  @Nullable String lastOrigin;

  Row(String id, SObjectType type) {
    this.id = id;
    this.type = type;
    this.values = new HashMap<>();
  }

  private Row(Row other) {
    this.id = other.id;
    this.type = other.type;
    this.values = new HashMap<>(other.values);
    this.deleted = other.deleted;
    this.deletedAt = other.deletedAt;
    this.deletedWith = other.deletedWith;
    this.lastClient = other.lastClient;
    this.lastOrigin = other.lastOrigin;
  }

  /** A detached copy (for undo logs and snapshots). */
  Row copy() {
    return new Row(this);
  }

  /** Restores this row's state from a copy of itself. */
  void restore(Row copy) {
    values.clear();
    values.putAll(copy.values);
    deleted = copy.deleted;
    deletedAt = copy.deletedAt;
    deletedWith = copy.deletedWith;
    lastClient = copy.lastClient;
    lastOrigin = copy.lastOrigin;
  }

  /** The value of a field by canonical API name. */
  public @Nullable Object get(String fieldName) {
    return values.get(fieldName);
  }

  /** The record id (18 characters). */
  public String id() {
    return id;
  }

  /** The record's type. */
  public SObjectType type() {
    return type;
  }

  /** Whether the record is in the recycle bin. */
  public boolean deleted() {
    return deleted;
  }

  /** The Sforce-Call-Options client of the last API write. */
  public @Nullable String lastClient() {
    return lastClient;
  }

  /** The change origin of the last write. */
  public @Nullable String lastOrigin() {
    return lastOrigin;
  }

  /** The SystemModstamp. */
  public @Nullable Instant systemModstamp() {
    return (Instant) values.get("SystemModstamp");
  }
}
