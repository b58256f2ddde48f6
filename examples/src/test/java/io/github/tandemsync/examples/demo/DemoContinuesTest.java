package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo run three times in a row on one directory: each continues from the last (its clock
 * starts after the last run's, which had moved ahead of the wall clock), with nothing parked.
 */
class DemoContinuesTest {

  private static String run(Path dir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.runSandboxes(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runsRightAfterEachOtherContinueFromTheLast(@TempDir Path dir) {
    String first = run(dir);
    assertTrue(first.contains("run 1") && first.contains("== Initial sync"), first);
    String second = run(dir);
    assertTrue(second.contains("run 2") && second.contains("== Catching up"), second);
    assertTrue(second.contains("Quarantined records (0)"), second);
    assertTrue(second.contains("Prospects made customers by an accepted quote: [0"), "the day's accepted quote converted its prospect: " + second);
    String third = run(dir); // restores what a continued run saved
    assertTrue(third.contains("run 3") && third.contains("Quarantined records (0)"), third);
  }
}
