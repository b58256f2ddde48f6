package io.github.tandemsync.testkit.salesforce.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** One sObject type: its fields, relationships, key prefix and object-level permissions. */
public final class SObjectType {
  final String name;
  String label;
  String labelPlural;
  /** Fixed for standard objects; a custom object may take back the prefix a saved org gave it. */
  String keyPrefix;
  final boolean custom;
  boolean createable = true;
  boolean updateable = true;
  boolean deletable = true;
  private final Map<String, FieldDef> fields = new LinkedHashMap<>();
  private final Map<String, FieldDef> relationships = new LinkedHashMap<>();
  /** Auto-number display format of the Name field (custom objects) or of an auto-number field. */
  final Map<String, AtomicLong> autoNumbers = new LinkedHashMap<>();

  SObjectType(String name, String keyPrefix, boolean custom) {
    this.name = name;
    this.label = name;
    this.labelPlural = name + "s";
    this.keyPrefix = keyPrefix;
    this.custom = custom;
  }

  /** The API name. */
  public String name() {
    return name;
  }

  /** The three-character id prefix. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** Whether this is a custom object. */
  public boolean custom() {
    return custom;
  }

  /** Whether the API may create records. */
  public boolean createable() {
    return createable;
  }

  /** Whether the API may update records. */
  public boolean updateable() {
    return updateable;
  }

  /** Whether the API may delete records. */
  public boolean deletable() {
    return deletable;
  }

  /** The label. */
  public String label() {
    return label;
  }

  /** The plural label. */
  public String labelPlural() {
    return labelPlural;
  }

  private @Nullable List<FieldDef> uniqueCache;
  private @Nullable List<FieldDef> referenceCache;

  /** Adds or replaces a field. */
  FieldDef add(FieldDef field) {
    uniqueCache = null;
    referenceCache = null;
    fields.put(field.key(), field);
    if (field.relationshipName != null) {
      relationships.put(field.relationshipName.toLowerCase(Locale.ROOT), field);
    }
    return field;
  }

  /** A field by API name, case-insensitively. */
  public Optional<FieldDef> field(String name) {
    return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The reference field behind a relationship name, case-insensitively. */
  public Optional<FieldDef> relationship(String relationshipName) {
    return Optional.ofNullable(relationships.get(relationshipName.toLowerCase(Locale.ROOT)));
  }

  /** All fields in definition order. */
  public Collection<FieldDef> fields() {
    return Collections.unmodifiableCollection(fields.values());
  }

  /** Fields that hold unique values (including unique external ids). */
  List<FieldDef> uniqueFields() {
    List<FieldDef> cached = uniqueCache;
    if (cached == null) {
      List<FieldDef> list = new ArrayList<>();
      for (FieldDef field : fields.values()) {
        if (field.unique) {
          list.add(field);
        }
      }
      cached = List.copyOf(list);
      uniqueCache = cached;
    }
    return cached;
  }

  /** Reference fields (indexed for child lookups). */
  List<FieldDef> referenceFields() {
    List<FieldDef> cached = referenceCache;
    if (cached == null) {
      List<FieldDef> list = new ArrayList<>();
      for (FieldDef field : fields.values()) {
        if (field.type == FieldType.REFERENCE) {
          list.add(field);
        }
      }
      cached = List.copyOf(list);
      referenceCache = cached;
    }
    return cached;
  }

  /** The auto-number counter of a field. */
  AtomicLong counter(String fieldName) {
    return autoNumbers.computeIfAbsent(fieldName.toLowerCase(Locale.ROOT), key -> new AtomicLong());
  }

  /** The field the name of a record lives in, if any. */
  @Nullable FieldDef nameField() {
    return fields.get("name");
  }
}
