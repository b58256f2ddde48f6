package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tandemsync.testkit.salesforce.SandboxData;
import io.github.tandemsync.testkit.salesforce.SandboxRecord;
import io.github.tandemsync.testkit.salesforce.SandboxWriteException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@link SandboxData}: UI-style writes through the same validation as the API, and record snapshots. */
public final class SandboxDataImpl implements SandboxData {
  private final Org org;

  public SandboxDataImpl(Org org) {
    this.org = org;
  }

  private WriteEngine.Actor ui() {
    return WriteEngine.Actor.ui(org.uiUserId);
  }

  private SObjectType type(String name) {
    return org.schema.type(name).orElseThrow(() -> new SandboxWriteException(name, null, "INVALID_TYPE", List.of(),
        "sObject type '" + name + "' is not supported"));
  }

  private static SandboxWriteException rethrow(String type, @Nullable String id, SfError e) {
    return new SandboxWriteException(type, id, e.code(), e.fields(), e.getMessage());
  }

  private static JsonNode body(Map<String, ?> fields) {
    return Json.MAPPER.valueToTree(fields);
  }

  @Override
  public String insert(String sObjectType, Map<String, ?> fields) {
    SObjectType type = type(sObjectType);
    try {
      return org.transaction(() -> org.writes.insert(type, org.writes.parseJson(type, body(fields), ui()), ui()));
    } catch (SfError e) {
      throw rethrow(type.name, null, e);
    }
  }

  @Override
  public void update(String id, Map<String, ?> fields) {
    Row row = require(id);
    try {
      org.transaction(() -> {
        org.writes.update(row, org.writes.parseJson(row.type, body(fields), ui()), ui());
        return null;
      });
    } catch (SfError e) {
      throw rethrow(row.type.name, row.id, e);
    }
  }

  @Override
  public void delete(String id) {
    Row row = require(id);
    try {
      org.transaction(() -> {
        org.writes.delete(row, ui(), false);
        return null;
      });
    } catch (SfError e) {
      throw rethrow(row.type.name, row.id, e);
    }
  }

  @Override
  public void undelete(String id) {
    Row row = require(id);
    try {
      org.transaction(() -> {
        org.writes.undelete(row, ui());
        return null;
      });
    } catch (SfError e) {
      throw rethrow(row.type.name, row.id, e);
    }
  }

  private Row require(String id) {
    Row row = org.locked(() -> org.row(id));
    if (row == null) {
      throw new SandboxWriteException("unknown", id, "INVALID_CROSS_REFERENCE_KEY", List.of(), "no record with id " + id);
    }
    return row;
  }

  @Override
  public Optional<SandboxRecord> find(String id) {
    return org.locked(() -> {
      Row row = org.row(id);
      return row == null ? Optional.empty() : Optional.of(snapshot(row));
    });
  }

  @Override
  public List<SandboxRecord> list(String sObjectType) {
    return list(sObjectType, false);
  }

  @Override
  public List<SandboxRecord> listIncludingDeleted(String sObjectType) {
    return list(sObjectType, true);
  }

  private List<SandboxRecord> list(String sObjectType, boolean includeDeleted) {
    SObjectType type = type(sObjectType);
    return org.locked(() -> {
      List<SandboxRecord> records = new ArrayList<>();
      for (Row row : org.store.rows(type)) {
        if (includeDeleted || !row.deleted) {
          records.add(snapshot(row));
        }
      }
      return records;
    });
  }

  private static SandboxRecord snapshot(Row row) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (FieldDef field : row.type.fields()) {
      Object value = row.values.get(field.name);
      if (value != null) {
        fields.put(field.name, value);
      }
    }
    return new SandboxRecord(row.id, row.type.name, fields, row.deleted, Optional.ofNullable(row.lastClient),
        Optional.ofNullable(row.lastOrigin));
  }

  @Override
  public void emptyRecycleBin() {
    org.locked(() -> {
      for (SObjectType type : org.schema.types()) {
        for (Row row : List.copyOf(org.store.rows(type))) {
          if (row.deleted) {
            org.store.purge(row);
          }
        }
      }
    });
  }

  @Override
  public void purgeDeleteLog(Instant before) {
    org.locked(() -> org.purgeDeleteLog(before));
  }

  @Override
  public String standardPricebookId() {
    return org.standardPricebookId;
  }
}
