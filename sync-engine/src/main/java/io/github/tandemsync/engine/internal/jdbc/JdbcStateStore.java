package io.github.tandemsync.engine.internal.jdbc;

import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.engine.state.Side;
import io.github.tandemsync.engine.state.InboxEntry;
import io.github.tandemsync.engine.state.Intent;
import io.github.tandemsync.engine.state.Lease;
import io.github.tandemsync.engine.state.LeaseLostException;
import io.github.tandemsync.engine.state.LinkRecord;
import io.github.tandemsync.engine.state.QuarantineEntry;
import io.github.tandemsync.engine.state.SideState;
import io.github.tandemsync.engine.state.StagedChange;
import io.github.tandemsync.engine.state.StateChanges;
import io.github.tandemsync.engine.state.StateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StateStore} in a relational database; the {@link Dialect} covers what differs between
 * SQLite and PostgreSQL. Every commit and lease change is one write transaction that first reads
 * (and, on PostgreSQL, row-locks) the flow's lease row, so the fencing check and the writes it
 * guards are atomic: a take-over cannot slip in between them.
 *
 * <p>Semantics follow the in-memory reference store exactly; see {@code StateStoreContract}.
 */
final class JdbcStateStore implements StateStore {

  private static final String INBOX_COLUMNS =
      "seq, side, native_id, kind, value_json, source_time, source_version, origin, attempts, last_error, staged_at";
  private static final String LINK_COLUMNS =
      "left_id, left_snapshot, left_hash, left_source_time, left_deleted,"
          + " right_id, right_snapshot, right_hash, right_source_time, right_deleted, updated_at";
  private static final String QUARANTINE_COLUMNS =
      "source_side, source_id, target_id, change_side, change_native_id, change_kind, change_value_json,"
          + " change_source_time, change_source_version, change_origin, code, message, field, attempts, quarantined_at";

  private final Dialect dialect;
  private final Connections connections;

  private final String selectLease;
  private final String insertLease;
  private final String updateLease;

  private final String selectWatermark;
  private final String upsertWatermark;

  private final String deleteInboxRecord;
  private final String insertInbox;
  private final String unstage;
  private final String defer;
  private final String selectInboxPage;
  private final String selectInboxRecord;
  private final String countInbox;

  private final String deleteLinkByLeft;
  private final String deleteLinkByRight;
  private final String insertLink;
  private final String selectLinkByLeft;
  private final String selectLinkByRight;
  private final String selectLinksByLeft;
  private final String selectLinksByRight;

  private final String upsertIntent;
  private final String deleteIntent;
  private final String selectIntent;

  private final String deleteQuarantined;
  private final String insertQuarantined;
  private final String selectQuarantinePage;
  private final String selectQuarantined;
  private final String countQuarantine;

  private volatile boolean closed;

  private JdbcStateStore(Dialect dialect, Connections connections) {
    this.dialect = dialect;
    this.connections = connections;
    String lease = dialect.table("tandem_lease");
    String watermark = dialect.table("tandem_watermark");
    String inbox = dialect.table("tandem_inbox");
    String link = dialect.table("tandem_link");
    String intent = dialect.table("tandem_intent");
    String quarantine = dialect.table("tandem_quarantine");

    selectLease = "SELECT owner, token, expires_at FROM " + lease + " WHERE flow = ?" + dialect.lockRows();
    insertLease = "INSERT INTO " + lease + " (flow, owner, token, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (flow) DO NOTHING";
    updateLease = "UPDATE " + lease + " SET owner = ?, token = ?, expires_at = ? WHERE flow = ?";

    selectWatermark = "SELECT value FROM " + watermark + " WHERE flow = ? AND stream = ?";
    upsertWatermark = "INSERT INTO " + watermark + " (flow, stream, value) VALUES (?, ?, ?)"
        + " ON CONFLICT (flow, stream) DO UPDATE SET value = excluded.value";

    deleteInboxRecord = "DELETE FROM " + inbox + " WHERE flow = ? AND side = ? AND native_id = ?";
    insertInbox = "INSERT INTO " + inbox + " (flow, side, native_id, kind, value_json, source_time, source_version,"
        + " origin, attempts, last_error, staged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?)";
    unstage = deleteInboxRecord + " AND (? < 0 OR seq = ?)";
    defer = "UPDATE " + inbox + " SET attempts = attempts + 1, last_error = ?"
        + " WHERE flow = ? AND side = ? AND native_id = ? AND (? < 0 OR seq = ?)";
    selectInboxPage = "SELECT " + INBOX_COLUMNS + " FROM " + inbox + " WHERE flow = ? AND seq > ? ORDER BY seq LIMIT ?";
    selectInboxRecord = "SELECT " + INBOX_COLUMNS + " FROM " + inbox + " WHERE flow = ? AND side = ? AND native_id = ?";
    countInbox = "SELECT COUNT(*) FROM " + inbox + " WHERE flow = ?";

    deleteLinkByLeft = "DELETE FROM " + link + " WHERE flow = ? AND left_id = ?";
    deleteLinkByRight = "DELETE FROM " + link + " WHERE flow = ? AND right_id = ?";
    insertLink = "INSERT INTO " + link + " (flow, " + LINK_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    selectLinkByLeft = "SELECT " + LINK_COLUMNS + " FROM " + link + " WHERE flow = ? AND left_id = ?";
    selectLinkByRight = "SELECT " + LINK_COLUMNS + " FROM " + link + " WHERE flow = ? AND right_id = ?";
    selectLinksByLeft = "SELECT " + LINK_COLUMNS + " FROM " + link + " WHERE flow = ? AND left_id > ? ORDER BY left_id LIMIT ?";
    selectLinksByRight = "SELECT " + LINK_COLUMNS + " FROM " + link + " WHERE flow = ? AND right_id > ? ORDER BY right_id LIMIT ?";

    upsertIntent = "INSERT INTO " + intent + " (flow, target, source_id, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?)"
        + " ON CONFLICT (flow, target, source_id) DO UPDATE"
        + " SET idempotency_key = excluded.idempotency_key, created_at = excluded.created_at";
    deleteIntent = "DELETE FROM " + intent + " WHERE flow = ? AND target = ? AND source_id = ?";
    selectIntent = "SELECT idempotency_key, created_at FROM " + intent + " WHERE flow = ? AND target = ? AND source_id = ?";

    deleteQuarantined = "DELETE FROM " + quarantine + " WHERE flow = ? AND source_side = ? AND source_id = ?";
    insertQuarantined = "INSERT INTO " + quarantine + " (flow, " + QUARANTINE_COLUMNS + ")"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    selectQuarantinePage = "SELECT " + QUARANTINE_COLUMNS + " FROM " + quarantine + " WHERE flow = ? ORDER BY seq LIMIT ? OFFSET ?";
    selectQuarantined = "SELECT " + QUARANTINE_COLUMNS + " FROM " + quarantine
        + " WHERE flow = ? AND source_side = ? AND source_id = ?";
    countQuarantine = "SELECT COUNT(*) FROM " + quarantine + " WHERE flow = ?";
  }

  /** Migrates the schema to the current version and opens the store; closes the connections if that fails. */
  static JdbcStateStore open(Dialect dialect, Connections connections) {
    try {
      Migrations.migrate(dialect, connections);
      return new JdbcStateStore(dialect, connections);
    } catch (RuntimeException e) {
      connections.close();
      throw e;
    }
  }

  // ---- leases ----

  /** The lease row as stored. */
  private record LeaseRow(String owner, long token, Instant expiresAt) {}

  @Override
  public Optional<Lease> acquireLease(String flow, String owner, Duration ttl) {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(ttl, "ttl");
    OperationChecks.text(flow, "lease", flow, "flow");
    OperationChecks.text(flow, "lease", owner, "owner");
    ensureOpen();
    return connections.write("acquire the lease of flow '" + flow + "'", connection -> {
      LeaseRow current = lockLease(connection, flow);
      Instant now = dialect.now(connection);
      if (current == null) {
        Instant expiresAt = dialect.leaseTime(now.plus(ttl));
        if (insertLease(connection, flow, owner, expiresAt)) {
          return Optional.of(new Lease(flow, owner, 1, expiresAt));
        }
        // another node created the row since our select; it is committed now, read it locked
        current = lockLease(connection, flow);
        now = dialect.now(connection);
        if (current == null) {
          throw new IllegalStateException("the lease row of flow '" + flow + "' vanished");
        }
      }
      long token;
      if (current.owner().equals(owner) && current.expiresAt().isAfter(now)) {
        token = current.token(); // still held: an extension, not a new holder
      } else if (!current.expiresAt().isAfter(now)) {
        token = current.token() + 1; // take-over: fence the previous holder out
      } else {
        return Optional.<Lease>empty();
      }
      Instant expiresAt = dialect.leaseTime(now.plus(ttl));
      updateLease(connection, flow, owner, token, expiresAt);
      return Optional.of(new Lease(flow, owner, token, expiresAt));
    });
  }

  @Override
  public Optional<Lease> renewLease(Lease lease, Duration ttl) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(ttl, "ttl");
    if (OperationChecks.hasNul(lease.flow()) || OperationChecks.hasNul(lease.owner())) {
      return Optional.empty(); // such a lease was never granted
    }
    ensureOpen();
    return connections.write("renew the lease of flow '" + lease.flow() + "'", connection -> {
      LeaseRow current = lockLease(connection, lease.flow());
      if (!holds(current, lease)) {
        return Optional.<Lease>empty();
      }
      Instant expiresAt = dialect.leaseTime(dialect.now(connection).plus(ttl));
      updateLease(connection, lease.flow(), lease.owner(), lease.token(), expiresAt);
      return Optional.of(new Lease(lease.flow(), lease.owner(), lease.token(), expiresAt));
    });
  }

  @Override
  public void releaseLease(Lease lease) {
    Objects.requireNonNull(lease, "lease");
    if (OperationChecks.hasNul(lease.flow()) || OperationChecks.hasNul(lease.owner())) {
      return;
    }
    ensureOpen();
    connections.write("release the lease of flow '" + lease.flow() + "'", connection -> {
      if (holds(lockLease(connection, lease.flow()), lease)) {
        // expired at once, but the token stays so the next holder's token is higher
        updateLease(connection, lease.flow(), lease.owner(), lease.token(), Instant.EPOCH);
      }
      return null;
    });
  }

  private static boolean holds(@Nullable LeaseRow current, Lease lease) {
    return current != null && current.token() == lease.token() && current.owner().equals(lease.owner());
  }

  private @Nullable LeaseRow lockLease(Connection connection, String flow) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(selectLease)) {
      select.setString(1, flow);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? new LeaseRow(row.getString(1), row.getLong(2), dialect.getLeaseTime(row, 3)) : null;
      }
    }
  }

  private boolean insertLease(Connection connection, String flow, String owner, Instant expiresAt) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertLease)) {
      insert.setString(1, flow);
      insert.setString(2, owner);
      insert.setLong(3, 1);
      dialect.setLeaseTime(insert, 4, expiresAt);
      return insert.executeUpdate() == 1;
    }
  }

  private void updateLease(Connection connection, String flow, String owner, long token, Instant expiresAt)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(updateLease)) {
      update.setString(1, owner);
      update.setLong(2, token);
      dialect.setLeaseTime(update, 3, expiresAt);
      update.setString(4, flow);
      update.executeUpdate();
    }
  }

  // ---- commit ----

  @Override
  public void commit(Lease lease, StateChanges changes) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(changes, "changes");
    // bad operations are refused before the database is touched: nothing applied, a clear message
    OperationChecks.check(changes);
    ensureOpen();
    String flow = changes.flow();
    connections.write("commit to flow '" + flow + "'", connection -> {
      LeaseRow current = lockLease(connection, flow);
      if (!lease.flow().equals(flow) || !holds(current, lease)) {
        throw new LeaseLostException("lease of flow '" + flow + "' (token " + lease.token() + ", owner "
            + lease.owner() + ") is no longer current; commit rejected");
      }
      Instant now = dialect.now(connection);
      try (Statements statements = new Statements(connection)) {
        for (StateChanges.Operation operation : changes.operations()) {
          apply(statements, flow, operation, now);
        }
      }
      return null;
    });
  }

  private void apply(Statements statements, String flow, StateChanges.Operation operation, Instant now)
      throws SQLException {
    if (operation instanceof StateChanges.PutWatermark put) {
      PreparedStatement upsert = statements.get(upsertWatermark);
      upsert.setString(1, flow);
      upsert.setString(2, put.stream());
      upsert.setString(3, put.watermark().value());
      upsert.executeUpdate();
    } else if (operation instanceof StateChanges.Stage stage) {
      StagedChange change = stage.change();
      PreparedStatement delete = statements.get(deleteInboxRecord);
      delete.setString(1, flow);
      delete.setString(2, change.side().name());
      delete.setString(3, change.nativeId());
      delete.executeUpdate();
      PreparedStatement insert = statements.get(insertInbox);
      insert.setString(1, flow);
      insert.setString(2, change.side().name());
      insert.setString(3, change.nativeId());
      insert.setString(4, change.kind().name());
      insert.setString(5, change.valueJson().orElse(null));
      insert.setString(6, text(change.sourceTime()));
      insert.setString(7, change.sourceVersion().orElse(null));
      insert.setString(8, change.origin().orElse(null));
      insert.setString(9, now.toString());
      insert.executeUpdate();
    } else if (operation instanceof StateChanges.Unstage remove) {
      PreparedStatement delete = statements.get(unstage);
      delete.setString(1, flow);
      delete.setString(2, remove.side().name());
      delete.setString(3, remove.nativeId());
      delete.setLong(4, remove.seq());
      delete.setLong(5, remove.seq());
      delete.executeUpdate();
    } else if (operation instanceof StateChanges.Defer later) {
      PreparedStatement update = statements.get(defer);
      update.setString(1, later.error());
      update.setString(2, flow);
      update.setString(3, later.side().name());
      update.setString(4, later.nativeId());
      update.setLong(5, later.seq());
      update.setLong(6, later.seq());
      update.executeUpdate();
    } else if (operation instanceof StateChanges.PutLink put) {
      LinkRecord link = put.link();
      // a native id takes part in at most one link: drop whatever either id was linked in
      deleteLink(statements, flow, Side.LEFT, link.left().nativeId());
      deleteLink(statements, flow, Side.RIGHT, link.right().nativeId());
      PreparedStatement insert = statements.get(insertLink);
      insert.setString(1, flow);
      setSide(insert, 2, link.left());
      setSide(insert, 7, link.right());
      insert.setString(12, link.updatedAt().toString());
      insert.executeUpdate();
    } else if (operation instanceof StateChanges.RemoveLink remove) {
      deleteLink(statements, flow, remove.side(), remove.nativeId());
    } else if (operation instanceof StateChanges.PutIntent put) {
      Intent intent = put.intent();
      PreparedStatement upsert = statements.get(upsertIntent);
      upsert.setString(1, flow);
      upsert.setString(2, intent.target().name());
      upsert.setString(3, intent.sourceId());
      upsert.setString(4, intent.idempotencyKey());
      upsert.setString(5, intent.createdAt().toString());
      upsert.executeUpdate();
    } else if (operation instanceof StateChanges.RemoveIntent remove) {
      PreparedStatement delete = statements.get(deleteIntent);
      delete.setString(1, flow);
      delete.setString(2, remove.target().name());
      delete.setString(3, remove.sourceId());
      delete.executeUpdate();
    } else if (operation instanceof StateChanges.Quarantine park) {
      QuarantineEntry entry = park.entry();
      // delete and insert rather than update: the entry moves to the end of the order
      deleteQuarantined(statements, flow, entry.sourceSide(), entry.sourceId());
      insertQuarantined(statements.get(insertQuarantined), flow, entry);
    } else if (operation instanceof StateChanges.Release release) {
      deleteQuarantined(statements, flow, release.sourceSide(), release.sourceId());
    } else {
      throw new IllegalStateException("unknown state operation " + operation.getClass().getName());
    }
  }

  private void deleteLink(Statements statements, String flow, Side side, String nativeId) throws SQLException {
    PreparedStatement delete = statements.get(side == Side.LEFT ? deleteLinkByLeft : deleteLinkByRight);
    delete.setString(1, flow);
    delete.setString(2, nativeId);
    delete.executeUpdate();
  }

  private static void setSide(PreparedStatement statement, int first, SideState side) throws SQLException {
    statement.setString(first, side.nativeId());
    statement.setString(first + 1, side.snapshot());
    statement.setString(first + 2, side.hash());
    statement.setString(first + 3, text(side.sourceTime()));
    statement.setBoolean(first + 4, side.deleted());
  }

  private void deleteQuarantined(Statements statements, String flow, Side side, String sourceId) throws SQLException {
    PreparedStatement delete = statements.get(deleteQuarantined);
    delete.setString(1, flow);
    delete.setString(2, side.name());
    delete.setString(3, sourceId);
    delete.executeUpdate();
  }

  private static void insertQuarantined(PreparedStatement insert, String flow, QuarantineEntry entry) throws SQLException {
    insert.setString(1, flow);
    insert.setString(2, entry.sourceSide().name());
    insert.setString(3, entry.sourceId());
    insert.setString(4, entry.targetId().orElse(null));
    StagedChange change = entry.change().orElse(null);
    insert.setString(5, change == null ? null : change.side().name());
    insert.setString(6, change == null ? null : change.nativeId());
    insert.setString(7, change == null ? null : change.kind().name());
    insert.setString(8, change == null ? null : change.valueJson().orElse(null));
    insert.setString(9, change == null ? null : text(change.sourceTime()));
    insert.setString(10, change == null ? null : change.sourceVersion().orElse(null));
    insert.setString(11, change == null ? null : change.origin().orElse(null));
    insert.setString(12, entry.code());
    insert.setString(13, entry.message());
    insert.setString(14, entry.field().orElse(null));
    insert.setInt(15, entry.attempts());
    insert.setString(16, entry.quarantinedAt().toString());
    insert.executeUpdate();
  }

  /** The prepared statements of one commit, each prepared once however many operations use it. */
  private static final class Statements implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Statements(Connection connection) {
      this.connection = connection;
    }

    PreparedStatement get(String sql) throws SQLException {
      PreparedStatement statement = prepared.get(sql);
      if (statement == null) {
        statement = connection.prepareStatement(sql);
        prepared.put(sql, statement);
      }
      return statement;
    }

    @Override
    public void close() throws SQLException {
      SQLException first = null;
      for (PreparedStatement statement : prepared.values()) {
        try {
          statement.close();
        } catch (SQLException e) {
          if (first == null) {
            first = e;
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }

  // ---- reads ----

  @Override
  public Optional<Watermark> watermark(String flow, String stream) {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(stream, "stream");
    if (OperationChecks.hasNul(flow) || OperationChecks.hasNul(stream)) {
      return Optional.empty();
    }
    return read("read watermark '" + stream + "' of flow '" + flow + "'", connection -> {
      try (PreparedStatement select = connection.prepareStatement(selectWatermark)) {
        select.setString(1, flow);
        select.setString(2, stream);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(Watermark.of(row.getString(1))) : Optional.<Watermark>empty();
        }
      }
    });
  }

  @Override
  public Optional<LinkRecord> link(String flow, Side side, String nativeId) {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(nativeId, "nativeId");
    if (OperationChecks.hasNul(flow) || OperationChecks.hasNul(nativeId)) {
      return Optional.empty();
    }
    return read("read the link of " + side + " " + nativeId + " in flow '" + flow + "'", connection -> {
      try (PreparedStatement select = connection.prepareStatement(side == Side.LEFT ? selectLinkByLeft : selectLinkByRight)) {
        select.setString(1, flow);
        select.setString(2, nativeId);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(link(flow, row)) : Optional.<LinkRecord>empty();
        }
      }
    });
  }

  @Override
  public List<LinkRecord> links(String flow, Side side, String afterNativeId, int limit) {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(afterNativeId, "afterNativeId");
    if (limit <= 0 || OperationChecks.hasNul(flow)) {
      return List.of();
    }
    OperationChecks.text(flow, "links page", afterNativeId, "afterNativeId");
    return read("read links of flow '" + flow + "'", connection -> {
      try (PreparedStatement select = connection.prepareStatement(side == Side.LEFT ? selectLinksByLeft : selectLinksByRight)) {
        select.setString(1, flow);
        select.setString(2, afterNativeId);
        select.setInt(3, limit);
        try (ResultSet rows = select.executeQuery()) {
          List<LinkRecord> links = new ArrayList<>();
          while (rows.next()) {
            links.add(link(flow, rows));
          }
          return links;
        }
      }
    });
  }

  @Override
  public List<InboxEntry> inbox(String flow, long afterSeq, int limit) {
    Objects.requireNonNull(flow, "flow");
    if (limit <= 0 || OperationChecks.hasNul(flow)) {
      return List.of();
    }
    return read("read the inbox of flow '" + flow + "'", connection -> {
      try (PreparedStatement select = connection.prepareStatement(selectInboxPage)) {
        select.setString(1, flow);
        select.setLong(2, afterSeq);
        select.setInt(3, limit);
        try (ResultSet rows = select.executeQuery()) {
          List<InboxEntry> entries = new ArrayList<>();
          while (rows.next()) {
            entries.add(inboxEntry(flow, rows));
          }
          return entries;
        }
      }
    });
  }

  @Override
  public Optional<InboxEntry> inboxEntry(String flow, Side side, String nativeId) {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(nativeId, "nativeId");
    if (OperationChecks.hasNul(flow) || OperationChecks.hasNul(nativeId)) {
      return Optional.empty();
    }
    return read("read the inbox entry of " + side + " " + nativeId + " in flow '" + flow + "'", connection -> {
      try (PreparedStatement select = connection.prepareStatement(selectInboxRecord)) {
        select.setString(1, flow);
        select.setString(2, side.name());
        select.setString(3, nativeId);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(inboxEntry(flow, row)) : Optional.<InboxEntry>empty();
        }
      }
    });
  }

  @Override
  public long inboxSize(String flow) {
    return count(countInbox, flow, "count the inbox of flow '" + flow + "'");
  }

  @Override
  public Optional<Intent> intent(String flow, Side target, String sourceId) {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(sourceId, "sourceId");
    if (OperationChecks.hasNul(flow) || OperationChecks.hasNul(sourceId)) {
      return Optional.empty();
    }
    return read("read the create intent for " + target + " of " + sourceId + " in flow '" + flow + "'", connection -> {
      try (PreparedStatement select = connection.prepareStatement(selectIntent)) {
        select.setString(1, flow);
        select.setString(2, target.name());
        select.setString(3, sourceId);
        try (ResultSet row = select.executeQuery()) {
          return row.next()
              ? Optional.of(new Intent(flow, target, sourceId, row.getString(1), Instant.parse(row.getString(2))))
              : Optional.<Intent>empty();
        }
      }
    });
  }

  @Override
  public List<QuarantineEntry> quarantine(String flow, int offset, int limit) {
    Objects.requireNonNull(flow, "flow");
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("quarantine page needs offset >= 0 and limit >= 0, got " + offset + ", " + limit);
    }
    if (limit == 0 || OperationChecks.hasNul(flow)) {
      return List.of();
    }
    return read("read the quarantine of flow '" + flow + "'", connection -> {
      try (PreparedStatement select = connection.prepareStatement(selectQuarantinePage)) {
        select.setString(1, flow);
        select.setInt(2, limit);
        select.setInt(3, offset);
        try (ResultSet rows = select.executeQuery()) {
          List<QuarantineEntry> entries = new ArrayList<>();
          while (rows.next()) {
            entries.add(quarantineEntry(flow, rows));
          }
          return entries;
        }
      }
    });
  }

  @Override
  public Optional<QuarantineEntry> quarantined(String flow, Side sourceSide, String sourceId) {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(sourceSide, "sourceSide");
    Objects.requireNonNull(sourceId, "sourceId");
    if (OperationChecks.hasNul(flow) || OperationChecks.hasNul(sourceId)) {
      return Optional.empty();
    }
    return read("read the quarantine entry of " + sourceSide + " " + sourceId + " in flow '" + flow + "'", connection -> {
      try (PreparedStatement select = connection.prepareStatement(selectQuarantined)) {
        select.setString(1, flow);
        select.setString(2, sourceSide.name());
        select.setString(3, sourceId);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(quarantineEntry(flow, row)) : Optional.<QuarantineEntry>empty();
        }
      }
    });
  }

  @Override
  public long quarantineSize(String flow) {
    return count(countQuarantine, flow, "count the quarantine of flow '" + flow + "'");
  }

  private long count(String sql, String flow, String what) {
    Objects.requireNonNull(flow, "flow");
    if (OperationChecks.hasNul(flow)) {
      return 0;
    }
    return read(what, connection -> {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setString(1, flow);
        try (ResultSet row = select.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
    });
  }

  private <T> T read(String what, SqlWork<T> work) {
    ensureOpen();
    return connections.read(what, work);
  }

  // ---- row mapping ----

  private static LinkRecord link(String flow, ResultSet row) throws SQLException {
    return new LinkRecord(flow, sideState(row, 1), sideState(row, 6), Instant.parse(row.getString(11)));
  }

  private static SideState sideState(ResultSet row, int first) throws SQLException {
    return new SideState(row.getString(first), row.getString(first + 1), row.getString(first + 2),
        instant(row.getString(first + 3)), row.getBoolean(first + 4));
  }

  private static InboxEntry inboxEntry(String flow, ResultSet row) throws SQLException {
    StagedChange change = new StagedChange(
        Side.valueOf(row.getString(2)),
        row.getString(3),
        Change.Kind.valueOf(row.getString(4)),
        Optional.ofNullable(row.getString(5)),
        instant(row.getString(6)),
        Optional.ofNullable(row.getString(7)),
        Optional.ofNullable(row.getString(8)));
    return new InboxEntry(flow, row.getLong(1), change, row.getInt(9), Optional.ofNullable(row.getString(10)),
        Instant.parse(row.getString(11)));
  }

  private static QuarantineEntry quarantineEntry(String flow, ResultSet row) throws SQLException {
    String changeSide = row.getString(4);
    Optional<StagedChange> change = changeSide == null
        ? Optional.empty()
        : Optional.of(new StagedChange(
            Side.valueOf(changeSide),
            row.getString(5),
            Change.Kind.valueOf(row.getString(6)),
            Optional.ofNullable(row.getString(7)),
            instant(row.getString(8)),
            Optional.ofNullable(row.getString(9)),
            Optional.ofNullable(row.getString(10))));
    return new QuarantineEntry(
        flow,
        Side.valueOf(row.getString(1)),
        row.getString(2),
        Optional.ofNullable(row.getString(3)),
        change,
        row.getString(11),
        row.getString(12),
        Optional.ofNullable(row.getString(13)),
        row.getInt(14),
        Instant.parse(row.getString(15)));
  }

  private static Optional<Instant> instant(@Nullable String text) {
    return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
  }

  private static @Nullable String text(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }

  // ---- lifecycle ----

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the " + dialect.location() + " state store is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
    connections.close();
  }

  @Override
  public String toString() {
    return "JdbcStateStore[" + dialect.location() + "]";
  }
}
