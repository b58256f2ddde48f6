package io.github.tandemsync.engine.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Idempotency keys: 20 characters of {@code [0-9A-Z]}, short enough for the narrowest place a
 * target can keep one (Exchequer's 20-character alternative code and long your-reference).
 */
final class Keys {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private Keys() {}

  /** A key derived from the given parts; the same parts always give the same key. */
  static String of(String prefix, String... parts) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (String part : parts) {
      digest.update(part.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    byte[] hash = digest.digest();
    StringBuilder out = new StringBuilder(prefix);
    int bits = 0;
    int buffer = 0;
    int i = 0;
    while (out.length() < 20) {
      if (bits < 5) {
        buffer = (buffer << 8) | (hash[i++] & 0xff);
        bits += 8;
      }
      out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
    return out.toString();
  }
}
