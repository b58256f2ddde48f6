package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.spi.NativeRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One canonical record a row maps to, before mapping: its native id, the native record customizers
 * see, and the mapping itself (run later, so a bad value fails only this record).
 */
record Keyed<T>(String nativeId, NativeRecord source, Supplier<T> mapping, Optional<Instant> sourceTime,
    Optional<String> sourceVersion) {

  static <T> Keyed<T> of(String nativeId, NativeRecord source, Supplier<T> mapping) {
    return new Keyed<>(nativeId, source, mapping, Optional.empty(), Optional.empty());
  }

  Keyed<T> withSource(Optional<Instant> time, Optional<String> version) {
    return new Keyed<>(nativeId, source, mapping, time, version);
  }
}
