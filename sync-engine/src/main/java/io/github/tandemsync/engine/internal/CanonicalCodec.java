package io.github.tandemsync.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.TandemException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts canonical records to and from JSON and to {@link FieldValues}.
 *
 * <p>Flattening rule: a record component that is itself a record with only optional components
 * (an {@code Address}) is merged field by field ({@code billingAddress.town}); a record with
 * required components ({@code Money}: amount and currency belong together) is one value; a map
 * ({@code extensions}) contributes one field per key ({@code extensions.Region__c}); lists are one
 * value.
 */
final class CanonicalCodec {
  private final ObjectMapper mapper;
  private final Map<Class<?>, List<Field>> schemas = new ConcurrentHashMap<>();

  CanonicalCodec() {
    this.mapper = new ObjectMapper()
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // keep 12.50 as 12.50 in trees: the scale carries the source's decimals
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  }

  ObjectMapper mapper() {
    return mapper;
  }

  private enum Kind {
    LEAF,
    NESTED,
    MAP
  }

  private record Field(String name, Kind kind, List<Field> nested) {}

  String toJson(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getName() + ": " + e.getMessage(), e);
    }
  }

  <T> T fromJson(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw invalid(type, e);
    }
  }

  String writeTree(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode readTree(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt state JSON: " + e.getMessage(), e);
    }
  }

  /** Flattens a canonical record to its leaf fields. */
  FieldValues flatten(Object value) {
    JsonNode tree = mapper.valueToTree(value);
    TreeMap<String, JsonNode> out = new TreeMap<>();
    if (value instanceof Record) {
      flatten(schema(value.getClass()), tree, "", out);
    } else if (tree.isObject()) {
      tree.fields().forEachRemaining(e -> putLeaf(out, e.getKey(), e.getValue()));
    }
    return new FieldValues(out);
  }

  private static void flatten(List<Field> fields, JsonNode tree, String prefix, Map<String, JsonNode> out) {
    for (Field f : fields) {
      JsonNode node = tree.get(f.name());
      if (node == null || node.isNull() || node.isMissingNode()) {
        continue;
      }
      String path = prefix + f.name();
      switch (f.kind()) {
        case NESTED -> flatten(f.nested(), node, path + ".", out);
        case MAP -> {
          Iterator<Map.Entry<String, JsonNode>> it = node.fields();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            putLeaf(out, path + "." + e.getKey(), e.getValue());
          }
        }
        case LEAF -> putLeaf(out, path, node);
      }
    }
  }

  private static void putLeaf(Map<String, JsonNode> out, String path, JsonNode node) {
    if (node != null && !node.isNull() && !node.isMissingNode()) {
      out.put(path, node);
    }
  }

  /** Rebuilds a canonical record from its fields. */
  <T> T unflatten(FieldValues values, Class<T> type) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    List<Field> schema = type.isRecord() ? schema(type) : List.of();
    for (Map.Entry<String, JsonNode> e : values.asMap().entrySet()) {
      place(schema, root, e.getKey(), e.getValue());
    }
    try {
      return mapper.treeToValue(root, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw invalid(type, e);
    }
  }

  private static void place(List<Field> schema, ObjectNode node, String path, JsonNode value) {
    int dot = path.indexOf('.');
    String head = dot < 0 ? path : path.substring(0, dot);
    Field field = schema.stream().filter(f -> f.name().equals(head)).findFirst().orElse(null);
    if (dot < 0 || field == null || field.kind() == Kind.LEAF) {
      node.set(path, value);
      return;
    }
    ObjectNode child = node.has(head) && node.get(head).isObject() ? (ObjectNode) node.get(head) : node.putObject(head);
    String rest = path.substring(dot + 1);
    if (field.kind() == Kind.MAP) {
      child.set(rest, value);
    } else {
      place(field.nested(), child, rest, value);
    }
  }

  private List<Field> schema(Class<?> type) {
    return schemas.computeIfAbsent(type, CanonicalCodec::buildSchema);
  }

  private static List<Field> buildSchema(Class<?> type) {
    List<Field> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      Class<?> raw = c.getType();
      Type generic = c.getGenericType();
      if (raw == Optional.class && generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> inner) {
        raw = inner;
      }
      if (Map.class.isAssignableFrom(raw)) {
        out.add(new Field(c.getName(), Kind.MAP, List.of()));
      } else if (raw.isRecord() && allOptional(raw)) {
        out.add(new Field(c.getName(), Kind.NESTED, buildSchema(raw)));
      } else {
        out.add(new Field(c.getName(), Kind.LEAF, List.of()));
      }
    }
    return List.copyOf(out);
  }

  private static boolean allOptional(Class<?> record) {
    RecordComponent[] components = record.getRecordComponents();
    if (components.length == 0) {
      return false;
    }
    for (RecordComponent c : components) {
      if (c.getType() != Optional.class && !Collection.class.isAssignableFrom(c.getType()) && !Map.class.isAssignableFrom(c.getType())) {
        return false;
      }
    }
    return true;
  }

  private static TandemException invalid(Class<?> type, Exception e) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof InvalidRecordException ire) {
        return ire;
      }
      cause = cause.getCause();
    }
    String message = e instanceof ValueInstantiationException v && v.getCause() != null ? v.getCause().getMessage() : e.getMessage();
    return new InvalidRecordException(type.getSimpleName(), null, null, "cannot be built: " + message);
  }
}
