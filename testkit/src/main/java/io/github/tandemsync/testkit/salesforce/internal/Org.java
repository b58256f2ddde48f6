package io.github.tandemsync.testkit.salesforce.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One org: schema, records, users and the single lock every read and write holds. The lock keeps
 * the in-memory data consistent; it is held only while data is touched, never during latency or I/O.
 */
public final class Org {
  /** The user whose edits {@code data()} simulates (a person in the Lightning UI). */
  static final String UI_USERNAME = "admin@sandbox.tandem.example";
  /** The run-as user when a flow names none. */
  static final String DEFAULT_INTEGRATION_USERNAME = "integration@sandbox.tandem.example";

  final SandboxConfig config;
  final Schema schema;
  final RecordStore store = new RecordStore();
  final Ids.Generator ids;
  // Identity fields are replaced once when a saved org is restored (before the server starts).
  volatile String orgId;
  volatile Instant createdAt;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, String> usersByName = new HashMap<>();
  /** Start of the complete delete log; moves forward when the log is purged. */
  Instant deleteLogStart;
  volatile String uiUserId;
  volatile String standardPricebookId;
  final WriteEngine writes;
  /** Committed store changes right after the bootstrap, and users created since. */
  private final long bootstrapChanges;
  private long usersCreated;

  public Org(SandboxConfig config) {
    this.config = config;
    this.ids = new Ids.Generator(config.seed());
    this.schema = StandardSchema.create();
    MetadataDeployer deployer = new MetadataDeployer(schema);
    config.metadataDirs().forEach(deployer::deploy);
    config.currencies().ifPresent(currencies -> StandardSchema.addCurrencyFields(schema, currencies));
    this.orgId = Ids.to18("00D" + ids.token(12));
    this.createdAt = now();
    this.deleteLogStart = createdAt.truncatedTo(ChronoUnit.MINUTES);
    this.writes = new WriteEngine(this);
    this.uiUserId = ensureUser(UI_USERNAME);
    ensureUser(DEFAULT_INTEGRATION_USERNAME);
    this.standardPricebookId = transaction(() -> writes.systemInsert("Pricebook2",
        Map.of("Name", "Standard Price Book", "IsActive", Boolean.TRUE, "IsStandard", Boolean.TRUE), uiUserId));
    this.bootstrapChanges = store.changes();
    this.usersCreated = 0;
  }

  /**
   * Whether records were written since the org was created, other than users created by credential
   * registrations (call under the lock). A restore would silently drop such records.
   */
  boolean recordsWrittenSinceBootstrap() {
    return store.changes() - bootstrapChanges - usersCreated > 0;
  }

  /** Rebuilds the username index from the User records (call under the lock, after a restore). */
  void reindexUsers() {
    usersByName.clear();
    schema.type("User").ifPresent(type -> {
      for (Row row : store.rows(type)) {
        Object username = row.values.get("Username");
        if (username != null) {
          usersByName.put(username.toString().toLowerCase(Locale.ROOT), row.id);
        }
      }
    });
  }

  /** The org clock's current instant, in milliseconds (Salesforce stores milliseconds). */
  public Instant now() {
    return config.clock().instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The org's clock. */
  public Clock clock() {
    return config.clock();
  }

  /** The currencies of a multi-currency org; empty for a single-currency org. */
  public Optional<OrgCurrencies> currencies() {
    return config.currencies();
  }

  /** The org id (18 characters). */
  public String orgId() {
    return orgId;
  }

  /** The schema. */
  public Schema schema() {
    return schema;
  }

  /** Runs under the org lock. */
  public <T> T locked(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /** Runs under the org lock. */
  public void locked(Runnable work) {
    lock.lock();
    try {
      work.run();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs a unit of work as one transaction: if it throws, every change it made is undone. Nested
   * calls are savepoints of the enclosing transaction.
   */
  public <T> T transaction(Supplier<T> work) {
    lock.lock();
    try {
      int mark = store.begin();
      try {
        return work.get();
      } catch (RuntimeException e) {
        store.rollbackTo(mark);
        throw e;
      } finally {
        store.end();
      }
    } finally {
      lock.unlock();
    }
  }

  /** A savepoint inside the current transaction (call under the lock, inside {@link #transaction}). */
  public int savepoint() {
    return store.mark();
  }

  /** Undoes the current transaction's changes after a savepoint. */
  public void rollbackTo(int savepoint) {
    store.rollbackTo(savepoint);
  }

  /** The id of a user, creating an active user with that username when needed. */
  public String ensureUser(String username) {
    return transaction(() -> {
      String key = username.toLowerCase(Locale.ROOT);
      String existing = usersByName.get(key);
      if (existing != null) {
        return existing;
      }
      String local = username.contains("@") ? username.substring(0, username.indexOf('@')) : username;
      Map<String, Object> values = new HashMap<>();
      values.put("Username", username);
      values.put("LastName", local);
      values.put("Email", username.contains("@") ? username : username + "@sandbox.tandem.example");
      values.put("Alias", local.length() > 8 ? local.substring(0, 8) : local);
      values.put("IsActive", Boolean.TRUE);
      String id = writes.systemInsert("User", values, null);
      usersByName.put(key, id);
      usersCreated++;
      return id;
    });
  }

  /** The id of an existing user. */
  public Optional<String> userId(String username) {
    return locked(() -> Optional.ofNullable(usersByName.get(username.toLowerCase(Locale.ROOT))));
  }

  /** The writer used by every API surface. */
  WriteEngine writes() {
    return writes;
  }

  /** The record store (call under the lock). */
  public RecordStore store() {
    return store;
  }

  /** A live or deleted row by any id form, or null. */
  public @Nullable Row row(String id) {
    String id18 = Ids.normalize(id);
    return id18 == null ? null : store.get(id18);
  }

  /** Ids and random tokens. */
  public Ids.Generator ids() {
    return ids;
  }

  /** The configuration. */
  public SandboxConfig config() {
    return config;
  }

  /** The UI user id. */
  public String uiUserId() {
    return uiUserId;
  }

  /** Start of the complete delete log. */
  public Instant deleteLogStart() {
    return deleteLogStart;
  }

  /** Hides or shows a field for the integration user (call under the lock). */
  public void setHidden(String typeName, String fieldName, boolean hidden) {
    if (hidden) {
      schema.hide(typeName, fieldName);
    } else {
      schema.show(typeName, fieldName);
    }
  }

  /** Records stay in the recycle bin for 15 days, then Salesforce purges them (call under the lock). */
  public void purgeExpiredRecycleBin() {
    Instant cutoff = now().minus(java.time.Duration.ofDays(15));
    for (SObjectType type : schema.types()) {
      for (Row row : java.util.List.copyOf(store.rows(type))) {
        if (row.deleted && row.deletedAt != null && row.deletedAt.isBefore(cutoff)) {
          store.purge(row);
        }
      }
    }
  }

  /** Moves the start of the delete log (call under the lock). */
  public void purgeDeleteLog(Instant before) {
    store.purgeDeleteLog(before);
    Instant start = before.truncatedTo(ChronoUnit.MINUTES);
    if (start.isAfter(deleteLogStart)) {
      deleteLogStart = start;
    }
  }
}
