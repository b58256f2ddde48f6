package io.github.tandemsync.testkit.salesforce.internal;

import java.util.Locale;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Salesforce record ids: 15 case-sensitive characters plus a 3-character suffix that encodes the
 * case of the first 15, giving the 18-character case-insensitive form REST returns (reference §4.2).
 */
public final class Ids {
  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private Ids() {}

  /** Appends the case-encoding suffix to a 15-character id. */
  public static String to18(String id15) {
    StringBuilder suffix = new StringBuilder(3);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      suffix.append(SUFFIX.charAt(bits));
    }
    return id15 + suffix;
  }

  /**
   * The canonical 18-character form of a 15- or 18-character id, or null when the text is not a
   * well-formed id. An 18-character id is matched case-insensitively, as Salesforce does.
   */
  public static @Nullable String normalize(@Nullable String text) {
    if (text == null) {
      return null;
    }
    if (text.length() == 15) {
      return isBase62(text) ? to18(text) : null;
    }
    if (text.length() == 18) {
      String upperSuffix = text.substring(15).toUpperCase(Locale.ROOT);
      for (int i = 0; i < 3; i++) {
        if (SUFFIX.indexOf(upperSuffix.charAt(i)) < 0) {
          return null;
        }
      }
      // Rebuild the case of the first 15 characters from the suffix bits.
      char[] chars = text.substring(0, 15).toCharArray();
      for (int chunk = 0; chunk < 3; chunk++) {
        int bits = SUFFIX.indexOf(upperSuffix.charAt(chunk));
        for (int i = 0; i < 5; i++) {
          int index = chunk * 5 + i;
          char c = chars[index];
          boolean upper = (bits & (1 << i)) != 0;
          if (Character.isLetter(c)) {
            chars[index] = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
          } else if (upper) {
            return null;
          }
        }
      }
      String id15 = new String(chars);
      return isBase62(id15) ? to18(id15) : null;
    }
    return null;
  }

  private static boolean isBase62(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (BASE62.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Seeded generator of increasing ids per key prefix; its whole state can be saved and restored. */
  static final class Generator {
    private final StatefulRandom random;
    private final java.util.Map<String, long[]> counters = new java.util.HashMap<>();
    private String pod;

    Generator(long seed) {
      this.random = new StatefulRandom(seed);
      this.pod = "" + BASE62.charAt(36 + random.nextInt(26)) + BASE62.charAt(10 + random.nextInt(26)) + "0";
    }

    /** The next id with this key prefix (18 characters). */
    synchronized String next(String keyPrefix) {
      long[] counter = counters.computeIfAbsent(keyPrefix, key -> new long[] {1 + random.nextInt(50_000_000)});
      long value = counter[0];
      counter[0] += 1 + random.nextInt(3);
      return to18(keyPrefix + pod + base62(value, 9));
    }

    /** A random opaque token of base62 characters. */
    synchronized String token(int length) {
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.append(BASE62.charAt(random.nextInt(62)));
      }
      return text.toString();
    }

    /** The generator's state: ids and tokens drawn after {@link #restore} continue the same sequence. */
    synchronized State state() {
      java.util.Map<String, Long> next = new java.util.TreeMap<>();
      counters.forEach((prefix, counter) -> next.put(prefix, counter[0]));
      return new State(pod, random.state(), next);
    }

    /** Replaces the generator's state with a saved one. */
    synchronized void restore(State state) {
      pod = state.pod();
      random.state(state.random());
      counters.clear();
      state.nextValues().forEach((prefix, value) -> counters.put(prefix, new long[] {value}));
    }

    /**
     * A saved generator state.
     *
     * @param pod the three characters after the key prefix (the "instance" part of every id)
     * @param random the 48-bit state of the random sequence
     * @param nextValues per key prefix, the numeric part of the next id
     */
    record State(String pod, long random, java.util.Map<String, Long> nextValues) {
      State {
        if (pod == null || pod.length() != 3 || !isBase62(pod)) {
          throw new IllegalArgumentException("\"pod\" must be 3 base62 characters");
        }
        if (nextValues == null) {
          throw new IllegalArgumentException("\"nextValues\" is missing");
        }
        nextValues = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(nextValues));
      }
    }
  }

  /**
   * {@link Random} with the same 48-bit linear congruential sequence (so a seed draws the same
   * values as before), whose state can be read and set: a restored org continues the sequence
   * instead of repeating ids and tokens it already handed out.
   */
  static final class StatefulRandom extends Random {
    private static final long serialVersionUID = 1L;
    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;

    // Written by setSeed, which Random's constructor calls before this class's initialisers would
    // run, so it deliberately has no initialiser.
    private long seed;

    StatefulRandom(long seed) {
      super(seed);
    }

    @Override
    public synchronized void setSeed(long value) {
      super.setSeed(value);
      this.seed = (value ^ MULTIPLIER) & MASK;
    }

    @Override
    protected synchronized int next(int bits) {
      seed = (seed * MULTIPLIER + ADDEND) & MASK;
      return (int) (seed >>> (48 - bits));
    }

    synchronized long state() {
      return seed;
    }

    synchronized void state(long value) {
      this.seed = value & MASK;
    }
  }

  static String base62(long value, int width) {
    char[] chars = new char[width];
    long rest = value;
    for (int i = width - 1; i >= 0; i--) {
      chars[i] = BASE62.charAt((int) (rest % 62));
      rest /= 62;
    }
    return new String(chars);
  }
}
