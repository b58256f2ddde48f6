package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * sObject Collections (reference §7): create, update, upsert, delete and retrieve up to 200
 * records per call (2,000 ids for POST retrieve), one result per record in request order, HTTP 200
 * even when every record failed, and {@code allOrNone} rollback.
 */
final class CollectionsApi {
  static final int MAX_RECORDS = 200;
  static final int MAX_RETRIEVE = 2000;
  static final int MAX_CHUNKS = 10;

  private final Org org;
  private final FaultInjector faults;

  CollectionsApi(Org org, FaultInjector faults) {
    this.org = org;
    this.faults = faults;
  }

  ApiResponse handle(Call call) {
    List<String> s = call.segments;
    if (s.size() == 2) {
      RestApi.requireMethod(call, "POST", "PATCH", "DELETE");
      return switch (call.method) {
        case "POST" -> ApiResponse.json(200, write(call, Mode.CREATE, null, null));
        case "PATCH" -> ApiResponse.json(200, write(call, Mode.UPDATE, null, null));
        default -> ApiResponse.json(200, delete(call));
      };
    }
    SObjectType type = org.schema.type(s.get(2)).orElseThrow(RestApi::notFound);
    if (s.size() == 3) {
      RestApi.requireMethod(call, "GET", "POST");
      return ApiResponse.json(200, retrieve(call, type));
    }
    if (s.size() == 4) {
      RestApi.requireMethod(call, "PATCH");
      if (call.versionNumber() < 46.0) {
        throw RestApi.notFound();
      }
      FieldDef field = type.field(s.get(3)).filter(f -> f.externalId && !org.schema.isHidden(type, f)).orElseThrow(() ->
          SfError.request(400, "INVALID_FIELD", "Field name provided, " + s.get(3) + " is not an External ID or indexed field for "
              + type.name));
      return ApiResponse.json(200, write(call, Mode.UPSERT, type, field));
    }
    throw RestApi.notFound();
  }

  enum Mode { CREATE, UPDATE, UPSERT }

  /** One record of the request after parsing: its input, or the error that already fails it. */
  private static final class Item {
    @Nullable SObjectType type;
    WriteEngine.@Nullable Input input;
    @Nullable SfError error;
    @Nullable Object extValue;
    @Nullable ObjectNode result;
  }

  private static boolean allOrNone(JsonNode body) {
    JsonNode flag = body.get("allOrNone");
    return flag != null && (flag.asBoolean(false) || flag.asText().equalsIgnoreCase("true"));
  }

  private ArrayNode write(Call call, Mode mode, @Nullable SObjectType upsertType, @Nullable FieldDef extField) {
    JsonNode body = call.json();
    JsonNode records = body.get("records");
    if (!body.isObject() || records == null || !records.isArray()) {
      throw SfError.request(400, "JSON_PARSER_ERROR", "The request body must be an object with a records array");
    }
    if (records.size() > MAX_RECORDS) {
      throw SfError.request(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than " + MAX_RECORDS
          + " records into this call");
    }
    boolean allOrNone = allOrNone(body);
    WriteEngine.Actor actor = call.actor("rest");
    List<Item> items = new ArrayList<>();
    int chunks = 0;
    String previousType = null;
    for (JsonNode record : records) {
      Item item = new Item();
      items.add(item);
      String typeName = record.path("attributes").path("type").asText("");
      if (typeName.isEmpty() && upsertType != null) {
        typeName = upsertType.name;
      }
      if (!typeName.equalsIgnoreCase(previousType == null ? "" : previousType)) {
        chunks++;
        previousType = typeName;
      }
      if (typeName.isEmpty()) {
        item.error = SfError.record("INVALID_TYPE", "sObject type was not specified: every record needs attributes.type");
        continue;
      }
      SObjectType type = org.schema.type(typeName).orElse(null);
      if (type == null) {
        item.error = SfError.record("INVALID_TYPE", "sObject type '" + typeName + "' is not supported.");
        continue;
      }
      if (upsertType != null && type != upsertType) {
        item.error = SfError.record("INVALID_TYPE", "Every record of an upsert must be of type " + upsertType.name + ", got " + type.name);
        continue;
      }
      item.type = type;
      try {
        // Type errors (text in a number field...) fail the whole request, like a JSON deserialisation error.
        item.input = org.locked(() -> org.writes.parseJson(type, record, actor));
      } catch (SfError e) {
        if (e.requestLevel()) {
          throw e;
        }
        item.error = e;
      }
    }
    if (mode == Mode.CREATE && chunks > MAX_CHUNKS) {
      throw SfError.request(400, "INVALID_BATCH_SIZE", "Cannot have more than " + MAX_CHUNKS + " chunks in a single operation. "
          + "Please rearrange the data to reduce chunking.");
    }
    if (mode == Mode.UPSERT) {
      prepareUpsert(items, Objects.requireNonNull(extField));
    }
    org.transaction(() -> {
      int start = org.savepoint();
      boolean failed = false;
      for (Item item : items) {
        if (item.error == null) {
          int mark = org.savepoint();
          try {
            if (faults.lockRow(ResourceKind.COLLECTIONS)) {
              throw SfError.record("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records");
            }
            item.result = apply(mode, item, extField, actor);
          } catch (SfError e) {
            org.rollbackTo(mark);
            item.error = e;
          }
        }
        failed |= item.error != null;
      }
      if (allOrNone && failed) {
        org.rollbackTo(start);
      }
      return null;
    });
    boolean anyFailed = items.stream().anyMatch(i -> i.error != null);
    ArrayNode results = Json.array();
    for (Item item : items) {
      if (item.error != null) {
        ObjectNode result = Json.failedResult(List.of(item.error));
        if (mode == Mode.UPDATE && item.input != null && item.input.id != null) {
          result.put("id", item.input.id);
        }
        results.add(result);
      } else if (allOrNone && anyFailed) {
        results.add(Json.failedResult(List.of(rolledBack())));
      } else {
        results.add(Objects.requireNonNull(item.result));
      }
    }
    return results;
  }

  static SfError rolledBack() {
    return SfError.record("ALL_OR_NONE_OPERATION_ROLLED_BACK",
        "Record rolled back because not all records were valid and the request was using AllOrNone header");
  }

  private void prepareUpsert(List<Item> items, FieldDef extField) {
    Map<String, List<Item>> byValue = new HashMap<>();
    for (Item item : items) {
      if (item.error != null || item.input == null) {
        continue;
      }
      Object value = item.input.remove(extField);
      if (value == null) {
        item.error = SfError.record("MISSING_ARGUMENT", extField.name + " not specified", extField.name);
        continue;
      }
      item.extValue = value;
      byValue.computeIfAbsent(RecordStore.normalise(extField, value), key -> new ArrayList<>()).add(item);
    }
    for (List<Item> same : byValue.values()) {
      if (same.size() > 1) {
        for (Item item : same) {
          item.error = SfError.record("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + item.extValue, extField.name);
        }
      }
    }
  }

  private ObjectNode apply(Mode mode, Item item, @Nullable FieldDef extField, WriteEngine.Actor actor) {
    SObjectType type = Objects.requireNonNull(item.type);
    WriteEngine.Input input = Objects.requireNonNull(item.input);
    ObjectNode result = Json.object();
    switch (mode) {
      case CREATE -> {
        String id = org.writes.insert(type, input, actor);
        result.put("id", id);
        result.put("success", true);
        result.putArray("errors");
      }
      case UPDATE -> {
        if (input.id == null) {
          throw SfError.record("MISSING_ARGUMENT", "Id not specified in an update call");
        }
        String id = Ids.normalize(input.id);
        if (id == null) {
          throw SfError.record("MALFORMED_ID", "malformed id " + input.id);
        }
        Row row = org.store.get(id);
        if (row == null || row.type != type) {
          throw SfError.record("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
        }
        input.id = null;
        org.writes.update(row, input, actor);
        result.put("id", id);
        result.put("success", true);
        result.putArray("errors");
      }
      case UPSERT -> {
        WriteEngine.UpsertOutcome outcome = org.writes.upsert(type, Objects.requireNonNull(extField),
            Objects.requireNonNull(item.extValue), input, actor, false);
        if (outcome instanceof WriteEngine.UpsertOutcome.Multiple multiple) {
          throw SfError.record("DUPLICATE_EXTERNAL_ID", extField.name + ": more than one record found for external id field: "
              + multiple.ids(), extField.name);
        }
        boolean created = outcome instanceof WriteEngine.UpsertOutcome.Created;
        String id = created ? ((WriteEngine.UpsertOutcome.Created) outcome).id() : ((WriteEngine.UpsertOutcome.Updated) outcome).id();
        result.put("id", id);
        result.put("success", true);
        result.putArray("errors");
        result.put("created", created);
      }
    }
    return result;
  }

  private ArrayNode delete(Call call) {
    String ids = call.params.get("ids");
    if (ids == null || ids.isBlank()) {
      throw SfError.request(400, "MISSING_ARGUMENT", "ids parameter is required");
    }
    List<String> list = new ArrayList<>(List.of(ids.split(",")));
    if (list.size() > MAX_RECORDS) {
      throw SfError.request(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than " + MAX_RECORDS
          + " records into this call");
    }
    boolean allOrNone = "true".equalsIgnoreCase(call.params.get("allOrNone"));
    WriteEngine.Actor actor = call.actor("rest");
    String[] resultIds = new String[list.size()];
    SfError[] errors = new SfError[list.size()];
    org.transaction(() -> {
      int start = org.savepoint();
      for (int i = 0; i < list.size(); i++) {
        String text = list.get(i).trim();
        resultIds[i] = text;
        int mark = org.savepoint();
        try {
          String id = Ids.normalize(text);
          if (id == null) {
            throw SfError.record("MALFORMED_ID", "malformed id " + text);
          }
          resultIds[i] = id;
          Row row = org.store.get(id);
          if (row == null) {
            throw SfError.record("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
          }
          if (faults.lockRow(ResourceKind.COLLECTIONS)) {
            throw SfError.record("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records");
          }
          org.writes.delete(row, actor, false);
        } catch (SfError e) {
          org.rollbackTo(mark);
          errors[i] = e;
        }
      }
      boolean failed = false;
      for (SfError error : errors) {
        failed |= error != null;
      }
      if (allOrNone && failed) {
        org.rollbackTo(start);
      }
      return null;
    });
    boolean anyFailed = false;
    for (SfError error : errors) {
      anyFailed |= error != null;
    }
    ArrayNode results = Json.array();
    for (int i = 0; i < list.size(); i++) {
      ObjectNode result;
      if (errors[i] != null) {
        result = Json.failedResult(List.of(errors[i]));
      } else if (allOrNone && anyFailed) {
        result = Json.failedResult(List.of(rolledBack()));
      } else {
        result = Json.object();
        result.put("success", true);
        result.putArray("errors");
      }
      ObjectNode ordered = Json.object();
      ordered.put("id", resultIds[i]);
      ordered.setAll(result);
      results.add(ordered);
    }
    return results;
  }

  private ArrayNode retrieve(Call call, SObjectType type) {
    List<String> ids = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    if (call.method.equals("POST")) {
      JsonNode body = call.json();
      body.path("ids").forEach(n -> ids.add(n.asText()));
      body.path("fields").forEach(n -> fields.add(n.asText()));
      if (ids.size() > MAX_RETRIEVE) {
        throw SfError.request(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than " + MAX_RETRIEVE
            + " records into this call");
      }
    } else {
      String idParam = call.params.getOrDefault("ids", "");
      String fieldParam = call.params.getOrDefault("fields", "");
      for (String id : idParam.split(",")) {
        if (!id.isBlank()) {
          ids.add(id.trim());
        }
      }
      for (String field : fieldParam.split(",")) {
        if (!field.isBlank()) {
          fields.add(field.trim());
        }
      }
      if (ids.size() > 800) {
        throw SfError.request(414, "URI_TOO_LONG", "too many ids for a GET retrieve; use POST");
      }
    }
    if (fields.isEmpty()) {
      throw SfError.request(400, "MISSING_ARGUMENT", "fields parameter is required");
    }
    if (ids.isEmpty()) {
      throw SfError.request(400, "MISSING_ARGUMENT", "ids parameter is required");
    }
    Set<FieldDef> selected = new LinkedHashSet<>();
    for (String name : fields) {
      selected.add(type.field(name).filter(f -> !org.schema.isHidden(type, f)).orElseThrow(() ->
          SfError.request(400, "INVALID_FIELD", "No such column '" + name + "' on sobject of type " + type.name)));
    }
    return org.locked(() -> {
      ArrayNode results = Json.array();
      for (String text : ids) {
        String id = Ids.normalize(text);
        Row row = id == null ? null : org.store.get(id);
        if (row == null || row.deleted || row.type != type) {
          results.addNull();
          continue;
        }
        ObjectNode node = Json.object();
        node.set("attributes", Values.attributes(row, call.version));
        node.put("Id", row.id);
        for (FieldDef field : selected) {
          if (!field.name.equals("Id")) {
            node.set(field.name, Values.json(field, row.values.get(field.name)));
          }
        }
        results.add(node);
      }
      return results;
    });
  }
}
