package io.github.tandemsync.testkit.exchequer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** EXCHQNUM document counters and header folio numbers, as the Toolkit assigns them at Save. */
final class Counters {
  private final ToolkitEngine engine;

  Counters(ToolkitEngine engine) {
    this.engine = engine;
  }

  /** Takes the next OurRef of a document type and advances the counter. */
  String nextOurRef(Connection connection, String type) throws SQLException {
    Db db = engine.db;
    Optional<Map<String, Object>> row = Db.first(connection,
        "SELECT PositionId, ssNextCount FROM " + db.table("EXCHQNUM") + " WHERE RTRIM(ssCountType) = ?", type);
    int positionId;
    int next;
    if (row.isEmpty()) {
      positionId = db.insert(connection, "EXCHQNUM", Map.of("ssCountType", type, "ssNextCount_size", 4, "ssNextCount", 1));
      next = 1;
    } else {
      positionId = Db.integer(row.get(), "PositionId");
      next = Math.max(1, Db.integer(row.get(), "ssNextCount"));
    }
    while (true) {
      if (next > OurRefFormat.MAX_COUNTER) {
        throw Failure.of(31001, "Unable to obtain the next " + type + " number: counter exhausted");
      }
      String ourRef = OurRefFormat.format(type, next);
      boolean taken = Db.first(connection,
          "SELECT PositionId FROM " + db.table("DOCUMENT") + " WHERE thOurRef = ?", ourRef).isPresent();
      if (!taken) {
        Db.update(connection, "UPDATE " + db.table("EXCHQNUM") + " SET ssNextCount = ? WHERE PositionId = ?",
            next + 1, positionId);
        return ourRef;
      }
      next++;
    }
  }

  int nextFolio(Connection connection) throws SQLException {
    return Db.first(connection, "SELECT COALESCE(MAX(thFolioNum), 0) + 1 AS f FROM " + engine.db.table("DOCUMENT"))
        .map(row -> Db.integer(row, "f"))
        .orElse(1);
  }

  void setNext(Connection connection, String type, int next) throws SQLException {
    if (next < 1 || next > OurRefFormat.MAX_COUNTER) {
      throw new IllegalArgumentException("counter must be 1.." + OurRefFormat.MAX_COUNTER + ": " + next);
    }
    int updated = Db.update(connection,
        "UPDATE " + engine.db.table("EXCHQNUM") + " SET ssNextCount = ? WHERE RTRIM(ssCountType) = ?", next, type);
    if (updated == 0) {
      engine.db.insert(connection, "EXCHQNUM", Map.of("ssCountType", type, "ssNextCount_size", 4, "ssNextCount", next));
    }
  }
}
