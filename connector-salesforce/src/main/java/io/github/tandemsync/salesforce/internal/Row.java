package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.salesforce.SalesforceNaming;

/**
 * An sObject addressed by the <em>default</em> field names of one object; the org's actual names
 * come from {@link SalesforceNaming}.
 */
final class Row {
  private final ObjectNode node;
  private final String defaultObject;
  private final MappingContext ctx;

  Row(ObjectNode node, String defaultObject, MappingContext ctx) {
    this.node = node;
    this.defaultObject = defaultObject;
    this.ctx = ctx;
  }

  ObjectNode node() {
    return node;
  }

  MappingContext ctx() {
    return ctx;
  }

  String name(String defaultField) {
    return ctx.naming().field(defaultObject, defaultField);
  }

  /** The value of a field (or {@code Rel.Field} path of a relationship), missing when absent. */
  JsonNode get(String defaultField) {
    int dot = defaultField.indexOf('.');
    if (dot > 0) {
      JsonNode rel = node.get(defaultField.substring(0, dot));
      if (rel == null || !rel.isObject()) {
        return MissingNode.getInstance();
      }
      JsonNode v = rel.get(defaultField.substring(dot + 1));
      return v == null ? MissingNode.getInstance() : v;
    }
    JsonNode v = node.get(name(defaultField));
    return v == null ? MissingNode.getInstance() : v;
  }

  boolean has(String defaultField) {
    JsonNode v = get(defaultField);
    return !v.isMissingNode() && !v.isNull();
  }

  String text(String defaultField) {
    JsonNode v = get(defaultField);
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }

  /** The record's {@code CurrencyIsoCode} in a multi-currency org; empty otherwise. */
  java.util.Optional<String> recordCurrency() {
    if (ctx.currencyField(defaultObject).isEmpty()) {
      return java.util.Optional.empty();
    }
    JsonNode v = node.get(MappingContext.CURRENCY_FIELD);
    return v == null || v.isNull() || v.asText().isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v.asText());
  }

  void set(String defaultField, JsonNode value) {
    node.set(name(defaultField), value);
  }
}
