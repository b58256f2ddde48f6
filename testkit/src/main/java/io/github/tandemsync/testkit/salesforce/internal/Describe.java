package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Describe results (reference §15.3): only the fields the integration user can see. */
final class Describe {
  private Describe() {}

  static ObjectNode global(Org org, String version) {
    ObjectNode body = Json.object();
    body.put("encoding", "UTF-8");
    body.put("maxBatchSize", 200);
    ArrayNode sobjects = body.putArray("sobjects");
    for (SObjectType type : org.schema.types()) {
      sobjects.add(summary(type, version));
    }
    return body;
  }

  static ObjectNode summary(SObjectType type, String version) {
    ObjectNode node = Json.object();
    node.put("name", type.name);
    node.put("label", type.label);
    node.put("labelPlural", type.labelPlural);
    node.put("keyPrefix", type.keyPrefix);
    node.put("custom", type.custom);
    node.put("createable", type.createable);
    node.put("updateable", type.updateable);
    node.put("deletable", type.deletable);
    node.put("undeletable", type.deletable);
    node.put("queryable", true);
    node.put("retrieveable", true);
    node.put("searchable", true);
    node.put("replicateable", true);
    node.put("triggerable", true);
    node.put("layoutable", true);
    ObjectNode urls = node.putObject("urls");
    String base = "/services/data/v" + version + "/sobjects/" + type.name;
    urls.put("sobject", base);
    urls.put("describe", base + "/describe");
    urls.put("rowTemplate", base + "/{ID}");
    return node;
  }

  static ObjectNode full(Org org, SObjectType type, String version) {
    ObjectNode node = summary(type, version);
    ArrayNode fields = node.putArray("fields");
    for (FieldDef field : type.fields()) {
      if (!org.schema.isHidden(type, field)) {
        fields.add(field(field));
      }
    }
    ArrayNode children = node.putArray("childRelationships");
    for (Map.Entry<SObjectType, FieldDef> relation : org.schema.childRelationships(type)) {
      if (org.schema.isHidden(relation.getKey(), relation.getValue())) {
        continue;
      }
      ObjectNode child = children.addObject();
      child.put("childSObject", relation.getKey().name);
      child.put("field", relation.getValue().name);
      child.put("relationshipName", relation.getValue().childRelationshipName);
      child.put("cascadeDelete", relation.getValue().cascadeDelete);
      child.put("restrictedDelete", !relation.getValue().cascadeDelete && !relation.getValue().nillable);
      child.put("deprecatedAndHidden", false);
    }
    node.putArray("recordTypeInfos");
    return node;
  }

  private static ObjectNode field(FieldDef field) {
    ObjectNode node = Json.object();
    node.put("name", field.name);
    node.put("label", field.label);
    node.put("type", field.type.describeName());
    node.put("soapType", field.type.soapType());
    node.put("length", field.type.isText() || field.type.isId() ? field.length : 0);
    node.put("byteLength", field.type.isText() || field.type.isId() ? field.length * 3 : 0);
    node.put("precision", field.type.isNumber() && field.type != FieldType.INT ? field.precision : 0);
    node.put("scale", field.type.isNumber() && field.type != FieldType.INT ? field.scale : 0);
    node.put("digits", field.type == FieldType.INT ? field.precision : 0);
    node.put("createable", field.createable);
    node.put("updateable", field.updateable);
    node.put("nillable", field.nillable);
    node.put("defaultedOnCreate", field.defaultedOnCreate);
    node.put("externalId", field.externalId);
    node.put("idLookup", field.idLookup);
    node.put("unique", field.unique);
    node.put("caseSensitive", field.caseSensitive);
    node.put("calculated", field.calculated);
    node.put("autoNumber", field.autoNumber);
    node.put("custom", field.custom);
    node.put("filterable", field.filterable());
    node.put("sortable", field.filterable());
    node.put("groupable", field.filterable() && field.type != FieldType.DOUBLE && field.type != FieldType.CURRENCY);
    node.put("cascadeDelete", field.cascadeDelete);
    node.put("restrictedPicklist", field.restrictedPicklist);
    if (field.type == FieldType.LONG_TEXTAREA) {
      node.put("extraTypeInfo", "plaintextarea");
    } else {
      node.putNull("extraTypeInfo");
    }
    if (field.defaultValue != null && !field.calculated) {
      node.set("defaultValue", Values.json(field, field.defaultValue));
    } else {
      node.putNull("defaultValue");
    }
    ArrayNode picklist = node.putArray("picklistValues");
    for (String value : field.picklistValues) {
      ObjectNode entry = picklist.addObject();
      entry.put("active", true);
      entry.put("defaultValue", value.equals(field.defaultValue));
      entry.put("label", value);
      entry.putNull("validFor");
      entry.put("value", value);
    }
    ArrayNode references = node.putArray("referenceTo");
    field.referenceTo.forEach(references::add);
    if (field.relationshipName != null) {
      node.put("relationshipName", field.relationshipName);
    } else {
      node.putNull("relationshipName");
    }
    return node;
  }
}
