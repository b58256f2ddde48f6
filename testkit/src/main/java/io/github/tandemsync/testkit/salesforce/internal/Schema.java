package io.github.tandemsync.testkit.salesforce.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The org's sObject types plus the integration user's field-level security (hidden fields). */
public final class Schema {
  private static final String PREFIX_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final Map<String, SObjectType> types = new LinkedHashMap<>();
  private final Map<String, SObjectType> byPrefix = new LinkedHashMap<>();
  /** Concurrent: read outside the org lock by request parsing. */
  private final Set<String> hidden = ConcurrentHashMap.newKeySet();
  private int nextCustomPrefix = 1;

  /** Registers a type. */
  SObjectType add(SObjectType type) {
    types.put(type.name.toLowerCase(Locale.ROOT), type);
    byPrefix.put(type.keyPrefix, type);
    return type;
  }

  /** A type by API name, case-insensitively. */
  public Optional<SObjectType> type(String name) {
    return Optional.ofNullable(types.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The type whose records carry this key prefix. */
  public Optional<SObjectType> typeByPrefix(String prefix) {
    return Optional.ofNullable(byPrefix.get(prefix));
  }

  /** All types in registration order. */
  public Collection<SObjectType> types() {
    return Collections.unmodifiableCollection(types.values());
  }

  /** The next custom-object key prefix: a01, a02, ... a0z, a10, ... */
  String allocateCustomPrefix() {
    return allocateCustomPrefix(Set.of());
  }

  private String allocateCustomPrefix(Set<String> reserved) {
    while (true) {
      int n = nextCustomPrefix++;
      String prefix = "a" + PREFIX_DIGITS.charAt((n / 62) % 62) + PREFIX_DIGITS.charAt(n % 62);
      if (!byPrefix.containsKey(prefix) && !reserved.contains(prefix)) {
        return prefix;
      }
    }
  }

  /**
   * Gives deployed custom objects the key prefixes a saved org used. Prefixes are allocated in
   * folder order, so adding an object to the metadata could otherwise shift them and make restored
   * ids point at the wrong object; Salesforce never changes an object's prefix. A custom object the
   * saved org did not have moves off any prefix the saved org used.
   *
   * @param savedPrefixes lower-case custom object name to key prefix, each prefix used once
   */
  void adoptPrefixes(Map<String, String> savedPrefixes) {
    Set<String> reserved = Set.copyOf(savedPrefixes.values());
    List<SObjectType> moved = new ArrayList<>();
    for (SObjectType type : types.values()) {
      if (!type.custom) {
        continue;
      }
      String saved = savedPrefixes.get(type.name.toLowerCase(Locale.ROOT));
      if (saved != null ? !saved.equals(type.keyPrefix) : reserved.contains(type.keyPrefix)) {
        moved.add(type);
      }
    }
    moved.forEach(type -> byPrefix.remove(type.keyPrefix));
    for (SObjectType type : moved) {
      String saved = savedPrefixes.get(type.name.toLowerCase(Locale.ROOT));
      type.keyPrefix = saved != null ? saved : allocateCustomPrefix(reserved);
      byPrefix.put(type.keyPrefix, type);
    }
  }

  /** Hides a field from the integration user (field-level security). */
  void hide(String typeName, String fieldName) {
    hidden.add(hiddenKey(typeName, fieldName));
  }

  /** Makes a hidden field visible again. */
  void show(String typeName, String fieldName) {
    hidden.remove(hiddenKey(typeName, fieldName));
  }

  /** Whether the integration user cannot see the field. */
  public boolean isHidden(SObjectType type, FieldDef field) {
    return !hidden.isEmpty() && hidden.contains(hiddenKey(type.name, field.name));
  }

  private static String hiddenKey(String typeName, String fieldName) {
    return typeName.toLowerCase(Locale.ROOT) + "." + fieldName.toLowerCase(Locale.ROOT);
  }

  /** Child relationships of a parent type: (child type, reference field) pairs. */
  public List<Map.Entry<SObjectType, FieldDef>> childRelationships(SObjectType parent) {
    List<Map.Entry<SObjectType, FieldDef>> children = new ArrayList<>();
    for (SObjectType type : types.values()) {
      for (FieldDef field : type.fields()) {
        if (field.type == FieldType.REFERENCE && field.referenceTo.stream().anyMatch(t -> t.equalsIgnoreCase(parent.name))) {
          children.add(Map.entry(type, field));
        }
      }
    }
    return children;
  }
}
