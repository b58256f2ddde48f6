package io.github.tandemsync.testkit.exchequer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Records and files held by scripted users; Toolkit writers consult it before each write. */
final class Locks {
  private final Map<String, Long> deadlines = new ConcurrentHashMap<>();

  UserLock lock(String key, String description, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("lock duration must be positive: " + duration);
    }
    long deadline = System.nanoTime() + duration.toNanos();
    deadlines.put(key, deadline);
    return new UserLock() {
      @Override
      public String target() {
        return description;
      }

      @Override
      public boolean held() {
        Long current = deadlines.get(key);
        return current != null && current == deadline && current - System.nanoTime() > 0;
      }

      @Override
      public void release() {
        deadlines.remove(key, deadline);
      }

      @Override
      public String toString() {
        return "UserLock[" + description + "]";
      }
    };
  }

  boolean held(String key) {
    Long deadline = deadlines.get(key);
    if (deadline == null) {
      return false;
    }
    if (deadline - System.nanoTime() <= 0) {
      deadlines.remove(key, deadline);
      return false;
    }
    return true;
  }

  static String accountKey(String code) {
    return "A:" + code.trim().toUpperCase(java.util.Locale.ROOT);
  }

  static String documentKey(String ourRef) {
    return "D:" + ourRef.trim().toUpperCase(java.util.Locale.ROOT);
  }

  static String fileKey(String table) {
    return "F:" + table.trim().toUpperCase(java.util.Locale.ROOT);
  }

  /** Btrieve 85 when the file is held, 84 when the record is, otherwise nothing. */
  void checkWrite(String table, String recordKey, String what) {
    if (held(fileKey(table))) {
      throw Failure.of(85, "File " + table + " is locked by another user");
    }
    if (held(recordKey)) {
      throw Failure.of(84, what + " is locked by another user");
    }
  }
}
