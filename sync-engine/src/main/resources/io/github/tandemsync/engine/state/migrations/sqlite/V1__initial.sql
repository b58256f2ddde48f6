-- Tandem state store, SQLite, version 1. Never edit once released: add V2__... instead.
-- Instants are ISO-8601 text (Instant.toString): exact to the nanosecond, readable by operators.
-- Ids compare with the BINARY collation: code point order, the order links() pages in.

CREATE TABLE tandem_lease (
  flow       TEXT    NOT NULL PRIMARY KEY,
  owner      TEXT    NOT NULL,
  token      INTEGER NOT NULL,
  expires_at TEXT    NOT NULL
);

CREATE TABLE tandem_watermark (
  flow   TEXT NOT NULL,
  stream TEXT NOT NULL,
  value  TEXT NOT NULL,
  PRIMARY KEY (flow, stream)
);

CREATE TABLE tandem_link (
  flow              TEXT    NOT NULL,
  left_id           TEXT    NOT NULL,
  left_snapshot     TEXT    NOT NULL,
  left_hash         TEXT    NOT NULL,
  left_source_time  TEXT,
  left_deleted      INTEGER NOT NULL CHECK (left_deleted IN (0, 1)),
  right_id          TEXT    NOT NULL,
  right_snapshot    TEXT    NOT NULL,
  right_hash        TEXT    NOT NULL,
  right_source_time TEXT,
  right_deleted     INTEGER NOT NULL CHECK (right_deleted IN (0, 1)),
  updated_at        TEXT    NOT NULL,
  PRIMARY KEY (flow, left_id)
);

-- each native id takes part in at most one link per flow; also the lookup and paging by right id
CREATE UNIQUE INDEX tandem_link_by_right ON tandem_link (flow, right_id);

-- AUTOINCREMENT: a seq is never handed out twice, even after the newest entry was removed, so a
-- seq-guarded unstage can never hit a newer staging of the same record
CREATE TABLE tandem_inbox (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  flow           TEXT    NOT NULL,
  side           TEXT    NOT NULL CHECK (side IN ('LEFT', 'RIGHT')),
  native_id      TEXT    NOT NULL,
  kind           TEXT    NOT NULL CHECK (kind IN ('UPSERT', 'DELETE')),
  value_json     TEXT,
  source_time    TEXT,
  source_version TEXT,
  origin         TEXT,
  attempts       INTEGER NOT NULL DEFAULT 0,
  last_error     TEXT,
  staged_at      TEXT    NOT NULL
);

CREATE UNIQUE INDEX tandem_inbox_by_record ON tandem_inbox (flow, side, native_id);
CREATE INDEX tandem_inbox_by_seq ON tandem_inbox (flow, seq);

CREATE TABLE tandem_intent (
  flow            TEXT NOT NULL,
  target          TEXT NOT NULL CHECK (target IN ('LEFT', 'RIGHT')),
  source_id       TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (flow, target, source_id)
);

-- seq orders the quarantine oldest first; parking a record again gives it a new, higher seq
CREATE TABLE tandem_quarantine (
  seq                   INTEGER PRIMARY KEY AUTOINCREMENT,
  flow                  TEXT    NOT NULL,
  source_side           TEXT    NOT NULL CHECK (source_side IN ('LEFT', 'RIGHT')),
  source_id             TEXT    NOT NULL,
  target_id             TEXT,
  change_side           TEXT    CHECK (change_side IN ('LEFT', 'RIGHT')),
  change_native_id      TEXT,
  change_kind           TEXT    CHECK (change_kind IN ('UPSERT', 'DELETE')),
  change_value_json     TEXT,
  change_source_time    TEXT,
  change_source_version TEXT,
  change_origin         TEXT,
  code                  TEXT    NOT NULL,
  message               TEXT    NOT NULL,
  field                 TEXT,
  attempts              INTEGER NOT NULL,
  quarantined_at        TEXT    NOT NULL,
  CHECK ((change_side IS NULL) = (change_native_id IS NULL) AND (change_side IS NULL) = (change_kind IS NULL))
);

CREATE UNIQUE INDEX tandem_quarantine_by_record ON tandem_quarantine (flow, source_side, source_id);
CREATE INDEX tandem_quarantine_by_seq ON tandem_quarantine (flow, seq);
