package io.github.tandemsync.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tandemsync.core.spi.FieldSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A canonical record flattened to its leaf fields: path -> JSON value. Absent (empty) fields have
 * no entry. Comparison is by normalised value: numbers by magnitude (12.5 equals 12.50), so a
 * system that drops trailing zeros does not look like it changed the value.
 */
final class FieldValues {
  private final SortedMap<String, JsonNode> values;

  FieldValues(Map<String, JsonNode> values) {
    this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  static FieldValues empty() {
    return new FieldValues(Map.of());
  }

  SortedMap<String, JsonNode> asMap() {
    return values;
  }

  Optional<JsonNode> get(String path) {
    return Optional.ofNullable(values.get(path));
  }

  Set<String> paths() {
    return values.keySet();
  }

  /** The normalised text of a field, empty when absent. */
  Optional<String> normalised(String path) {
    JsonNode node = values.get(path);
    return node == null ? Optional.empty() : Optional.of(Normalise.text(node));
  }

  /** A human-readable value for reports. */
  Optional<String> display(String path) {
    JsonNode node = values.get(path);
    if (node == null) {
      return Optional.empty();
    }
    return Optional.of(node.isValueNode() ? node.asText() : Normalise.text(node));
  }

  boolean sameAt(FieldValues other, String path) {
    return normalised(path).equals(other.normalised(path));
  }

  /** Paths inside {@code fields} whose values differ between this and {@code other}. */
  Set<String> diff(FieldValues other, FieldSet fields) {
    Set<String> all = new TreeSet<>(values.keySet());
    all.addAll(other.values.keySet());
    Set<String> out = new TreeSet<>();
    for (String path : all) {
      if (fields.contains(path) && !sameAt(other, path)) {
        out.add(path);
      }
    }
    return out;
  }

  /** This with the given paths taken from {@code source} (absent there = removed here). */
  FieldValues overlay(FieldValues source, Collection<String> paths) {
    TreeMap<String, JsonNode> out = new TreeMap<>(values);
    for (String path : paths) {
      JsonNode node = source.values.get(path);
      if (node == null) {
        out.remove(path);
      } else {
        out.put(path, node);
      }
    }
    return new FieldValues(out);
  }

  /** This with one path set. */
  FieldValues with(String path, JsonNode node) {
    TreeMap<String, JsonNode> out = new TreeMap<>(values);
    out.put(path, node);
    return new FieldValues(out);
  }

  /** A stable hash over the fields inside {@code fields}. */
  String hash(FieldSet fields) {
    MessageDigest digest = sha256();
    for (Map.Entry<String, JsonNode> e : values.entrySet()) {
      if (fields.contains(e.getKey())) {
        digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Normalise.text(e.getValue()).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldValues other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
