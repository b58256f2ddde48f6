package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The line sObject of a document: read through a child-relationship subquery, written by external
 * id with the parent referenced by its own external id.
 *
 * @param object default API name of the line object
 * @param childRelationship default name of the parent's child relationship (for subqueries)
 * @param parentField default API name of the lookup or master-detail field to the header
 * @param externalIdField default API name of the line's external-id field
 * @param path canonical path of the line list in the document
 * @param lineKey the line's external id from the document's key and the line (1-based index when
 *     the line carries no number)
 * @param fields line fields
 * @param orderBy default API name to order lines by
 * @param editedInSalesforce whether people edit the lines in Salesforce (picking quantities): the
 *     header's SystemModstamp does not move then, so the reader polls the lines too
 * @param textLinesField default API name of a long-text field on the header that keeps, as JSON,
 *     the lines that cannot be line records (ERP description-only lines without a product, which an
 *     order product cannot represent); read back and merged into the lines by line number. Empty
 *     when every line is a line record.
 */
record LineMapping(
    String object,
    String childRelationship,
    String parentField,
    String externalIdField,
    String path,
    LineKey lineKey,
    List<FieldSpec> fields,
    Optional<String> orderBy,
    boolean editedInSalesforce,
    Optional<String> textLinesField) {

  LineMapping(String object, String childRelationship, String parentField, String externalIdField, String path, LineKey lineKey,
      List<FieldSpec> fields, Optional<String> orderBy) {
    this(object, childRelationship, parentField, externalIdField, path, lineKey, fields, orderBy, false, Optional.empty());
  }

  LineMapping(String object, String childRelationship, String parentField, String externalIdField, String path, LineKey lineKey,
      List<FieldSpec> fields, Optional<String> orderBy, boolean editedInSalesforce) {
    this(object, childRelationship, parentField, externalIdField, path, lineKey, fields, orderBy, editedInSalesforce, Optional.empty());
  }

  /** Whether a canonical line goes into {@link #textLinesField} instead of a line record: it has no product. */
  boolean isTextLine(JsonNode line) {
    JsonNode product = line.get("productCode");
    return textLinesField.isPresent() && (product == null || !product.isTextual() || product.asText().isBlank());
  }

  /** Derives a line's external id. */
  interface LineKey {
    String of(String documentKey, JsonNode line, int index);
  }

  /** The relationship name for a lookup field: {@code X__c} to {@code X__r}, {@code OrderId} to {@code Order}. */
  static String relationshipName(String lookupField) {
    if (lookupField.endsWith("__c")) {
      return lookupField.substring(0, lookupField.length() - 3) + "__r";
    }
    if (lookupField.endsWith("Id")) {
      return lookupField.substring(0, lookupField.length() - 2);
    }
    return lookupField;
  }
}
