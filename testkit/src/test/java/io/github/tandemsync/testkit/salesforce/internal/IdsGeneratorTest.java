package io.github.tandemsync.testkit.salesforce.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The id generator's saved state continues its sequence; the seed's sequence is what it always was. */
class IdsGeneratorTest {

  @Test
  void statefulRandomDrawsWhatJavaUtilRandomDraws() {
    long seed = new Random().nextLong();
    System.out.println("statefulRandomDrawsWhatJavaUtilRandomDraws seed=" + seed);
    for (long s : new long[] {42, 0, -1, seed}) {
      Random expected = new Random(s);
      Ids.StatefulRandom actual = new Ids.StatefulRandom(s);
      for (int i = 0; i < 1_000; i++) {
        int bound = 1 + (i * 7919) % 50_000_000;
        assertEquals(expected.nextInt(bound), actual.nextInt(bound), "seed " + s + ", draw " + i);
      }
      assertEquals(expected.nextLong(), actual.nextLong());
    }
  }

  @Test
  void aRestoredGeneratorContinuesTheSequenceInsteadOfRepeatingIt() {
    Ids.Generator original = new Ids.Generator(42);
    String first = original.next("001");
    original.token(64);
    original.next("a01");
    Ids.Generator.State saved = original.state();

    List<String> expected = drawFrom(original);
    Ids.Generator restored = new Ids.Generator(42);
    restored.restore(saved);
    assertEquals(expected, drawFrom(restored));
    assertEquals(first, new Ids.Generator(42).next("001"), "a fresh generator with the same seed would repeat saved ids");
  }

  private static List<String> drawFrom(Ids.Generator generator) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      values.add(generator.next(i % 2 == 0 ? "001" : "a01"));
      values.add(generator.next("003"));
      values.add(generator.token(16));
    }
    return values;
  }
}
