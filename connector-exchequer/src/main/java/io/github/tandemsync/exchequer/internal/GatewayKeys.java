package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.exchequer.gateway.GatewayRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Idempotency keys that fit Exchequer: {@code acAltCode} and {@code thLongYourRef} hold 20
 * characters. A longer engine key is shortened to a stable digest, so a replay maps to the same
 * stored key.
 */
public final class GatewayKeys {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:-]{1,20}");
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private GatewayKeys() {}

  /** The key itself when it fits and is plain; else {@code T} + 19 characters of its SHA-256 in base 32. */
  public static String fit(String key) {
    if (PLAIN.matcher(key).matches()) {
      return key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      StringBuilder text = new StringBuilder("T");
      long bits = 0;
      int count = 0;
      for (byte b : digest) {
        bits = (bits << 8) | (b & 0xFF);
        count += 8;
        while (count >= 5 && text.length() < GatewayRequest.MAX_KEY_LENGTH) {
          text.append(ALPHABET[(int) (bits >>> (count - 5)) & 31]);
          count -= 5;
        }
      }
      return text.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
