package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Dotted paths ({@code billingAddress.town}) into canonical JSON trees. */
final class Paths {
  private Paths() {}

  static JsonNode get(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      if (node == null || !node.isObject()) {
        return MissingNode.getInstance();
      }
      node = node.get(part);
    }
    return node == null ? MissingNode.getInstance() : node;
  }

  static boolean present(JsonNode root, String path) {
    JsonNode n = get(root, path);
    return !n.isMissingNode() && !n.isNull();
  }

  static void set(ObjectNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (child == null || !child.isObject()) {
        child = node.putObject(parts[i]);
      }
      node = (ObjectNode) child;
    }
    node.set(parts[parts.length - 1], value);
  }
}
