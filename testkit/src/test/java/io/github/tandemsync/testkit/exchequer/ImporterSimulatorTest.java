package io.github.tandemsync.testkit.exchequer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract D: windows-1252 CSV files dropped in a folder, stored through the Toolkit, errors in Importer.log. */
class ImporterSimulatorTest {
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static ExchequerSandbox ex;
  private static ExchequerImporter importer;
  private static int files;

  @TempDir
  static Path drop;

  @BeforeAll
  static void start() {
    Sandboxes.WRITABLE_CLOCK.set(Sandboxes.NOW);
    ex = Sandboxes.sharedWritable();
    importer = ex.startImporter(drop, Duration.ZERO);
  }


  /** CU record with the 33 columns of contract D; overrides by column index. */
  private static String cu(String code, Object... overrides) {
    String[] fields = new String[33];
    Arrays.fill(fields, "");
    fields[0] = "CU";
    fields[1] = code;
    fields[2] = "Importer Customer " + code + " Ltd";
    fields[3] = "1 Import Lane";
    fields[5] = "Leeds";
    fields[8] = "LS1 4AP";
    fields[9] = "GB";
    fields[17] = "Mr John Smith";
    fields[18] = "0113 496 0456";
    fields[22] = "S";
    fields[23] = "1";
    fields[24] = "2500.00";
    fields[25] = "0";
    fields[26] = "B";
    fields[32] = "CRM-" + code;
    for (int i = 0; i < overrides.length; i += 2) {
      fields[(Integer) overrides[i]] = (String) overrides[i + 1];
    }
    return csv(fields);
  }

  private static String th(String type, String account, String key, String date) {
    String[] fields = new String[16];
    Arrays.fill(fields, "");
    fields[0] = "TH";
    fields[1] = type;
    fields[2] = account;
    fields[4] = "PO-" + key.length();
    fields[5] = key;
    fields[6] = date;
    fields[8] = "1";
    fields[15] = "0";
    return csv(fields);
  }

  private static String tl(String stockCode, String qty, String price, String description) {
    String[] fields = new String[14];
    Arrays.fill(fields, "");
    fields[0] = "TL";
    fields[1] = stockCode;
    fields[2] = qty;
    fields[3] = price;
    fields[4] = description;
    fields[5] = "MAI";
    fields[6] = "S";
    return csv(fields);
  }

  /** Quotes a field when it holds a comma, quote, CR or LF, doubling quotes (contract D). */
  private static String csv(String[] fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      String field = fields[i];
      if (i > 0) {
        line.append(',');
      }
      if (field.contains(",") || field.contains("\"") || field.contains("\r") || field.contains("\n")) {
        line.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        line.append(field);
      }
    }
    return line.append("\r\n").toString();
  }

  /** Writes like the connector: a .tmp file renamed to .csv. */
  private static Path drop(String content) throws IOException {
    String name = String.format("TANDEM-20260316101500%03d-%d", ++files, files);
    Path tmp = drop.resolve(name + ".csv.tmp");
    Files.write(tmp, content.getBytes(CP1252));
    return Files.move(tmp, drop.resolve(name + ".csv"), StandardCopyOption.ATOMIC_MOVE);
  }

  private static List<String> log() throws IOException {
    Path log = importer.logFile();
    return Files.exists(log) ? Arrays.asList(new String(Files.readAllBytes(log), CP1252).split("\r\n")) : List.of();
  }

  @Test
  void happyPathStoresAccountsAndTransactionsAndMovesTheFile() throws IOException {
    Path file = drop(cu("IMPO01") + th("SOR", "IMPO01", "CRM-SO-1001", "16/03/2026")
        + tl("LEVEL-600", "2", "14.99", "Spirit level") + tl("", "0", "", "Fit before Friday")
        + th("SQU", "IMPO01", "CRM-QU-1002", "") + tl("TAPE-5M", "1", "", ""));
    assertEquals(1, importer.processPendingFiles());
    assertFalse(Files.exists(file));
    assertTrue(Files.exists(importer.processedFolder().resolve(file.getFileName())));
    Map<String, Object> account = ex.query().account("IMPO01").orElseThrow();
    assertEquals("Importer Customer IMPO01 Ltd", account.get("acCompany"));
    assertEquals("CRM-IMPO01", account.get("acAltCode"));
    assertEquals(2500.0, ((Number) account.get("acCreditLimit")).doubleValue(), 1e-6);
    assertEquals("IMPORTER", account.get("acLastOperator"));
    List<Map<String, Object>> orders = ex.query().documentsByLongYourRef("CRM-SO-1001");
    assertEquals(1, orders.size());
    assertEquals(8, orders.get(0).get("thDocType"));
    assertEquals("20260316", orders.get(0).get("thTransDate"));
    String ourRef = orders.get(0).get("thOurRef").toString();
    assertEquals(2, ex.query().lines(ourRef).size());
    assertEquals("Fit before Friday", ex.query().lines(ourRef).get(1).get("tlDescription"));
    List<Map<String, Object>> quotes = ex.query().documentsByLongYourRef("CRM-QU-1002");
    assertEquals(7, quotes.get(0).get("thDocType"));
    assertEquals("20260316", quotes.get(0).get("thTransDate"), "a blank date defaults to today");
    assertTrue(log().isEmpty(), log()::toString);

    drop(cu("IMPO01", 18, "0113 496 0999"));
    importer.processPendingFiles();
    assertEquals("0113 496 0999", ex.query().account("IMPO01").orElseThrow().get("acPhone"), "an existing account is updated");
  }

  @Test
  void aBadRecordIsLoggedWithItsKeyAndCodeWhileTheOthersAreStored() throws IOException {
    Sandboxes.WRITABLE_CLOCK.set(Sandboxes.NOW);
    Path file = drop(cu("IMPO02", 22, "Q")                                   // 1: invalid VAT code
        + cu("IMPO03")                                                        // 2: fine
        + th("SOR", "IMPO03", "CRM-SO-2001", "16/03/2026")                    // 3
        + tl("LEVEL-600", "1", "", "") + tl("NO-SUCH-ITEM", "1", "1.00", "") // 4, 5: bad stock code
        + th("SOR", "IMPO03", "CRM-SO-2002", "31/02/2026")                    // 6: bad date
        + tl("LEVEL-600", "1", "", "")                                        // 7
        + th("SOR", "IMPO03", "CRM-SO-2003", "16/03/2026")                    // 8: fine
        + tl("LEVEL-600", "x1", "", ""));                                     // 9: not a number
    importer.processPendingFiles();
    assertTrue(ex.query().account("IMPO02").isEmpty());
    assertTrue(ex.query().account("IMPO03").isPresent());
    assertTrue(ex.query().documentsByLongYourRef("CRM-SO-2001").isEmpty());
    assertTrue(ex.query().documentsByLongYourRef("CRM-SO-2002").isEmpty());
    String name = file.getFileName().toString();
    List<String> lines = log().stream().filter(l -> l.contains(name)).toList();
    assertEquals(4, lines.size(), lines::toString);
    String[] vat = lines.get(0).split("\\|");
    assertEquals(7, vat.length);
    assertTrue(vat[0].matches("2026-03-16 10:15:00"), vat[0]);
    assertEquals(name, vat[1]);
    assertEquals("1", vat[2]);
    assertEquals("CU", vat[3]);
    assertEquals("IMPO02", vat[4]);
    assertEquals("30005", vat[5]);
    assertEquals(List.of("5", "TL", "CRM-SO-2001", "30106"), Arrays.asList(lines.get(1).split("\\|")).subList(2, 6));
    assertEquals(List.of("6", "TH", "CRM-SO-2002", "30203"), Arrays.asList(lines.get(2).split("\\|")).subList(2, 6));
    assertEquals(List.of("9", "TL", "CRM-SO-2003", "-102"), Arrays.asList(lines.get(3).split("\\|")).subList(2, 6));
  }

  @Test
  void quotingAndWindows1252CharactersSurvive() throws IOException {
    String name = "Café \"Le Marché\", Leeds";
    String description = "Price £14.99, was \"£19.99\"\r\nsecond line";
    drop(cu("IMPO04", 2, name, 4, "Unit 2, Mill Yard") + th("SOR", "IMPO04", "CRM-SO-3001", "16/03/2026")
        + tl("LEVEL-600", "1", "", description.substring(0, 30)) + tl("", "0", "", "Noël, façade €"));
    importer.processPendingFiles();
    Map<String, Object> account = ex.query().account("IMPO04").orElseThrow();
    assertEquals(name, account.get("acCompany"));
    assertEquals("Unit 2, Mill Yard", account.get("acAddressLine2"));
    String ourRef = ex.query().documentsByLongYourRef("CRM-SO-3001").get(0).get("thOurRef").toString();
    List<Map<String, Object>> lines = ex.query().lines(ourRef);
    assertEquals(description.substring(0, 30), lines.get(0).get("tlDescription"));
    assertEquals("Noël, façade €", lines.get(1).get("tlDescription"));
  }

  @Test
  void malformedLinesAreLoggedAndNeverStopTheFile() throws IOException {
    Path file = drop("XX,what is this\r\n"
        + "CU,IMPO05,\"unterminated,rest\r\n"
        + cu("IMPO06")
        + "TL,LEVEL-600,1\r\n"
        + String.join(",", java.util.Collections.nCopies(40, "CU")) + "\r\n"
        + "\r\n"
        + cu("IMPO07"));
    importer.processPendingFiles();
    String name = file.getFileName().toString();
    List<String> lines = log().stream().filter(l -> l.contains(name)).toList();
    assertTrue(lines.size() >= 3, lines::toString);
    assertTrue(lines.stream().allMatch(l -> l.split("\\|")[5].equals("-102")), lines::toString);
    assertTrue(lines.get(0).contains("|XX|"), lines.get(0));
    assertTrue(ex.query().account("IMPO07").isPresent(), "records after the broken ones are stored");
  }

  @Test
  void filesAreTakenInNameOrderAndTemporaryFilesAreLeftAlone() throws IOException {
    Files.write(drop.resolve("TANDEM-20260316101500999-2.csv"), cu("IMPO08", 18, "second").getBytes(CP1252));
    Files.write(drop.resolve("TANDEM-20260316101500999-1.csv"), cu("IMPO08", 18, "first").getBytes(CP1252));
    Path pending = drop.resolve("TANDEM-20260316101501000-3.csv.tmp");
    Files.write(pending, cu("IMPO09").getBytes(CP1252));
    assertEquals(2, importer.processPendingFiles());
    assertEquals("second", ex.query().account("IMPO08").orElseThrow().get("acPhone"));
    assertTrue(Files.exists(pending));
    assertTrue(ex.query().account("IMPO09").isEmpty());
    Files.delete(pending);
  }

  @Test
  void theBackgroundPollerPicksUpDroppedFiles(@TempDir Path folder) throws Exception {
    try (ExchequerSandbox other = ExchequerSandbox.builder().demoCompany(false).clock(Sandboxes.CLOCK).build().start()) {
      ExchequerImporter polling = other.startImporter(folder, Duration.ofMillis(20));
      Files.write(folder.resolve("TANDEM-1.csv"), cu("POLL01", 28, "MAI").getBytes(CP1252));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (other.query().account("POLL01").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(other.query().account("POLL01").isPresent(), "stored by the poller");
      assertEquals(folder.toAbsolutePath(), polling.dropFolder());
    }
  }
}
