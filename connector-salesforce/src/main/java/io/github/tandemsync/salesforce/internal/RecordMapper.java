package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.SyncError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies one {@link EntityMapping} with the org's names and the partner's customizers: sObject
 * rows to canonical records (or a {@link SyncError} naming the field) and canonical records to
 * sObject bodies.
 */
final class RecordMapper<T> {
  final EntityMapping<T> mapping;
  final MappingContext ctx;
  private final List<MappingCustomizer<T>> customizers;
  private final List<String> extraNativeFields;
  private final Class<T> javaType;
  /** Optional fields describe did not list: left out of queries and bodies. */
  private final java.util.Set<FieldSpec> unavailable = java.util.concurrent.ConcurrentHashMap.newKeySet();

  RecordMapper(EntityMapping<T> mapping, MappingContext ctx, List<MappingCustomizer<T>> customizers, List<String> extraNativeFields) {
    this.mapping = mapping;
    this.ctx = ctx;
    this.customizers = List.copyOf(customizers);
    this.extraNativeFields = List.copyOf(extraNativeFields);
    this.javaType = mapping.type.javaType();
  }

  /** Leaves an optional field out (describe does not list it in this org). */
  void markUnavailable(FieldSpec spec) {
    unavailable.add(spec);
  }

  private boolean active(FieldSpec spec) {
    return !unavailable.contains(spec);
  }

  String entity() {
    return mapping.type.name();
  }

  /** The org's object name. */
  String object() {
    return ctx.naming().object(mapping.object);
  }

  String field(String defaultField) {
    int dot = defaultField.indexOf('.');
    if (dot > 0) {
      // a parent's field through a standard relationship (Account.ERP_Id__c from a Contact): the
      // relationship keeps its name, the parent's field follows the parent object's naming
      String relationship = defaultField.substring(0, dot);
      return relationship + "." + ctx.naming().field(relationship, defaultField.substring(dot + 1));
    }
    return ctx.naming().field(mapping.object, defaultField);
  }

  Optional<String> externalIdField() {
    return mapping.externalIdField.map(this::field);
  }

  List<String> extraNativeFields() {
    return extraNativeFields;
  }

  /** Fields to SELECT (org names), always with Id and SystemModstamp. */
  List<String> selectFields() {
    Set<String> fields = new LinkedHashSet<>(List.of("Id", "SystemModstamp"));
    mapping.keyNativeFields.forEach(f -> fields.add(field(f)));
    for (FieldSpec spec : mapping.fields) {
      if (spec.access.reads() && active(spec)) {
        if (spec.refs.isEmpty()) {
          spec.nativeFields.forEach(f -> fields.add(field(f)));
        } else {
          spec.refs.forEach(r -> fields.add(r.selectPath(ctx, mapping.object)));
        }
      }
    }
    mapping.lines.flatMap(LineMapping::textLinesField).ifPresent(f -> fields.add(field(f)));
    if (ctx.currencyField(mapping.object).isPresent()) {
      fields.add(MappingContext.CURRENCY_FIELD);
    }
    fields.addAll(extraNativeFields);
    return new ArrayList<>(fields);
  }

  /** The line subquery of a document, e.g. {@code (SELECT ... FROM OrderItems ORDER BY ...)}. */
  Optional<Soql> lineSubquery() {
    return mapping.lines.map(l -> {
      Set<String> fields = new LinkedHashSet<>(List.of("Id"));
      fields.add(ctx.naming().field(l.object(), l.externalIdField()));
      for (FieldSpec spec : l.fields()) {
        if (spec.access.reads()) {
          if (spec.refs.isEmpty()) {
            spec.nativeFields.forEach(f -> fields.add(ctx.naming().field(l.object(), f)));
          } else {
            spec.refs.forEach(r -> fields.add(r.selectPath(ctx, l.object())));
          }
        }
      }
      if (ctx.currencyField(l.object()).isPresent()) {
        fields.add(MappingContext.CURRENCY_FIELD);
      }
      Soql sub = Soql.select(fields).from(ctx.naming().field(mapping.object, l.childRelationship()));
      l.orderBy().ifPresent(ob -> sub.orderBy(ctx.naming().field(l.object(), ob)));
      return sub;
    });
  }

  FieldSet readFields() {
    Set<String> paths = new LinkedHashSet<>(mapping.readPaths());
    unavailable.forEach(spec -> paths.removeAll(spec.paths));
    customizers.forEach(c -> paths.addAll(c.fields()));
    return FieldSet.of(paths);
  }

  FieldSet writeFields() {
    Set<String> paths = new LinkedHashSet<>(mapping.writePaths());
    unavailable.forEach(spec -> paths.removeAll(spec.paths));
    customizers.forEach(c -> paths.addAll(c.writeFields()));
    return FieldSet.of(paths);
  }

  /** A mapped record or why it could not be mapped. */
  record Mapped<T>(Optional<T> value, Optional<SyncError> error) {}

  /**
   * Maps one row. {@code pager} fetches further pages of a line subquery that did not fit the
   * parent's page.
   */
  Mapped<T> toCanonical(ObjectNode row, Function<String, QueryPage> pager) {
    String id = row.path("Id").asText("?");
    try {
      ObjectNode canonical = Json.object();
      Row r = new Row(row, mapping.object, ctx);
      mapping.keyReader.accept(r, canonical);
      for (FieldSpec spec : mapping.fields) {
        if (spec.access.reads() && active(spec)) {
          spec.reader.read(r, canonical);
        }
      }
      if (mapping.lines.isPresent()) {
        LineMapping l = mapping.lines.get();
        ArrayNode lines = canonical.putArray(l.path());
        for (ObjectNode lineRow : childRows(row.get(ctx.naming().field(mapping.object, l.childRelationship())), pager)) {
          ObjectNode line = Json.object();
          Row lr = new Row(lineRow, l.object(), ctx);
          for (FieldSpec spec : l.fields()) {
            if (spec.access.reads()) {
              spec.reader.read(lr, line);
            }
          }
          lines.add(line);
        }
        if (l.textLinesField().isPresent()) {
          mergeTextLines(lines, r.text(l.textLinesField().get()), id);
        }
      }
      T value = Json.MAPPER.treeToValue(canonical, javaType);
      SObjectRecord sobject = new SObjectRecord(object(), row);
      for (MappingCustomizer<T> c : customizers) {
        value = c.afterRead(sobject, value);
      }
      return new Mapped<>(Optional.of(value), Optional.empty());
    } catch (InvalidRecordException e) {
      return invalid(id, e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      Throwable cause = e.getCause();
      while (cause != null && !(cause instanceof InvalidRecordException)) {
        cause = cause.getCause();
      }
      if (cause instanceof InvalidRecordException ire) {
        return invalid(id, ire);
      }
      String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException jme && !jme.getPath().isEmpty()
          ? jme.getPath().get(jme.getPath().size() - 1).getFieldName() : null;
      SyncError error = SyncError.permanent("INVALID_RECORD", mapping.type.name() + " " + id + " cannot be mapped: "
          + (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()));
      return new Mapped<>(Optional.empty(), Optional.of(field == null ? error : error.withField(field)));
    } catch (RuntimeException e) {
      return new Mapped<>(Optional.empty(), Optional.of(SyncError.permanent("INVALID_RECORD",
          mapping.type.name() + " " + id + " cannot be mapped: " + e)));
    }
  }

  /**
   * Puts the lines kept as JSON on the header back among the line records: in line-number order
   * when every line has a number (documents from the ERP), else after them.
   */
  private void mergeTextLines(ArrayNode lines, String json, String id) {
    if (json.isBlank()) {
      return;
    }
    String field = mapping.lines.flatMap(LineMapping::textLinesField).orElseThrow();
    JsonNode parsed;
    try {
      parsed = Json.MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidRecordException(mapping.type.name(), id, mapping.lines.get().path(), "cannot be read: " + field
          + " does not hold the JSON list of text lines the connector writes (" + e.getOriginalMessage() + ")");
    }
    if (!parsed.isArray()) {
      throw new InvalidRecordException(mapping.type.name(), id, mapping.lines.get().path(), "cannot be read: " + field
          + " holds no JSON list of text lines");
    }
    List<JsonNode> all = new ArrayList<>();
    lines.forEach(all::add);
    parsed.forEach(all::add);
    if (all.stream().allMatch(line -> line.path("lineNumber").isNumber())) {
      all.sort(java.util.Comparator.comparingInt(line -> line.path("lineNumber").asInt()));
    }
    lines.removeAll();
    all.forEach(lines::add);
  }

  private Mapped<T> invalid(String id, InvalidRecordException e) {
    SyncError error = SyncError.permanent("INVALID_RECORD", mapping.type.name() + " " + id + ": " + e.getMessage());
    return new Mapped<>(Optional.empty(), Optional.of(e.field().map(error::withField).orElse(error)));
  }

  private static List<ObjectNode> childRows(JsonNode sub, Function<String, QueryPage> pager) {
    List<ObjectNode> rows = new ArrayList<>();
    if (sub == null || !sub.isObject()) {
      return rows;
    }
    QueryPage page = QueryPage.from(sub);
    rows.addAll(page.records());
    // A child subquery pages on its own: follow its nextRecordsUrl, or lines are lost.
    while (!page.done() && page.nextRecordsUrl().isPresent()) {
      page = pager.apply(page.nextRecordsUrl().get());
      rows.addAll(page.records());
    }
    return rows;
  }

  /** The canonical JSON of a value. */
  JsonNode canonicalJson(T value) {
    return Json.MAPPER.valueToTree(value);
  }

  Optional<String> externalId(JsonNode canonical) {
    return mapping.externalIdOf.apply(canonical);
  }

  /**
   * The sObject body for {@code value}: every written field on create, else only fields whose
   * canonical path is among {@code changedFields} (all when empty); then the customizers.
   */
  ObjectNode toSObject(T value, JsonNode canonical, Set<String> changedFields, boolean create) {
    ObjectNode body = Json.object();
    Row target = new Row(body, mapping.object, ctx);
    FieldSet changed = changedFields.isEmpty() || create ? FieldSet.all() : FieldSet.of(changedFields);
    for (FieldSpec spec : mapping.fields) {
      if (!spec.access.writes() || (spec.createOnly && !create) || !active(spec)) {
        continue;
      }
      if (spec.everyWrite || spec.paths.stream().anyMatch(p -> changed.contains(p) || changedFields.stream().anyMatch(cf -> cf.startsWith(p + ".")))) {
        spec.writer.write(canonical, target);
      }
    }
    writeRecordCurrency(canonical, body, changed, create);
    if (mapping.lines.isPresent() && changed.contains(mapping.lines.get().path())) {
      writeTextLines(canonical, body);
    }
    SObjectRecord sobject = new SObjectRecord(object(), body);
    for (MappingCustomizer<T> c : customizers) {
      c.beforeWrite(value, sobject);
    }
    return body;
  }

  /** Largest JSON text kept in a long text area (Salesforce's maximum length is 131,072). */
  static final int TEXT_LINES_MAX = 131_072;

  /** The record's currency to {@code CurrencyIsoCode}; refuses a currency the org cannot hold amounts in. */
  private void writeRecordCurrency(JsonNode canonical, ObjectNode body, FieldSet changed, boolean create) {
    Optional<String> path = mapping.recordCurrencyPaths.stream().filter(p -> Paths.get(canonical, p).isTextual()
        && !Paths.get(canonical, p).asText().isBlank()).findFirst();
    if (path.isEmpty()) {
      return;
    }
    String currency = Paths.get(canonical, path.get()).asText();
    if (ctx.currencies().isEmpty()) {
      if (mapping.orgCurrencyOnly && !currency.equals(ctx.defaultCurrency())) {
        throw new UnsupportedCurrencyException(mapping.type.name(), path.get(), "is " + currency + ", but the Salesforce org is a "
            + "single-currency org in " + ctx.defaultCurrency() + ": its price-book entries and order products hold " + ctx.defaultCurrency()
            + " amounts only. Enable multi-currency in Salesforce with " + currency + " active, or keep " + currency
            + " records out of this org (the connector's defaultCurrency names the org currency)");
      }
      return;
    }
    Optional<MappingContext.Access> access = ctx.currencyField(mapping.object);
    if (access.isEmpty()) {
      return;
    }
    boolean touched = create || mapping.recordCurrencyPaths.stream().anyMatch(changed::contains);
    if (!touched || !(create ? access.get().createable() : access.get().updateable())) {
      return;
    }
    if (!ctx.currencies().get().active().contains(currency)) {
      throw new UnsupportedCurrencyException(mapping.type.name(), path.get(), "is " + currency + ", which is not an active currency of "
          + "the Salesforce org (active: " + new java.util.TreeSet<>(ctx.currencies().get().active()) + "); activate it in Salesforce "
          + "(Setup, Manage Currencies) or keep " + currency + " records out of this org");
    }
    body.put(MappingContext.CURRENCY_FIELD, currency);
  }

  /** The document's lines without a product, as JSON on the header (written with the lines). */
  private void writeTextLines(JsonNode canonical, ObjectNode body) {
    if (mapping.lines.isEmpty() || mapping.lines.get().textLinesField().isEmpty()) {
      return;
    }
    LineMapping l = mapping.lines.get();
    ArrayNode text = Json.array();
    Paths.get(canonical, l.path()).forEach(line -> {
      if (l.isTextLine(line) && line.isObject()) {
        ObjectNode compact = line.deepCopy();
        List<String> empty = new ArrayList<>();
        compact.fieldNames().forEachRemaining(name -> {
          if (compact.get(name).isNull()) {
            empty.add(name);
          }
        });
        compact.remove(empty); // absent reads back as empty: the JSON stays short
        text.add(compact);
      }
    });
    String field = field(l.textLinesField().get());
    if (text.isEmpty()) {
      body.putNull(field);
      return;
    }
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (json.length() > TEXT_LINES_MAX) {
      throw new InvalidRecordException(mapping.type.name(), null, l.path(), "has " + text.size() + " lines without a product, "
          + json.length() + " characters as JSON; " + field + " holds at most " + TEXT_LINES_MAX);
    }
    body.put(field, json);
  }

  /**
   * A line record to write and the canonical line it comes from.
   *
   * @param body the line sObject, with its external id
   * @param line the canonical line
   */
  record LineBody(ObjectNode body, JsonNode line) {}

  /** The line bodies of a document, each with its external id; lines kept as text on the header are left out. */
  List<LineBody> lineBodies(JsonNode canonical, String documentKey, boolean create) {
    List<LineBody> out = new ArrayList<>();
    if (mapping.lines.isEmpty()) {
      return out;
    }
    LineMapping l = mapping.lines.get();
    JsonNode lines = Paths.get(canonical, l.path());
    if (!lines.isArray()) {
      return out;
    }
    int index = 1;
    for (JsonNode line : lines) {
      if (l.isTextLine(line)) {
        index++; // keys of unnumbered lines stay their position in the document
        continue;
      }
      ObjectNode body = Json.object();
      Row target = new Row(body, l.object(), ctx);
      for (FieldSpec spec : l.fields()) {
        if (spec.access.writes() && (create || !spec.createOnly)) {
          spec.writer.write(line, target);
        }
      }
      body.put(ctx.naming().field(l.object(), l.externalIdField()), l.lineKey().of(documentKey, line, index));
      out.add(new LineBody(body, line));
      index++;
    }
    return out;
  }

  /** The canonical field for an org-named native field, for error messages. */
  Optional<String> canonicalField(String nativeField) {
    if (nativeField.equals(MappingContext.CURRENCY_FIELD) && !mapping.recordCurrencyPaths.isEmpty()) {
      return Optional.of(mapping.recordCurrencyPaths.get(0));
    }
    if (mapping.lines.flatMap(LineMapping::textLinesField).map(this::field).filter(nativeField::equals).isPresent()) {
      return Optional.of(mapping.lines.get().path());
    }
    for (String def : defaultNames()) {
      if (field(def).equals(nativeField)) {
        return mapping.canonicalPathOf(def);
      }
    }
    for (MappingCustomizer<T> c : customizers) {
      for (String p : c.fields()) {
        if (p.equals("extensions." + nativeField)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private Set<String> defaultNames() {
    Set<String> names = new LinkedHashSet<>(mapping.keyNativeFields);
    mapping.fields.forEach(f -> names.addAll(f.nativeFields));
    return names;
  }

  /** Native fields the customizers read or write, from {@code extensions.<Field__c>} paths and explicit names. */
  static List<String> customizerNativeFields(List<? extends MappingCustomizer<?>> customizers, List<String> explicit) {
    Set<String> out = new LinkedHashSet<>(explicit);
    for (MappingCustomizer<?> c : customizers) {
      for (String p : c.fields()) {
        if (p.startsWith("extensions.") && p.endsWith("__c")) {
          out.add(p.substring("extensions.".length()));
        }
      }
    }
    return new ArrayList<>(out);
  }
}
