package io.github.tandemsync.engine.internal.jdbc;

import io.github.tandemsync.core.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's own schema migrations: ordered SQL scripts per dialect, applied once each in its own
 * transaction and recorded with a checksum in {@code tandem_schema_version}. Deliberately tiny (no
 * Flyway or Liquibase) so it never clashes with the host application's own copy of either.
 *
 * <p>Rules: an applied script never changes (its checksum is checked at every start); a new
 * version is a new script; a store migrated by a newer Tandem is refused rather than misread.
 */
final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  /** Every script, oldest first. Each dialect has a script of every name. */
  static final List<String> SCRIPTS = List.of("V1__initial.sql");

  static final String RESOURCE_ROOT = "/io/github/tandemsync/engine/state/migrations/";

  private static final Pattern SCRIPT_NAME = Pattern.compile("V([1-9][0-9]*)__([a-z0-9_]+)\\.sql");

  private Migrations() {}

  /** One script as shipped. */
  record Script(int version, String name, String sql, String checksum) {}

  /** One row of the version table. */
  private record Applied(int version, String script, String checksum) {}

  /** Brings the store's schema up to the newest version; a no-op when it is current. */
  static void migrate(Dialect dialect, Connections connections) {
    List<Script> scripts = load(dialect);
    Map<Integer, Applied> applied = connections.read("read the schema version",
        connection -> dialect.versionTableExists(connection) ? applied(dialect, connection) : Map.of());
    verify(dialect, scripts, applied);
    for (Script script : scripts) {
      if (applied.containsKey(script.version())) {
        continue;
      }
      boolean ran = connections.write("migration " + script.name(), connection -> {
        dialect.lockMigrations(connection);
        // another node may have migrated while we waited for the lock
        Map<Integer, Applied> current = applied(dialect, connection);
        verify(dialect, scripts, current);
        if (current.containsKey(script.version())) {
          return false;
        }
        try (Statement statement = connection.createStatement()) {
          for (String sql : statements(dialect.expand(script.sql()))) {
            statement.execute(sql);
          }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO "
            + dialect.table("tandem_schema_version") + " (version, script, checksum) VALUES (?, ?, ?)")) {
          insert.setInt(1, script.version());
          insert.setString(2, script.name());
          insert.setString(3, script.checksum());
          insert.executeUpdate();
        }
        return true;
      });
      if (ran) {
        log.info("{}: applied state store migration {}", dialect.location(), script.name());
      }
    }
    log.debug("{}: state store schema at version {}", dialect.location(), scripts.get(scripts.size() - 1).version());
  }

  private static Map<Integer, Applied> applied(Dialect dialect, Connection connection) throws SQLException {
    Map<Integer, Applied> applied = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT version, script, checksum FROM " + dialect.table("tandem_schema_version"))) {
      while (rows.next()) {
        applied.put(rows.getInt(1), new Applied(rows.getInt(1), rows.getString(2), rows.getString(3)));
      }
    }
    return applied;
  }

  private static void verify(Dialect dialect, List<Script> scripts, Map<Integer, Applied> applied) {
    int newest = scripts.get(scripts.size() - 1).version();
    for (Applied row : applied.values()) {
      if (row.version() > newest) {
        throw new ConfigurationException(dialect.location() + ": the state store schema is at version "
            + row.version() + " (" + row.script() + "), newer than the newest this Tandem version knows ("
            + newest + "): a newer Tandem migrated it. Run that version, or point this one at another store.");
      }
    }
    for (Script script : scripts) {
      Applied row = applied.get(script.version());
      if (row != null && !row.checksum().equals(script.checksum())) {
        throw new ConfigurationException(dialect.location() + ": state store migration " + script.name()
            + " was applied with checksum " + row.checksum() + " but the script in this Tandem version has "
            + script.checksum() + ". An applied migration must never change; restore the original script"
            + " and put the change in a new version.");
      }
    }
  }

  /** The dialect's scripts in version order, checked against {@link #SCRIPTS}. */
  static List<Script> load(Dialect dialect) {
    List<Script> scripts = new ArrayList<>();
    int expected = 1;
    for (String name : SCRIPTS) {
      Matcher matcher = SCRIPT_NAME.matcher(name);
      if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != expected) {
        throw new IllegalStateException("migration " + name + " is not V" + expected + "__<description>.sql");
      }
      String sql = resource(RESOURCE_ROOT + dialect.name() + "/" + name);
      scripts.add(new Script(expected, name, sql, checksum(sql)));
      expected++;
    }
    return scripts;
  }

  private static String resource(String path) {
    try (InputStream in = Migrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("migration script " + path + " is missing from the Tandem jar");
      }
      // line endings normalised: a checkout with CRLF must not look like a changed script
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration script " + path, e);
    }
  }

  static String checksum(String sql) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Splits a script at the semicolons that end statements, skipping comments and quoted text.
   * Scripts must not use dollar-quoted bodies (no functions or DO blocks).
   */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean meaningful = false;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        int end = script.indexOf('\n', i);
        i = end < 0 ? n : end;
        continue;
      }
      if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        if (end < 0) {
          throw new IllegalStateException("unterminated comment in migration script");
        }
        i = end + 2;
        current.append(' ');
        continue;
      }
      if (c == '\'' || c == '"') {
        int end = i + 1;
        while (true) {
          end = script.indexOf(c, end);
          if (end < 0) {
            throw new IllegalStateException("unterminated quote in migration script");
          }
          if (end + 1 < n && script.charAt(end + 1) == c) {
            end += 2; // doubled quote inside the quoted text
            continue;
          }
          break;
        }
        current.append(script, i, end + 1);
        meaningful = true;
        i = end + 1;
        continue;
      }
      if (c == ';') {
        if (meaningful) {
          statements.add(current.toString().strip());
        }
        current.setLength(0);
        meaningful = false;
        i++;
        continue;
      }
      current.append(c);
      meaningful |= !Character.isWhitespace(c);
      i++;
    }
    if (meaningful) {
      statements.add(current.toString().strip());
    }
    return statements;
  }
}
