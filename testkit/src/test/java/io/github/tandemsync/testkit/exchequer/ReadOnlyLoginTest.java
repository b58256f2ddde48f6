package io.github.tandemsync.testkit.exchequer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connector's login can read the company and common schemas and nothing else. */
class ReadOnlyLoginTest {
  private static ExchequerSandbox ex;

  @BeforeAll
  static void start() {
    ex = Sandboxes.sharedDemo();
  }

  @Test
  void readsWithPlainSqlServerStyleSelects() throws SQLException {
    try (Connection connection = DriverManager.getConnection(ex.readOnlyJdbcUrl(), ex.readOnlyUser(), ex.readOnlyPassword());
        Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT TOP 5 acCode, acCompany FROM [ZZZZ01].[CUSTSUPP] ORDER BY PositionId")) {
        int count = 0;
        while (rows.next()) {
          count++;
        }
        assertEquals(5, count);
      }
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM [common].[COMPANY]")) {
        assertTrue(rows.next());
        assertEquals(1, rows.getInt(1));
      }
      try (ResultSet rows = statement.executeQuery("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
          + " WHERE TABLE_SCHEMA = 'ZZZZ01' AND TABLE_NAME = 'DOCUMENT' AND COLUMN_NAME = 'thLongYourRef'")) {
        assertTrue(rows.next(), "optional columns can be checked");
      }
    }
  }

  @Test
  void cannotInsertUpdateDeleteOrCreate() throws SQLException {
    try (Connection connection = ex.readOnlyDataSource().getConnection(); Statement statement = connection.createStatement()) {
      assertThrows(SQLException.class, () -> statement.executeUpdate(
          "INSERT INTO [ZZZZ01].[CUSTSUPP] (acCode, acCustSupp) VALUES ('HACK01', 'C')"));
      assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE [ZZZZ01].[CUSTSUPP] SET acCompany = 'x'"));
      assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM [ZZZZ01].[HISTORY]"));
      assertThrows(SQLException.class, () -> statement.executeUpdate("UPDATE [common].[COMPANY] SET CompId = 9"));
      assertThrows(SQLException.class, () -> statement.execute("CREATE TABLE [ZZZZ01].[X] (a int)"));
      assertThrows(SQLException.class, () -> statement.execute("CREATE USER SNEAKY PASSWORD 'x'"));
    }
    assertTrue(ex.query().account("HACK01").isEmpty());
  }

  @Test
  void secretsStayOutOfToString() {
    String text = ex.toString();
    assertFalse(text.contains(ex.readOnlyPassword()));
    assertFalse(text.contains(ex.bridgeApiKey()));
    assertTrue(text.contains("ZZZZ01"));
  }
}
