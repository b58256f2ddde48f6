package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of a SOQL result.
 *
 * @param records the rows of this page
 * @param done whether this is the last page; the only thing that ends paging
 * @param nextRecordsUrl where the next page is, when not done
 * @param totalSize the row count of the whole query
 */
record QueryPage(List<ObjectNode> records, boolean done, Optional<String> nextRecordsUrl, long totalSize) {

  static QueryPage from(JsonNode json) {
    List<ObjectNode> rows = new ArrayList<>();
    JsonNode recs = json.get("records");
    if (recs != null && recs.isArray()) {
      recs.forEach(r -> {
        if (r.isObject()) {
          rows.add((ObjectNode) r);
        }
      });
    }
    JsonNode doneNode = json.get("done");
    // Only an explicit done=true ends paging; a missing flag with a next URL means more pages.
    boolean done = doneNode != null && doneNode.asBoolean(false);
    Optional<String> next = Json.text(json, "nextRecordsUrl");
    if (!done && next.isEmpty()) {
      done = true;
    }
    return new QueryPage(rows, done, done ? Optional.empty() : next, json.path("totalSize").asLong(rows.size()));
  }
}
