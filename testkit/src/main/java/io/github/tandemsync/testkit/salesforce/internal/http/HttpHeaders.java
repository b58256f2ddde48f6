package io.github.tandemsync.testkit.salesforce.internal.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Case-insensitive, multi-valued request or response headers in arrival order per name. */
public final class HttpHeaders {
  private final Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  /** Adds a value, keeping earlier ones. */
  public void add(String name, String value) {
    values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
  }

  /** Replaces every value of the header. */
  public void set(String name, String value) {
    List<String> list = new ArrayList<>();
    list.add(value);
    values.put(name, list);
  }

  /** The first value of the header, if present. */
  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** Every value of the header, in arrival order. */
  public List<String> all(String name) {
    List<String> list = values.get(name);
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  /** Whether the header is present. */
  public boolean contains(String name) {
    return values.containsKey(name);
  }

  /** The header names and values, for writing. */
  public Map<String, List<String>> asMap() {
    return Collections.unmodifiableMap(values);
  }
}
