package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.core.model.ExtensionValue;
import io.github.tandemsync.core.spi.NativeRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An sObject as a {@link NativeRecord}: field values by API name. Reads give {@code String},
 * {@code BigDecimal}, {@code Boolean}, or the JSON node of a relationship; writes accept those plus
 * {@code LocalDate}, {@code Instant} and {@code ExtensionValue}, formatted the way Salesforce reads
 * them.
 */
final class SObjectRecord implements NativeRecord {
  private final String type;
  private final ObjectNode fields;

  SObjectRecord(String type, ObjectNode fields) {
    this.type = type;
    this.fields = fields;
  }

  ObjectNode node() {
    return fields;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Optional<Object> get(String field) {
    JsonNode v = fields.get(field);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return Optional.empty();
    }
    if (v.isTextual()) {
      return Optional.of(v.asText());
    } else if (v.isNumber()) {
      return Optional.of(v.decimalValue());
    } else if (v.isBoolean()) {
      return Optional.of(v.asBoolean());
    }
    return Optional.of(v);
  }

  @Override
  public void put(String field, @Nullable Object value) {
    Soql.identifier(field);
    fields.set(field, toJson(value));
  }

  @Override
  public Set<String> fieldNames() {
    Set<String> names = new LinkedHashSet<>();
    Iterator<String> it = fields.fieldNames();
    while (it.hasNext()) {
      String n = it.next();
      if (!n.equals("attributes")) {
        names.add(n);
      }
    }
    return names;
  }

  static JsonNode toJson(@Nullable Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value == null) {
      return f.nullNode();
    } else if (value instanceof ExtensionValue ext) {
      return toJson(ext.raw());
    } else if (value instanceof String s) {
      return f.textNode(s);
    } else if (value instanceof BigDecimal d) {
      return f.numberNode(d);
    } else if (value instanceof Integer i) {
      return f.numberNode(i);
    } else if (value instanceof Long l) {
      return f.numberNode(l);
    } else if (value instanceof Number n) {
      return f.numberNode(new BigDecimal(n.toString()));
    } else if (value instanceof Boolean b) {
      return f.booleanNode(b);
    } else if (value instanceof LocalDate d) {
      return f.textNode(SalesforceDateTimes.formatDate(d));
    } else if (value instanceof Instant i) {
      return f.textNode(SalesforceDateTimes.format(i));
    } else if (value instanceof JsonNode n) {
      return n;
    }
    throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " into a Salesforce field");
  }

  @Override
  public String toString() {
    return "SObject[" + type + ", fields=" + fieldNames() + "]";
  }
}
