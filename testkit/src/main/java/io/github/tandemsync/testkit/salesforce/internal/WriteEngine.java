package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every write path (REST, collections, composite, graph, Bulk API 2.0 and the UI simulation) goes
 * through here: field parsing, permissions, required fields, lengths, picklists, references,
 * unique values, the standard objects' business rules (reference §15) and audit fields. Call under
 * the org lock.
 */
final class WriteEngine {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern AUTO_NUMBER_DIGITS = Pattern.compile("\\{(0+)\\}");

  private final Org org;

  WriteEngine(Org org) {
    this.org = org;
  }

  /**
   * Who writes and through which surface.
   *
   * @param userId the acting user
   * @param client the {@code Sforce-Call-Options} client value, or null
   * @param apiKind {@code rest}, {@code bulkapi} or {@code ui}
   * @param apiVersion the API version of the call, e.g. {@code 65.0}
   * @param enforceSecurity whether field-level security and object permissions apply
   */
  public record Actor(String userId, @Nullable String client, String apiKind, String apiVersion, boolean enforceSecurity) {

    /** A person editing in the UI: no FLS restrictions, no API origin. */
    public static Actor ui(String userId) {
      return new Actor(userId, null, "ui", "", false);
    }

    /** The change origin as Change Data Capture would report it (reference §14). */
    @Nullable String origin() {
      if (apiKind.equals("ui")) {
        return null;
      }
      return "com/salesforce/api/" + apiKind + "/" + apiVersion + (client == null ? "" : ";client=" + client);
    }
  }

  /** A relationship set by external id: {@code "Account": {"ERP_Id__c": "C-ABAP01"}}. */
  record ParentRef(FieldDef reference, SObjectType target, FieldDef extField, Object value) {}

  /** The parsed field values of one record. */
  public static final class Input {
    final LinkedHashMap<FieldDef, @Nullable Object> values = new LinkedHashMap<>();
    final List<ParentRef> parentRefs = new ArrayList<>();
    final List<String> hidden = new ArrayList<>();
    @Nullable String id;

    /** Whether the body set the field. */
    boolean has(FieldDef field) {
      return values.containsKey(field);
    }

    /** The record id given in the body, if any. */
    public @Nullable String id() {
      return id;
    }

    /** Removes a field from the input (e.g. the external id of a collections upsert). */
    @Nullable Object remove(FieldDef field) {
      return values.remove(field);
    }

    /** The value the body gives the field. */
    @Nullable Object value(FieldDef field) {
      return values.get(field);
    }
  }

  /** What an upsert did. */
  public sealed interface UpsertOutcome {
    /** A record was created. */
    record Created(String id) implements UpsertOutcome {}

    /** One record matched and was updated. */
    record Updated(String id) implements UpsertOutcome {}

    /** Several records matched: nothing was written. */
    record Multiple(List<String> ids) implements UpsertOutcome {}

    /** No record matched and updateOnly was set. */
    record NotFound() implements UpsertOutcome {}
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing

  /** Parses a JSON record body. Unknown fields are record-level errors; type errors fail the request. */
  public Input parseJson(SObjectType type, JsonNode body, Actor actor) {
    if (!body.isObject()) {
      throw SfError.request(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + type.name + " from " + kind(body) + " value");
    }
    Input input = new Input();
    for (Map.Entry<String, JsonNode> entry : body.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (key.equals("attributes")) {
        continue;
      }
      if (key.equalsIgnoreCase("Id")) {
        input.id = value.isNull() ? null : value.asText();
        continue;
      }
      FieldDef field = type.field(key).orElse(null);
      if (field != null) {
        if (actor.enforceSecurity() && org.schema.isHidden(type, field)) {
          input.hidden.add(field.name);
          continue;
        }
        input.values.put(field, convertJson(field, value));
        continue;
      }
      FieldDef reference = type.relationship(key).orElse(null);
      if (reference != null && value.isObject()) {
        input.parentRefs.add(parentRef(reference, value));
        continue;
      }
      if (reference != null && value.isNull()) {
        input.values.put(reference, null);
        continue;
      }
      throw SfError.record("INVALID_FIELD", "No such column '" + key + "' on sobject of type " + type.name);
    }
    return input;
  }

  private ParentRef parentRef(FieldDef reference, JsonNode value) {
    String targetName = reference.referenceTo.get(0);
    JsonNode attributes = value.get("attributes");
    if (attributes != null && attributes.hasNonNull("type")) {
      targetName = attributes.get("type").asText();
    }
    SObjectType target = org.schema.type(targetName)
        .orElseThrow(() -> SfError.record("INVALID_TYPE", "sObject type '" + reference.referenceTo.get(0) + "' is not supported."));
    FieldDef extField = null;
    JsonNode extValue = null;
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      if (entry.getKey().equals("attributes")) {
        continue;
      }
      if (extField != null) {
        throw SfError.record("INVALID_FIELD", "More than 1 field provided in an external foreign key reference in entity: " + target.name);
      }
      extField = target.field(entry.getKey()).orElseThrow(() -> SfError.record("INVALID_FIELD",
          "No such column '" + entry.getKey() + "' on sobject of type " + target.name));
      extValue = entry.getValue();
    }
    if (extField == null || extValue == null) {
      throw SfError.record("INVALID_FIELD", "No external id field provided in the foreign key reference in entity: " + target.name);
    }
    if (!extField.idLookup) {
      throw SfError.record("INVALID_FIELD", "Field " + extField.name + " is not an External ID or indexed field for " + target.name);
    }
    Object converted = convertJson(extField, extValue);
    if (converted == null) {
      throw SfError.record("INVALID_FIELD", "Foreign key external ID is null for field " + extField.name + " in entity " + target.name);
    }
    return new ParentRef(reference, target, extField, converted);
  }

  /** Converts a JSON value for a field; a JSON type that does not fit fails the request. */
  @Nullable Object convertJson(FieldDef field, JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isContainerNode()) {
      throw typeError(field, node);
    }
    FieldType type = field.type;
    if (type.isText()) {
      String text = node.isNumber() ? node.decimalValue().toPlainString() : node.asText();
      return text.isEmpty() ? null : text;
    }
    if (type.isNumber()) {
      if (node.isNumber()) {
        return node.decimalValue();
      }
      if (node.isTextual()) {
        if (node.asText().isEmpty()) {
          return null;
        }
        try {
          return new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
          throw typeError(field, node);
        }
      }
      throw typeError(field, node);
    }
    switch (type) {
      case BOOLEAN -> {
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        if (node.isTextual() && (node.asText().equalsIgnoreCase("true") || node.asText().equalsIgnoreCase("false"))) {
          return Boolean.parseBoolean(node.asText());
        }
        throw typeError(field, node);
      }
      case DATE -> {
        if (node.isTextual()) {
          if (node.asText().isEmpty()) {
            return null;
          }
          return Formats.parseDate(node.asText()).orElseThrow(() -> typeError(field, node));
        }
        throw typeError(field, node);
      }
      case DATETIME -> {
        if (node.isTextual()) {
          if (node.asText().isEmpty()) {
            return null;
          }
          return Formats.parseDateTime(node.asText()).orElseThrow(() -> typeError(field, node));
        }
        throw typeError(field, node);
      }
      case ID, REFERENCE -> {
        String text = node.asText();
        if (text.isEmpty()) {
          return null;
        }
        String id = Ids.normalize(text);
        if (id == null) {
          throw SfError.record("MALFORMED_ID", field.label + ": id value of incorrect type: " + text, field.name);
        }
        return id;
      }
      default -> throw typeError(field, node);
    }
  }

  private static SfError typeError(FieldDef field, JsonNode node) {
    String javaType = switch (field.type) {
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case DATETIME -> "datetime";
      case INT -> "int";
      default -> field.type.isNumber() ? "double" : "string";
    };
    return SfError.request(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + javaType + " from " + kind(node)
        + " value " + (node.isContainerNode() ? "" : node.asText()) + " or request may be missing a required field (field "
        + field.name + ")");
  }

  private static String kind(JsonNode node) {
    if (node.isObject()) {
      return "START_OBJECT";
    }
    if (node.isArray()) {
      return "START_ARRAY";
    }
    if (node.isTextual()) {
      return "VALUE_STRING";
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? "VALUE_TRUE" : "VALUE_FALSE";
    }
    return node.isIntegralNumber() ? "VALUE_NUMBER_INT" : "VALUE_NUMBER_FLOAT";
  }

  /** A resolved Bulk CSV column: a field, or a relationship by external id ({@code Account.ERP_Id__c}). */
  public record Column(String header, @Nullable FieldDef field, @Nullable FieldDef reference, @Nullable SObjectType target,
      @Nullable FieldDef extField, boolean id) {}

  /** Resolves a CSV header for a type; an unknown column fails the whole job. */
  public Column column(SObjectType type, String header, Actor actor) {
    String name = header.trim();
    if (name.equalsIgnoreCase("Id")) {
      return new Column(header, null, null, null, null, true);
    }
    int dot = name.indexOf('.');
    if (dot > 0) {
      String relationship = name.substring(0, dot);
      String extName = name.substring(dot + 1);
      String targetName = null;
      int colon = relationship.indexOf(':');
      if (colon > 0) {
        // Polymorphic form: Owner:User.Username (rare)
        targetName = relationship.substring(colon + 1);
        relationship = relationship.substring(0, colon);
      }
      FieldDef reference = type.relationship(relationship).orElse(null);
      if (reference == null) {
        throw SfError.request(400, "INVALIDBATCH", "Field name not found : " + name);
      }
      SObjectType target = org.schema.type(targetName != null ? targetName : reference.referenceTo.get(0)).orElseThrow(
          () -> SfError.request(400, "INVALIDBATCH", "Field name not found : " + header));
      FieldDef extField = target.field(extName).orElseThrow(() -> SfError.request(400, "INVALIDBATCH", "Field name not found : " + header));
      if (!extField.idLookup) {
        throw SfError.request(400, "INVALIDBATCH", "Field " + extName + " is not an External ID or indexed field for " + target.name);
      }
      return new Column(header, null, reference, target, extField, false);
    }
    FieldDef field = type.field(name).orElse(null);
    if (field == null || (actor.enforceSecurity() && org.schema.isHidden(type, field))) {
      throw SfError.request(400, "INVALIDBATCH", "Field name not found : " + name);
    }
    return new Column(header, field, null, null, null, false);
  }

  /**
   * Parses one CSV row. An empty cell leaves the field alone; {@code #N/A} sets it to null (Bulk
   * API convention).
   */
  public Input parseCsv(List<Column> columns, List<String> cells) {
    Input input = new Input();
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      String cell = i < cells.size() ? cells.get(i) : "";
      if (column.id()) {
        input.id = cell.isEmpty() ? null : cell;
        continue;
      }
      if (cell.isEmpty()) {
        continue;
      }
      boolean setNull = cell.equals("#N/A");
      if (column.field() != null) {
        input.values.put(column.field(), setNull ? null : convertText(column.field(), cell, i + 1));
      } else if (column.reference() != null && column.target() != null && column.extField() != null) {
        if (setNull) {
          input.values.put(column.reference(), null);
        } else {
          input.parentRefs.add(new ParentRef(column.reference(), column.target(), column.extField(),
              Objects.requireNonNull(convertText(column.extField(), cell, i + 1))));
        }
      }
    }
    return input;
  }

  /** Converts CSV text for a field; bad values fail the row. */
  @Nullable Object convertText(FieldDef field, String text, int column) {
    FieldType type = field.type;
    if (type.isText()) {
      return text;
    }
    try {
      if (type.isNumber()) {
        return new BigDecimal(text.trim());
      }
      switch (type) {
        case BOOLEAN -> {
          String lower = text.trim().toLowerCase(Locale.ROOT);
          if (lower.equals("true") || lower.equals("1")) {
            return Boolean.TRUE;
          }
          if (lower.equals("false") || lower.equals("0")) {
            return Boolean.FALSE;
          }
        }
        case DATE -> {
          var date = Formats.parseDate(text);
          if (date.isPresent()) {
            return date.get();
          }
        }
        case DATETIME -> {
          var dateTime = Formats.parseDateTime(text);
          if (dateTime.isPresent()) {
            return dateTime.get();
          }
        }
        case ID, REFERENCE -> {
          String id = Ids.normalize(text.trim());
          if (id != null) {
            return id;
          }
          throw SfError.record("MALFORMED_ID", field.label + ": id value of incorrect type: " + text, field.name);
        }
        default -> { }
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw SfError.record("INVALID_FIELD", "Failed to deserialize field at col " + column + ". Due to, '" + text
        + "' is not a valid value for the type " + type.soapType(), field.name);
  }

  // ---------------------------------------------------------------------------------------------
  // Insert / update / upsert

  /** Creates a record; returns its id. */
  public String insert(SObjectType type, Input input, Actor actor) {
    if (actor.enforceSecurity() && !type.createable) {
      throw SfError.record("INVALID_TYPE_FOR_OPERATION", "entity type " + type.name + " does not support insert");
    }
    if (input.id != null) {
      throw SfError.record("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", "Id");
    }
    List<String> notWritable = new ArrayList<>(input.hidden);
    for (FieldDef field : input.values.keySet()) {
      if (!field.createable && actor.enforceSecurity()) {
        notWritable.add(field.name);
      }
    }
    failIfNotWritable(notWritable);
    resolveParents(input);
    Instant now = org.now();
    Row row = new Row(org.ids.next(type.keyPrefix), type);
    for (FieldDef field : type.fields()) {
      if (field.defaultValue != null) {
        row.values.put(field.name, field.defaultValue);
      }
    }
    if (type.field("OwnerId").isPresent()) {
      row.values.put("OwnerId", actor.userId());
    }
    for (Map.Entry<FieldDef, @Nullable Object> entry : input.values.entrySet()) {
      row.values.put(entry.getKey().name, entry.getValue());
    }
    checkReferences(type, input.values.keySet(), row);
    beforeInsert(row);
    checkRequired(row, type.fields().stream().filter(FieldDef::requiredOnCreate).toList());
    checkValues(row, input.values.keySet());
    checkUnique(row, type.uniqueFields());
    row.values.put("Id", row.id);
    row.values.put("IsDeleted", Boolean.FALSE);
    row.values.put("CreatedDate", now);
    row.values.put("CreatedById", actor.userId());
    assignAutoNumbers(row, now);
    FieldDef name = type.nameField();
    if (type.custom && name != null && !name.autoNumber && row.values.get("Name") == null) {
      // A custom record created without a name is named after its id.
      row.values.put("Name", row.id);
    }
    touch(row, actor, now);
    org.store.insert(row);
    afterWrite(row, null, actor, now);
    return row.id;
  }

  /** Updates a live record with the given fields. */
  public void update(Row row, Input input, Actor actor) {
    SObjectType type = row.type;
    if (actor.enforceSecurity() && !type.updateable) {
      throw SfError.record("INVALID_TYPE_FOR_OPERATION", "entity type " + type.name + " does not support update");
    }
    if (row.deleted) {
      throw SfError.record("ENTITY_IS_DELETED", "entity is deleted");
    }
    List<String> notWritable = new ArrayList<>(input.hidden);
    for (FieldDef field : input.values.keySet()) {
      if (!field.updateable && actor.enforceSecurity()) {
        notWritable.add(field.name);
      }
    }
    failIfNotWritable(notWritable);
    resolveParents(input);
    Row next = row.copy();
    for (Map.Entry<FieldDef, @Nullable Object> entry : input.values.entrySet()) {
      next.values.put(entry.getKey().name, entry.getValue());
    }
    checkReferences(type, input.values.keySet(), next);
    beforeUpdate(row, next, input);
    List<FieldDef> required = type.fields().stream()
        .filter(f -> !f.nillable && f.type != FieldType.BOOLEAN && input.has(f)).toList();
    checkRequired(next, required);
    checkValues(next, input.values.keySet());
    List<FieldDef> changedUnique = new ArrayList<>();
    for (FieldDef field : type.uniqueFields()) {
      if (input.has(field)) {
        changedUnique.add(field);
      }
    }
    checkUnique(next, changedUnique);
    Instant now = org.now();
    Row before = row.copy();
    org.store.beforeChange(row);
    row.values.clear();
    row.values.putAll(next.values);
    touch(row, actor, now);
    org.store.afterChange(row);
    afterWrite(row, before, actor, now);
  }

  /** Upserts by external id (or Id). The external-id value is applied on create. */
  public UpsertOutcome upsert(SObjectType type, FieldDef extField, Object extValue, Input input, Actor actor, boolean updateOnly) {
    List<String> matches = new ArrayList<>(match(type, extField, extValue));
    if (matches.size() > 1) {
      matches.sort(null);
      return new UpsertOutcome.Multiple(matches);
    }
    if (matches.size() == 1) {
      Row row = org.store.get(matches.get(0));
      update(Objects.requireNonNull(row), input, actor);
      return new UpsertOutcome.Updated(row.id);
    }
    if (updateOnly) {
      return new UpsertOutcome.NotFound();
    }
    if (extField.type == FieldType.ID) {
      throw SfError.record("NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + extValue);
    }
    if (!input.has(extField)) {
      input.values.put(extField, extValue);
    }
    if (!extField.createable && actor.enforceSecurity()) {
      failIfNotWritable(List.of(extField.name));
    }
    return new UpsertOutcome.Created(insert(type, input, actor));
  }

  /** Ids of live records whose field holds the value (external ids case-insensitive unless case-sensitive). */
  public Set<String> match(SObjectType type, FieldDef field, Object value) {
    if (field.type == FieldType.ID) {
      String id = Ids.normalize(value.toString());
      Row row = id == null ? null : org.store.get(id);
      return row != null && !row.deleted && row.type == type ? Set.of(row.id) : Set.of();
    }
    return org.store.lookup(type, field, value);
  }

  private static void failIfNotWritable(List<String> fields) {
    if (!fields.isEmpty()) {
      throw SfError.record("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + String.join(", ", fields)
          + ". Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
          fields);
    }
  }

  private void resolveParents(Input input) {
    for (ParentRef ref : input.parentRefs) {
      Set<String> ids = org.store.lookup(ref.target(), ref.extField(), ref.value());
      if (ref.extField().type == FieldType.ID) {
        ids = match(ref.target(), ref.extField(), ref.value());
      }
      if (ids.isEmpty()) {
        throw SfError.record("INVALID_FIELD", "Foreign key external ID: " + ref.value() + " not found for field "
            + ref.extField().name + " in entity " + ref.target().name, ref.reference().name);
      }
      if (ids.size() > 1) {
        throw SfError.record("DUPLICATE_EXTERNAL_ID", "Foreign key external ID: " + ref.value() + " matched more than one "
            + ref.target().name + " for field " + ref.extField().name, ref.reference().name);
      }
      input.values.put(ref.reference(), ids.iterator().next());
    }
    input.parentRefs.clear();
  }

  private void checkReferences(SObjectType type, Set<FieldDef> fields, Row row) {
    for (FieldDef field : fields) {
      if (field.type != FieldType.REFERENCE) {
        continue;
      }
      Object value = row.values.get(field.name);
      if (value == null) {
        continue;
      }
      String id = value.toString();
      String prefix = id.substring(0, 3);
      boolean typeMatches = field.referenceTo.stream()
          .anyMatch(t -> org.schema.type(t).map(st -> st.keyPrefix.equals(prefix)).orElse(false));
      if (!typeMatches) {
        throw SfError.record("FIELD_INTEGRITY_EXCEPTION", field.label + ": id value of incorrect type: " + id, field.name);
      }
      Row target = org.store.get(id);
      if (target == null) {
        throw SfError.record("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", field.name);
      }
      if (target.deleted) {
        throw SfError.record("ENTITY_IS_DELETED", "entity is deleted", field.name);
      }
    }
  }

  private static void checkRequired(Row row, List<FieldDef> required) {
    List<String> missing = new ArrayList<>();
    for (FieldDef field : required) {
      if (row.values.get(field.name) == null) {
        missing.add(field.name);
      }
    }
    if (!missing.isEmpty()) {
      throw SfError.record("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing);
    }
  }

  private void checkValues(Row row, Set<FieldDef> fields) {
    for (FieldDef field : fields) {
      Object value = row.values.get(field.name);
      if (value == null) {
        continue;
      }
      if (field.type.isText() && value instanceof String text) {
        if (field.length > 0 && text.length() > field.length) {
          String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
          throw SfError.record("STRING_TOO_LONG", field.label + ": data value too large: " + shown + " (max length="
              + field.length + ")", field.name);
        }
        if (field.type == FieldType.EMAIL && !EMAIL.matcher(text).matches()) {
          throw SfError.record("INVALID_EMAIL_ADDRESS", field.label + ": invalid email address: " + text, field.name);
        }
        if (field.type == FieldType.PICKLIST && field.restrictedPicklist && !field.picklistValues.contains(text)) {
          throw SfError.record("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", field.label + ": bad value for restricted picklist field: "
              + text, field.name);
        }
      }
      if (field.type.isNumber() && value instanceof BigDecimal number) {
        BigDecimal scaled = number.setScale(field.scale, RoundingMode.HALF_UP);
        int integerDigits = scaled.precision() - scaled.scale();
        if (field.precision > 0 && integerDigits > field.precision - field.scale) {
          throw SfError.record("NUMBER_OUTSIDE_VALID_RANGE", field.label + ": value outside of valid range on numeric field: "
              + number.toPlainString(), field.name);
        }
        row.values.put(field.name, scaled);
      }
    }
  }

  private void checkUnique(Row row, List<FieldDef> fields) {
    for (FieldDef field : fields) {
      Object value = row.values.get(field.name);
      if (value == null || !field.unique) {
        continue;
      }
      for (String other : org.store.lookup(row.type, field, value)) {
        if (!other.equals(row.id)) {
          throw SfError.record("DUPLICATE_VALUE", "duplicate value found: " + field.name + " duplicates value on record with id: "
              + other, field.name);
        }
      }
    }
  }

  private void assignAutoNumbers(Row row, Instant now) {
    for (FieldDef field : row.type.fields()) {
      if (field.autoNumber && field.displayFormat != null) {
        long next = row.type.counter(field.name).incrementAndGet();
        row.values.put(field.name, formatAutoNumber(field.displayFormat, next, now));
      }
    }
  }

  static String formatAutoNumber(String format, long value, Instant now) {
    LocalDate date = LocalDate.ofInstant(now, ZoneOffset.UTC);
    String text = format.replace("{YYYY}", String.format(Locale.ROOT, "%04d", date.getYear()))
        .replace("{YY}", String.format(Locale.ROOT, "%02d", date.getYear() % 100))
        .replace("{MM}", String.format(Locale.ROOT, "%02d", date.getMonthValue()))
        .replace("{DD}", String.format(Locale.ROOT, "%02d", date.getDayOfMonth()));
    Matcher digits = AUTO_NUMBER_DIGITS.matcher(text);
    if (digits.find()) {
      String number = String.format(Locale.ROOT, "%0" + digits.group(1).length() + "d", value);
      return text.substring(0, digits.start()) + number + text.substring(digits.end());
    }
    return text + value;
  }

  private void touch(Row row, Actor actor, Instant now) {
    row.values.put("LastModifiedDate", now);
    row.values.put("LastModifiedById", actor.userId());
    row.values.put("SystemModstamp", now);
    row.lastClient = actor.apiKind().equals("ui") ? null : actor.client();
    row.lastOrigin = actor.origin();
  }

  /** A system-only change (roll-up, derived copy): moves SystemModstamp, not LastModifiedDate. */
  private void systemChange(Row row, String field, @Nullable Object value, Instant now) {
    if (Objects.equals(row.values.get(field), value)) {
      return;
    }
    org.store.beforeChange(row);
    row.values.put(field, value);
    row.values.put("SystemModstamp", now);
    org.store.afterChange(row);
  }

  // ---------------------------------------------------------------------------------------------
  // Delete / undelete

  /** Deletes a live record (into the recycle bin unless hard), cascading to dependent children. */
  public void delete(Row row, Actor actor, boolean hard) {
    if (actor.enforceSecurity() && !row.type.deletable) {
      throw SfError.record("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id");
    }
    if (row.deleted) {
      throw SfError.record("ENTITY_IS_DELETED", "entity is deleted");
    }
    deleteCascade(row, row.id, actor, org.now(), hard);
  }

  private void deleteCascade(Row row, String rootId, Actor actor, Instant now, boolean hard) {
    beforeDelete(row, row.id.equals(rootId));
    for (Map.Entry<SObjectType, FieldDef> relation : org.schema.childRelationships(row.type)) {
      SObjectType childType = relation.getKey();
      FieldDef field = relation.getValue();
      if (field.system || field.name.equals("OwnerId")) {
        continue;
      }
      for (Row child : org.store.children(childType, field, row.id)) {
        if (child.deleted || !row.id.equals(child.values.get(field.name))) {
          continue;
        }
        if (field.cascadeDelete) {
          deleteCascade(child, rootId, actor, now, hard);
        } else if (!field.nillable) {
          throw SfError.record("DELETE_FAILED", "Your attempt to delete " + describe(row) + " could not be completed because it is "
              + "associated with the following " + childType.labelPlural.toLowerCase(Locale.ROOT) + ": " + describe(child));
        } else {
          systemChange(child, field.name, null, now);
        }
      }
    }
    Row before = row.copy();
    org.store.beforeChange(row);
    row.deleted = true;
    row.deletedAt = now;
    row.deletedWith = row.id.equals(rootId) ? null : rootId;
    row.values.put("IsDeleted", Boolean.TRUE);
    touch(row, actor, now);
    org.store.afterChange(row);
    org.store.logDelete(row, now);
    if (hard) {
      org.store.purge(row);
    }
    afterWrite(row, before, actor, now);
  }

  private static String describe(Row row) {
    Object name = row.values.get("Name");
    return name != null ? name.toString() : row.id;
  }

  /** Restores a record from the recycle bin together with the children its deletion took along. */
  public void undelete(Row row, Actor actor) {
    if (!row.deleted) {
      throw SfError.record("UNDELETE_FAILED", "Entity is not in the recycle bin");
    }
    if (org.store.get(row.id) == null) {
      throw SfError.record("ENTITY_IS_DELETED", "entity is deleted (purged from the recycle bin)");
    }
    List<Row> restore = new ArrayList<>();
    restore.add(row);
    for (SObjectType type : org.schema.types()) {
      for (Row other : org.store.rows(type)) {
        if (other.deleted && row.id.equals(other.deletedWith)) {
          restore.add(other);
        }
      }
    }
    Instant now = org.now();
    for (Row target : restore) {
      Row check = target.copy();
      check.deleted = false;
      checkUnique(check, target.type.uniqueFields());
      Row before = target.copy();
      org.store.beforeChange(target);
      target.deleted = false;
      target.deletedAt = null;
      target.deletedWith = null;
      target.values.put("IsDeleted", Boolean.FALSE);
      touch(target, actor, now);
      org.store.afterChange(target);
      org.store.unlogDelete(target.id);
      afterWrite(target, before, actor, now);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Standard objects' rules (reference §15)

  private @Nullable Row live(@Nullable Object id) {
    if (id == null) {
      return null;
    }
    Row row = org.store.get(id.toString());
    return row == null || row.deleted ? null : row;
  }

  private void beforeInsert(Row row) {
    if (row.type.field(OrgCurrencies.FIELD).isPresent() && row.values.get(OrgCurrencies.FIELD) == null) {
      // An explicit null gets the default as well: a record of a multi-currency org always has a currency.
      org.currencies().ifPresent(c -> row.values.put(OrgCurrencies.FIELD, c.corporate()));
    }
    inheritCurrency(row);
    switch (row.type.name) {
      case "PricebookEntry" -> pricebookEntry(row, null);
      case "Order" -> {
        if (!"Draft".equals(row.values.get("Status"))) {
          throw SfError.record("FIELD_INTEGRITY_EXCEPTION", "Status: an order must be created with a Draft status", "Status");
        }
        row.values.put("StatusCode", "Draft");
        row.values.put("TotalAmount", BigDecimal.ZERO.setScale(2));
      }
      case "OrderItem" -> lineItem(row, "OrderId", "Order", true);
      case "QuoteLineItem" -> lineItem(row, "QuoteId", "Quote", true);
      case "OpportunityLineItem" -> lineItem(row, "OpportunityId", "Opportunity", true);
      case "Quote" -> {
        Row opportunity = live(row.values.get("OpportunityId"));
        if (opportunity != null) {
          row.values.put("AccountId", opportunity.values.get("AccountId"));
          if (row.values.get("Pricebook2Id") == null) {
            row.values.put("Pricebook2Id", opportunity.values.get("Pricebook2Id"));
          }
        }
      }
      default -> { }
    }
    derive(row);
  }

  private void beforeUpdate(Row current, Row next, Input input) {
    inheritCurrency(next);
    switch (current.type.name) {
      case "PricebookEntry" -> pricebookEntry(next, current);
      case "Pricebook2" -> {
        if (Boolean.TRUE.equals(current.values.get("IsStandard")) && Boolean.FALSE.equals(next.values.get("IsActive"))) {
          // The standard price book may be deactivated in Salesforce; nothing to enforce.
          return;
        }
      }
      case "Order" -> {
        order(current, next, input);
        keepCurrencyWithLines(current, next, "OrderItem", "OrderId", "order products");
      }
      case "Opportunity" -> keepCurrencyWithLines(current, next, "OpportunityLineItem", "OpportunityId", "products");
      case "OrderItem" -> lineItem(next, "OrderId", "Order", false);
      case "QuoteLineItem" -> lineItem(next, "QuoteId", "Quote", false);
      case "OpportunityLineItem" -> lineItem(next, "OpportunityId", "Opportunity", false);
      default -> { }
    }
    derive(next);
  }

  /** The record's currency in a multi-currency org, or null. */
  private static @Nullable Object currency(Row row) {
    return row.values.get(OrgCurrencies.FIELD);
  }

  /**
   * Line items, quotes and master-detail children have their parent's currency (multi-currency
   * orgs); the API cannot set it.
   */
  private void inheritCurrency(Row row) {
    if (row.type.field(OrgCurrencies.FIELD).isEmpty()) {
      return;
    }
    String parentField = switch (row.type.name) {
      case "OrderItem" -> "OrderId";
      case "QuoteLineItem" -> "QuoteId";
      case "OpportunityLineItem", "Quote" -> "OpportunityId";
      default -> {
        FieldDef master = StandardSchema.masterDetail(row.type);
        yield master == null ? null : master.name;
      }
    };
    Row parent = parentField == null ? null : live(row.values.get(parentField));
    if (parent != null && currency(parent) != null) {
      row.values.put(OrgCurrencies.FIELD, currency(parent));
    }
  }

  /** An order or opportunity with products cannot change currency: their prices are in it. */
  private void keepCurrencyWithLines(Row current, Row next, String lineType, String parentField, String what) {
    if (!Objects.equals(currency(current), currency(next)) && hasChildren(current, lineType, parentField)) {
      throw SfError.record("FIELD_INTEGRITY_EXCEPTION", "Currency ISO Code: you can't change the currency of a "
          + current.type.name.toLowerCase(Locale.ROOT) + " that has " + what, OrgCurrencies.FIELD);
    }
  }

  private static void derive(Row row) {
    switch (row.type.name) {
      case "Contact" -> row.values.put("Name", fullName(row));
      case "User" -> row.values.put("Name", fullName(row));
      case "Opportunity" -> {
        Object stage = row.values.get("StageName");
        row.values.put("IsClosed", "Closed Won".equals(stage) || "Closed Lost".equals(stage));
        row.values.put("IsWon", "Closed Won".equals(stage));
      }
      case "OrderItem", "OpportunityLineItem" -> {
        BigDecimal quantity = (BigDecimal) row.values.get("Quantity");
        BigDecimal unitPrice = (BigDecimal) row.values.get("UnitPrice");
        if (quantity != null && unitPrice != null) {
          row.values.put("TotalPrice", quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP));
        }
      }
      case "QuoteLineItem" -> {
        BigDecimal quantity = (BigDecimal) row.values.get("Quantity");
        BigDecimal unitPrice = (BigDecimal) row.values.get("UnitPrice");
        BigDecimal discount = (BigDecimal) row.values.get("Discount");
        if (quantity != null && unitPrice != null) {
          BigDecimal total = quantity.multiply(unitPrice);
          if (discount != null) {
            total = total.multiply(BigDecimal.ONE.subtract(discount.movePointLeft(2)));
          }
          row.values.put("TotalPrice", total.setScale(2, RoundingMode.HALF_UP));
        }
      }
      default -> { }
    }
  }

  private static String fullName(Row row) {
    Object first = row.values.get("FirstName");
    Object last = row.values.get("LastName");
    String name = ((first == null ? "" : first + " ") + (last == null ? "" : last)).trim();
    return name;
  }

  private void pricebookEntry(Row entry, @Nullable Row current) {
    Row book = live(entry.values.get("Pricebook2Id"));
    Row product = live(entry.values.get("Product2Id"));
    if (book == null || product == null) {
      return;
    }
    boolean standard = Boolean.TRUE.equals(book.values.get("IsStandard"));
    boolean useStandard = Boolean.TRUE.equals(entry.values.get("UseStandardPrice"));
    if (standard && useStandard) {
      throw SfError.record("FIELD_INTEGRITY_EXCEPTION", "UseStandardPrice: a standard price book entry cannot use the standard price",
          "UseStandardPrice");
    }
    if (current == null) {
      // One entry per price book and product (and currency, in a multi-currency org).
      for (Row other : entriesOf(product.id)) {
        if (!other.deleted && book.id.equals(other.values.get("Pricebook2Id")) && Objects.equals(currency(other), currency(entry))) {
          throw SfError.record("DUPLICATE_VALUE", "This price definition already exists in this price book");
        }
      }
    }
    if (!standard) {
      Row standardEntry = standardEntry(product.id, currency(entry));
      if (standardEntry == null) {
        throw SfError.record("STANDARD_PRICE_NOT_DEFINED", currency(entry) == null ? "No standard price defined for this product"
            : "No standard price defined for this product in " + currency(entry));
      }
      if (useStandard) {
        entry.values.put("UnitPrice", standardEntry.values.get("UnitPrice"));
      }
    }
    if (entry.values.get("UnitPrice") == null) {
      throw SfError.record("REQUIRED_FIELD_MISSING", "Required fields are missing: [UnitPrice]", "UnitPrice");
    }
    entry.values.put("Name", product.values.get("Name"));
    entry.values.put("ProductCode", product.values.get("ProductCode"));
  }

  private @Nullable Row standardEntry(String productId, @Nullable Object currency) {
    for (Row other : entriesOf(productId)) {
      if (!other.deleted && org.standardPricebookId.equals(other.values.get("Pricebook2Id")) && Objects.equals(currency(other), currency)) {
        return other;
      }
    }
    return null;
  }

  /** Price book entries of a product (live and deleted). */
  private List<Row> entriesOf(String productId) {
    SObjectType entries = org.schema.type("PricebookEntry").orElseThrow();
    return org.store.children(entries, entries.field("Product2Id").orElseThrow(), productId);
  }

  private void order(Row current, Row next, Input input) {
    boolean wasActivated = "Activated".equals(current.values.get("StatusCode"));
    String newStatus = (String) next.values.get("Status");
    boolean activating = !wasActivated && "Activated".equals(newStatus);
    if (activating) {
      for (FieldDef field : input.values.keySet()) {
        if (!field.name.equals("Status") && !Objects.equals(current.values.get(field.name), next.values.get(field.name))) {
          throw SfError.record("FIELD_INTEGRITY_EXCEPTION", "When you activate an order, Status is the only field you can change: "
              + field.name, field.name);
        }
      }
      next.values.put("StatusCode", "Activated");
      next.values.put("ActivatedDate", org.now());
      return;
    }
    if (wasActivated) {
      for (String locked : List.of("AccountId", "Pricebook2Id")) {
        if (!Objects.equals(current.values.get(locked), next.values.get(locked))) {
          throw SfError.record("FIELD_INTEGRITY_EXCEPTION", locked + " can only be changed while the order is in a Draft status", locked);
        }
      }
      if ("Draft".equals(newStatus)) {
        next.values.put("StatusCode", "Draft");
        next.values.put("ActivatedDate", null);
      }
      return;
    }
    if (!Objects.equals(current.values.get("Pricebook2Id"), next.values.get("Pricebook2Id")) && hasChildren(current, "OrderItem", "OrderId")) {
      throw SfError.record("FIELD_INTEGRITY_EXCEPTION", "You can't change the price book of an order that has order products",
          "Pricebook2Id");
    }
  }

  private boolean hasChildren(Row parent, String childType, String field) {
    SObjectType type = org.schema.type(childType).orElseThrow();
    for (Row child : org.store.children(type, type.field(field).orElseThrow(), parent.id)) {
      if (!child.deleted) {
        return true;
      }
    }
    return false;
  }

  private void lineItem(Row line, String parentField, String parentType, boolean insert) {
    Row parent = live(line.values.get(parentField));
    if (parent == null) {
      return;
    }
    if (parentType.equals("Order") && "Activated".equals(parent.values.get("StatusCode"))) {
      throw SfError.record("FIELD_INTEGRITY_EXCEPTION", "You can't " + (insert ? "add" : "edit") + " order products on an activated order",
          parentField);
    }
    if (!insert) {
      return;
    }
    Row entry = live(line.values.get("PricebookEntryId"));
    if (entry == null) {
      return;
    }
    Object parentBook = parent.values.get("Pricebook2Id");
    if (parentBook == null && parentType.equals("Opportunity")) {
      // Adding the first product sets the opportunity's price book.
      systemChange(parent, "Pricebook2Id", entry.values.get("Pricebook2Id"), org.now());
      parentBook = entry.values.get("Pricebook2Id");
    }
    if (!Objects.equals(parentBook, entry.values.get("Pricebook2Id"))) {
      String message = parentType.equals("Order")
          ? "Order Products must have a Price Book Entry that belongs to the Price Book related to the parent Order."
          : "field integrity exception: PricebookEntryId (pricebook entry is in a different pricebook than the one assigned to the "
              + parentType.toLowerCase(Locale.ROOT) + ", or " + parentType.toLowerCase(Locale.ROOT) + " has no pricebook assigned)";
      throw SfError.record("FIELD_INTEGRITY_EXCEPTION", message, "PricebookEntryId");
    }
    if (!Boolean.TRUE.equals(entry.values.get("IsActive"))) {
      throw SfError.record("FIELD_INTEGRITY_EXCEPTION", "field integrity exception: PricebookEntryId (pricebook entry is inactive)",
          "PricebookEntryId");
    }
    if (!Objects.equals(currency(entry), currency(parent))) {
      throw SfError.record("FIELD_INTEGRITY_EXCEPTION", "field integrity exception: PricebookEntryId (pricebook entry currency code does "
          + "not match " + parentType.toLowerCase(Locale.ROOT) + " currency code)", "PricebookEntryId");
    }
    Object product = line.values.get("Product2Id");
    if (product != null && !product.equals(entry.values.get("Product2Id"))) {
      throw SfError.record("FIELD_INTEGRITY_EXCEPTION", "field integrity exception: Product2Id does not match the price book entry's product",
          "Product2Id");
    }
    line.values.put("Product2Id", entry.values.get("Product2Id"));
    line.values.put("ListPrice", entry.values.get("UnitPrice"));
    if (parentType.equals("Opportunity")) {
      line.values.put("Name", parent.values.get("Name") + " " + entry.values.get("Name"));
      if (line.values.get("UnitPrice") == null && line.values.get("TotalPrice") == null) {
        throw SfError.record("REQUIRED_FIELD_MISSING", "Required fields are missing: [UnitPrice]", "UnitPrice");
      }
      if (line.values.get("UnitPrice") == null) {
        BigDecimal total = (BigDecimal) line.values.get("TotalPrice");
        BigDecimal quantity = (BigDecimal) line.values.get("Quantity");
        if (total != null && quantity != null && quantity.signum() != 0) {
          line.values.put("UnitPrice", total.divide(quantity, 2, RoundingMode.HALF_UP));
        }
      }
    }
  }

  private void beforeDelete(Row row, boolean direct) {
    switch (row.type.name) {
      case "Pricebook2" -> {
        if (Boolean.TRUE.equals(row.values.get("IsStandard"))) {
          throw SfError.record("DELETE_FAILED", "The standard price book cannot be deleted");
        }
        if (hasChildren(row, "Order", "Pricebook2Id")) {
          throw SfError.record("DELETE_FAILED", "Your attempt to delete " + describe(row) + " could not be completed because it is "
              + "associated with orders");
        }
      }
      case "PricebookEntry" -> {
        for (String lineType : List.of("OrderItem", "QuoteLineItem", "OpportunityLineItem")) {
          if (hasChildren(row, lineType, "PricebookEntryId")) {
            throw SfError.record("DELETE_FAILED", "Your attempt to delete " + describe(row) + " could not be completed because it is "
                + "associated with " + lineType + " records; deactivate the entry instead");
          }
        }
        Object productId = row.values.get("Product2Id");
        if (direct && productId != null && org.standardPricebookId.equals(row.values.get("Pricebook2Id"))) {
          for (Row other : entriesOf(productId.toString())) {
            if (!other.deleted && other != row && !org.standardPricebookId.equals(other.values.get("Pricebook2Id"))
                && Objects.equals(currency(other), currency(row))) {
              throw SfError.record("DELETE_FAILED", "You can't delete this standard price because there are custom prices for this product");
            }
          }
        }
      }
      case "Order" -> {
        if ("Activated".equals(row.values.get("StatusCode"))) {
          throw SfError.record("DELETE_FAILED", "You can't delete an activated order");
        }
      }
      case "OrderItem" -> {
        Row order = live(row.values.get("OrderId"));
        if (order != null && "Activated".equals(order.values.get("StatusCode"))) {
          throw SfError.record("DELETE_FAILED", "You can't delete order products from an activated order");
        }
      }
      default -> { }
    }
  }

  private void afterWrite(Row row, @Nullable Row before, Actor actor, Instant now) {
    if (before != null && !row.deleted && !Objects.equals(currency(before), currency(row))) {
      followCurrency(row, now);
    }
    switch (row.type.name) {
      case "OrderItem" -> rollUp(row, before, "OrderId", "Order", "TotalAmount", now);
      case "QuoteLineItem" -> rollUp(row, before, "QuoteId", "Quote", "TotalPrice", now);
      case "OpportunityLineItem" -> rollUp(row, before, "OpportunityId", "Opportunity", "Amount", now);
      case "Product2" -> {
        if (before != null && !row.deleted) {
          for (Row entry : entriesOf(row.id)) {
            if (row.id.equals(entry.values.get("Product2Id"))) {
              systemChange(entry, "Name", row.values.get("Name"), now);
              systemChange(entry, "ProductCode", row.values.get("ProductCode"), now);
            }
          }
        }
      }
      case "PricebookEntry" -> {
        if (before != null && !row.deleted && org.standardPricebookId.equals(row.values.get("Pricebook2Id"))
            && !Objects.equals(before.values.get("UnitPrice"), row.values.get("UnitPrice"))) {
          for (Row entry : entriesOf(String.valueOf(row.values.get("Product2Id")))) {
            if (!entry.deleted && entry != row && Boolean.TRUE.equals(entry.values.get("UseStandardPrice"))
                && Objects.equals(currency(entry), currency(row))) {
              systemChange(entry, "UnitPrice", row.values.get("UnitPrice"), now);
            }
          }
        }
      }
      default -> { }
    }
  }

  /** The details of a master-detail relationship (and a quote's lines) take the new currency of their master. */
  private void followCurrency(Row master, Instant now) {
    for (Map.Entry<SObjectType, FieldDef> relation : org.schema.childRelationships(master.type)) {
      SObjectType childType = relation.getKey();
      FieldDef field = relation.getValue();
      boolean inherits = field == StandardSchema.masterDetail(childType)
          || (childType.name.equals("QuoteLineItem") && field.name.equals("QuoteId"));
      if (!inherits || childType.field(OrgCurrencies.FIELD).isEmpty()) {
        continue;
      }
      for (Row child : org.store.children(childType, field, master.id)) {
        if (!child.deleted && master.id.equals(child.values.get(field.name))) {
          systemChange(child, OrgCurrencies.FIELD, currency(master), now);
        }
      }
    }
  }

  private void rollUp(Row line, @Nullable Row before, String parentField, String parentType, String totalField, Instant now) {
    Set<Object> parents = new LinkedHashSet<>();
    if (line.values.get(parentField) != null) {
      parents.add(line.values.get(parentField));
    }
    if (before != null && before.values.get(parentField) != null) {
      parents.add(before.values.get(parentField));
    }
    SObjectType lineType = line.type;
    for (Object parentId : parents) {
      Row parent = org.store.get(parentId.toString());
      if (parent == null || parent.deleted) {
        continue;
      }
      BigDecimal total = BigDecimal.ZERO.setScale(2);
      for (Row other : org.store.children(lineType, lineType.field(parentField).orElseThrow(), parentId.toString())) {
        if (!other.deleted && parentId.equals(other.values.get(parentField)) && other.values.get("TotalPrice") != null) {
          total = total.add((BigDecimal) other.values.get("TotalPrice"));
        }
      }
      systemChange(parent, totalField, total, now);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Bootstrap

  /** Inserts a record without API validation (org set-up: users, the standard price book). */
  String systemInsert(String typeName, Map<String, Object> values, @Nullable String userId) {
    SObjectType type = org.schema.type(typeName).orElseThrow();
    Row row = new Row(org.ids.next(type.keyPrefix), type);
    Instant now = org.now();
    String creator = userId == null ? row.id : userId;
    for (FieldDef field : type.fields()) {
      if (field.defaultValue != null) {
        row.values.put(field.name, field.defaultValue);
      }
    }
    row.values.putAll(values);
    row.values.put("Id", row.id);
    row.values.put("IsDeleted", Boolean.FALSE);
    row.values.put("CreatedDate", now);
    row.values.put("CreatedById", creator);
    row.values.put("LastModifiedDate", now);
    row.values.put("LastModifiedById", creator);
    row.values.put("SystemModstamp", now);
    derive(row);
    org.store.insert(row);
    return row.id;
  }

  /** Today's date in UTC by the org clock (for date literals and defaults). */
  LocalDate today() {
    return LocalDateTime.ofInstant(org.now(), ZoneOffset.UTC).toLocalDate();
  }
}
