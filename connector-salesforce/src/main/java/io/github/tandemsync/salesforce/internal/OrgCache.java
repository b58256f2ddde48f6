package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.PermanentException;
import io.github.tandemsync.salesforce.SalesforceNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Org facts looked up once: the standard price book's Id and the price books of the ERP price bands. */
final class OrgCache {
  private final RestApi rest;
  private final SalesforceNaming naming;
  private volatile @Nullable String standardPricebookId;
  private final Set<String> knownBooks = ConcurrentHashMap.newKeySet();

  OrgCache(RestApi rest, SalesforceNaming naming) {
    this.rest = rest;
    this.naming = naming;
  }

  String standardPricebookId() {
    String id = standardPricebookId;
    if (id == null) {
      List<ObjectNode> rows = rest.queryAllRows(Soql.select("Id").from("Pricebook2").where(Soql.field("IsStandard").eq(true)).toSoql(),
          "price");
      if (rows.isEmpty()) {
        throw new ConfigurationException("the org has no standard price book (Pricebook2 with IsStandard = true) visible to the integration user");
      }
      id = rows.get(0).path("Id").asText();
      standardPricebookId = id;
    }
    return id;
  }

  /** Upserts one active Pricebook2 per band not seen yet (external id = band). */
  void ensurePricebooks(List<String> bands, String entity) {
    List<String> missing = bands.stream().filter(b -> !knownBooks.contains(b)).toList();
    if (missing.isEmpty()) {
      return;
    }
    String ext = naming.field("Pricebook2", DefaultMappings.ERP_ID);
    for (List<String> chunk : SalesforceWriter.chunks(missing, RestApi.COLLECTION_LIMIT)) {
      List<ObjectNode> bodies = new ArrayList<>();
      for (String band : chunk) {
        bodies.add(Json.object().put(ext, band).put("Name", "ERP price book " + band).put("IsActive", true));
      }
      ApiResponse r = rest.upsertCollection(naming.object("Pricebook2"), ext, bodies, entity).requireSuccess();
      JsonNode results = r.json();
      for (int i = 0; i < chunk.size(); i++) {
        if (results.path(i).path("success").asBoolean(false)) {
          knownBooks.add(chunk.get(i));
        } else {
          throw new PermanentException("price book for band " + chunk.get(i) + " could not be written: " + ApiError.listFrom(results.path(i)));
        }
      }
    }
  }
}
