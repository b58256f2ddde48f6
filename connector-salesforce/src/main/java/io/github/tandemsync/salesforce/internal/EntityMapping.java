package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.core.EntityType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How one canonical entity type maps to one sObject (and, for documents, its line sObject): the
 * object, the external-id key, the fields, how the writer writes it, and which keys
 * {@code findByKey} can search.
 *
 * @param <T> the canonical record type
 */
final class EntityMapping<T> {
  /** How records of this type are written. */
  enum WriteMode {
    /** Not written to Salesforce. */
    NONE,
    /** sObject Collections upsert by external id (update by Id when linked). */
    UPSERT,
    /** Update of existing records only, found by external id; never creates. */
    UPDATE_ONLY,
    /** Header and lines as one Composite Graph per document, lines by external id. */
    DOCUMENT,
    /** Like {@link #DOCUMENT}, with the Order rules: Draft with a price book first, activation apart. */
    ORDER,
    /** Price-book entries: standard price book first, one Pricebook2 per price band. */
    PRICE,
    /** Update by Salesforce Id only, of the write-back fields (records born in Salesforce). */
    WRITE_BACK
  }

  /**
   * A key {@code findByKey} can search.
   *
   * @param path canonical key field, e.g. {@code code}
   * @param nativeField default API name searched
   * @param toNative canonical value to the stored value (e.g. {@code C-} prefix)
   */
  record KeyLookup(String path, String nativeField, Function<String, String> toNative) {}

  final EntityType<T> type;
  final String object;
  final Optional<String> externalIdField;
  final Function<JsonNode, Optional<String>> externalIdOf;
  final BiConsumer<Row, ObjectNode> keyReader;
  final List<String> keyNativeFields;
  final List<String> keyPaths;
  final List<FieldSpec> fields;
  final Optional<LineMapping> lines;
  final boolean readable;
  final WriteMode writeMode;
  final List<KeyLookup> keyLookups;
  final Function<MappingContext, Optional<Soql.Condition>> readFilter;
  /** Key paths the reader fills from what Salesforce assigns (the record Id): never written. */
  final Set<String> readOnlyKeyPaths;
  /**
   * Canonical paths holding the record's currency, first present wins; written to
   * {@code CurrencyIsoCode} in a multi-currency org so amounts show in their own currency.
   */
  final List<String> recordCurrencyPaths;
  /**
   * Whether a single-currency org refuses records in another currency: their amounts land in
   * standard Currency fields (price-book entries, order products) that have no currency of their own.
   */
  final boolean orgCurrencyOnly;

  private EntityMapping(Builder<T> b) {
    this.type = b.type;
    this.object = b.object;
    this.externalIdField = Optional.ofNullable(b.externalIdField);
    this.externalIdOf = b.externalIdOf;
    this.keyReader = b.keyReader;
    this.keyNativeFields = List.copyOf(b.keyNativeFields);
    this.keyPaths = List.copyOf(b.keyPaths);
    this.fields = List.copyOf(b.fields);
    this.lines = Optional.ofNullable(b.lines);
    this.readable = b.readable;
    this.writeMode = b.writeMode;
    this.keyLookups = List.copyOf(b.keyLookups);
    this.readFilter = b.readFilter;
    this.readOnlyKeyPaths = Set.copyOf(b.readOnlyKeyPaths);
    this.recordCurrencyPaths = List.copyOf(b.recordCurrencyPaths);
    this.orgCurrencyOnly = b.orgCurrencyOnly;
  }

  static <T> Builder<T> builder(EntityType<T> type, String object) {
    return new Builder<>(type, object);
  }

  /** Canonical paths this mapping fills when reading. */
  Set<String> readPaths() {
    Set<String> paths = new LinkedHashSet<>(keyPaths);
    fields.stream().filter(f -> f.access.reads()).forEach(f -> paths.addAll(f.paths));
    lines.ifPresent(l -> paths.add(l.path()));
    return paths;
  }

  /** Canonical paths this mapping stores when writing: never a path Salesforce assigns (Id, formula, roll-up). */
  Set<String> writePaths() {
    Set<String> paths = new LinkedHashSet<>(keyPaths);
    paths.removeAll(readOnlyKeyPaths);
    fields.stream().filter(f -> f.access.writes()).forEach(f -> paths.addAll(f.paths));
    // Lines count when some line field is written (a quote's lines are Salesforce's: read only).
    lines.filter(l -> l.fields().stream().anyMatch(f -> f.access.writes())).ifPresent(l -> paths.add(l.path()));
    return paths;
  }

  /** The canonical path a native (default-named) field maps to, for error messages. */
  Optional<String> canonicalPathOf(String defaultNativeField) {
    for (FieldSpec f : fields) {
      if (f.nativeFields.contains(defaultNativeField) && !f.paths.isEmpty()) {
        return Optional.of(f.paths.get(0));
      }
    }
    if (keyNativeFields.contains(defaultNativeField) && !keyPaths.isEmpty()) {
      return Optional.of(keyPaths.get(0));
    }
    return Optional.empty();
  }

  /** Builds an {@link EntityMapping}. */
  static final class Builder<T> {
    private final EntityType<T> type;
    private final String object;
    private String externalIdField;
    private Function<JsonNode, Optional<String>> externalIdOf = c -> Optional.empty();
    private BiConsumer<Row, ObjectNode> keyReader = (r, c) -> { };
    private final List<String> keyNativeFields = new ArrayList<>();
    private final List<String> keyPaths = new ArrayList<>();
    private final List<FieldSpec> fields = new ArrayList<>();
    private LineMapping lines;
    private boolean readable = true;
    private WriteMode writeMode = WriteMode.UPSERT;
    private final List<KeyLookup> keyLookups = new ArrayList<>();
    private Function<MappingContext, Optional<Soql.Condition>> readFilter = c -> Optional.empty();
    private final Set<String> readOnlyKeyPaths = new LinkedHashSet<>();
    private final List<String> recordCurrencyPaths = new ArrayList<>();
    private boolean orgCurrencyOnly;

    private Builder(EntityType<T> type, String object) {
      this.type = type;
      this.object = object;
    }

    /**
     * The external-id key: the field, how a canonical value yields it, how a row yields the
     * canonical key fields, and which native fields and canonical paths that involves.
     */
    Builder<T> key(String extIdField, Function<JsonNode, Optional<String>> extIdOf, List<String> natives, List<String> paths,
        BiConsumer<Row, ObjectNode> reader) {
      this.externalIdField = extIdField;
      this.externalIdOf = extIdOf;
      this.keyNativeFields.addAll(natives);
      this.keyPaths.addAll(paths);
      this.keyReader = reader;
      return this;
    }

    /** A key that is one canonical text field stored as is in {@code extIdField}. */
    Builder<T> simpleKey(String extIdField, String path) {
      key(extIdField, c -> Optional.of(Paths.get(c, path)).filter(JsonNode::isTextual).map(JsonNode::asText).filter(s -> !s.isBlank()),
          List.of(extIdField), List.of(path), (row, c) -> {
            String v = row.text(extIdField);
            if (!v.isBlank()) {
              Paths.set(c, path, com.fasterxml.jackson.databind.node.TextNode.valueOf(v));
            }
          });
      lookup(path, extIdField, Function.identity());
      return this;
    }

    /** Key paths filled from the Salesforce Id: read, never written. */
    Builder<T> readOnlyKeyPaths(String... paths) {
      readOnlyKeyPaths.addAll(List.of(paths));
      return this;
    }

    /**
     * The canonical paths of the record's currency (first present wins), written to
     * {@code CurrencyIsoCode} in a multi-currency org.
     */
    Builder<T> recordCurrency(String... paths) {
      recordCurrencyPaths.addAll(List.of(paths));
      return this;
    }

    /** A single-currency org takes only records in its own currency (see {@link EntityMapping#orgCurrencyOnly}). */
    Builder<T> orgCurrencyOnly() {
      this.orgCurrencyOnly = true;
      return this;
    }

    Builder<T> field(FieldSpec spec) {
      fields.add(spec);
      return this;
    }

    Builder<T> lines(LineMapping mapping) {
      this.lines = mapping;
      return this;
    }

    Builder<T> readable(boolean value) {
      this.readable = value;
      return this;
    }

    Builder<T> writeMode(WriteMode mode) {
      this.writeMode = mode;
      return this;
    }

    Builder<T> lookup(String path, String nativeField, Function<String, String> toNative) {
      keyLookups.add(new KeyLookup(path, nativeField, toNative));
      return this;
    }

    Builder<T> readFilter(Function<MappingContext, Optional<Soql.Condition>> filter) {
      this.readFilter = filter;
      return this;
    }

    EntityMapping<T> build() {
      return new EntityMapping<>(this);
    }
  }
}
