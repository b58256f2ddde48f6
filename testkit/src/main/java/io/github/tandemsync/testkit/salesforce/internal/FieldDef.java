package io.github.tandemsync.testkit.salesforce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One field of an sObject type. Mutable only while the schema is built; the sandbox treats it as
 * immutable afterwards.
 */
public final class FieldDef {
  final String name;
  String label;
  final FieldType type;
  int length;
  int precision;
  int scale;
  boolean createable = true;
  boolean updateable = true;
  boolean nillable = true;
  boolean defaultedOnCreate;
  @Nullable Object defaultValue;
  boolean externalId;
  boolean idLookup;
  boolean unique;
  boolean caseSensitive;
  boolean custom;
  boolean calculated;
  boolean autoNumber;
  @Nullable String displayFormat;
  boolean restrictedPicklist;
  final List<String> picklistValues = new ArrayList<>();
  final List<String> referenceTo = new ArrayList<>();
  @Nullable String relationshipName;
  /** Name of the parent-to-child relationship ({@code Contacts}, {@code Invoices__r}), or null. */
  @Nullable String childRelationshipName;
  /** Deleting the parent deletes this child (master-detail and a few standard lookups). */
  boolean cascadeDelete;
  /** Read-only system audit field (Id, CreatedDate, SystemModstamp...). */
  boolean system;

  FieldDef(String name, FieldType type) {
    this.name = name;
    this.label = name;
    this.type = type;
  }

  /** The API name. */
  public String name() {
    return name;
  }

  /** The field type. */
  public FieldType type() {
    return type;
  }

  /** The label shown in describe. */
  public String label() {
    return label;
  }

  /** Maximum length of text values, 0 for non-text fields. */
  public int length() {
    return length;
  }

  /** Total digits of numbers. */
  public int precision() {
    return precision;
  }

  /** Decimal places of numbers. */
  public int scale() {
    return scale;
  }

  /** Whether the API may set the field on create. */
  public boolean createable() {
    return createable;
  }

  /** Whether the API may change the field on update. */
  public boolean updateable() {
    return updateable;
  }

  /** Whether the field may be empty. */
  public boolean nillable() {
    return nillable;
  }

  /** Whether the field is an external id (usable for upsert and relationship references). */
  public boolean externalId() {
    return externalId;
  }

  /** Whether the field can identify a record for upsert. */
  public boolean idLookup() {
    return idLookup;
  }

  /** Whether values must be unique. */
  public boolean unique() {
    return unique;
  }

  /** Whether uniqueness and external-id matching are case-sensitive. */
  public boolean caseSensitive() {
    return caseSensitive;
  }

  /** Whether this is a custom field. */
  public boolean custom() {
    return custom;
  }

  /** Whether the value is computed by the org. */
  public boolean calculated() {
    return calculated;
  }

  /** Whether the value is an auto number. */
  public boolean autoNumber() {
    return autoNumber;
  }

  /** Whether the field must have a value on create (not nillable, createable, no default). */
  public boolean requiredOnCreate() {
    return !nillable && createable && !defaultedOnCreate && type != FieldType.BOOLEAN;
  }

  /** Whether only listed picklist values are accepted. */
  public boolean restrictedPicklist() {
    return restrictedPicklist;
  }

  /** Picklist values. */
  public List<String> picklistValues() {
    return picklistValues;
  }

  /** Object names a reference may point at. */
  public List<String> referenceTo() {
    return referenceTo;
  }

  /** The relationship name of a reference ({@code Account}, {@code Parent__r}), or null. */
  public @Nullable String relationshipName() {
    return relationshipName;
  }

  /** The parent-to-child relationship name used in SOQL subqueries, or null. */
  public @Nullable String childRelationshipName() {
    return childRelationshipName;
  }

  /** The value a create gets when the field is not set, or null. */
  public @Nullable Object defaultValue() {
    return defaultValue;
  }

  /** Whether SOQL may filter on this field. */
  public boolean filterable() {
    return type != FieldType.LONG_TEXTAREA;
  }

  /** Lower-case name, the schema's lookup key. */
  String key() {
    return name.toLowerCase(Locale.ROOT);
  }

  // --- builder-style helpers used while defining the schema ---

  FieldDef label(String value) {
    this.label = value;
    return this;
  }

  FieldDef length(int value) {
    this.length = value;
    return this;
  }

  FieldDef number(int totalDigits, int decimals) {
    this.precision = totalDigits;
    this.scale = decimals;
    return this;
  }

  FieldDef required() {
    this.nillable = false;
    return this;
  }

  FieldDef readOnly() {
    this.createable = false;
    this.updateable = false;
    return this;
  }

  FieldDef createOnly() {
    this.createable = true;
    this.updateable = false;
    return this;
  }

  FieldDef defaults(Object value) {
    this.defaultValue = value;
    this.defaultedOnCreate = true;
    return this;
  }

  FieldDef defaulted() {
    this.defaultedOnCreate = true;
    return this;
  }

  FieldDef picklist(boolean restricted, String... values) {
    this.restrictedPicklist = restricted;
    this.picklistValues.addAll(List.of(values));
    return this;
  }

  FieldDef references(String relationship, String... objects) {
    this.relationshipName = relationship;
    this.referenceTo.addAll(List.of(objects));
    return this;
  }

  FieldDef children(String name) {
    this.childRelationshipName = name;
    return this;
  }

  FieldDef cascade() {
    this.cascadeDelete = true;
    return this;
  }

  FieldDef calculatedValue() {
    this.calculated = true;
    this.createable = false;
    this.updateable = false;
    return this;
  }

  FieldDef externalIdField(boolean uniqueValues, boolean caseSensitiveValues) {
    this.externalId = true;
    this.idLookup = true;
    this.unique = uniqueValues;
    this.caseSensitive = caseSensitiveValues;
    return this;
  }
}
