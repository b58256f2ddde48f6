package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tandemsync.core.ConfigurationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Describes every object the enabled mappings use, as the integration user, and checks each mapped
 * field: it must exist (field-level security hides fields by leaving them out of describe), be
 * createable/updateable where the mapping writes it, and external-id fields must be External IDs.
 * All problems are reported at once, each naming the object and the field.
 */
final class DescribeValidator {
  private static final Logger LOG = LoggerFactory.getLogger(DescribeValidator.class);

  /** One field as describe reports it. */
  record FieldInfo(boolean createable, boolean updateable, boolean externalId, boolean unique) {}

  /** One object as describe reports it. */
  record ObjectInfo(Map<String, FieldInfo> fields, Set<String> childRelationships, Optional<CurrencyInfo> currency) {}

  /**
   * The {@code CurrencyIsoCode} picklist of an object in a multi-currency org.
   *
   * @param access whether the integration user may set it on create and update
   * @param active the active currencies (picklist values)
   * @param defaultCurrency the default value: the integration user's currency
   */
  record CurrencyInfo(MappingContext.Access access, Set<String> active, Optional<String> defaultCurrency) {}

  private final RestApi rest;
  private final Map<String, Optional<ObjectInfo>> cache = new HashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final Set<String> warnings = new LinkedHashSet<>();

  DescribeValidator(RestApi rest) {
    this.rest = rest;
  }

  Optional<ObjectInfo> describe(String object) {
    return cache.computeIfAbsent(object, o -> {
      ApiResponse r = rest.describe(o);
      if (r.status() == 404 || (r.status() == 400 && r.errors().stream().anyMatch(e -> e.code().equals("INVALID_TYPE")))) {
        return Optional.empty();
      }
      JsonNode json = r.requireSuccess().json();
      Map<String, FieldInfo> fields = new HashMap<>();
      Optional<CurrencyInfo> currency = Optional.empty();
      for (JsonNode f : json.path("fields")) {
        fields.put(f.path("name").asText(), new FieldInfo(f.path("createable").asBoolean(false), f.path("updateable").asBoolean(false),
            f.path("externalId").asBoolean(false), f.path("unique").asBoolean(false)));
        if (f.path("name").asText().equals(MappingContext.CURRENCY_FIELD)) {
          currency = Optional.of(currencyInfo(f));
        }
      }
      Set<String> children = new LinkedHashSet<>();
      for (JsonNode c : json.path("childRelationships")) {
        String name = c.path("relationshipName").asText("");
        if (!name.isEmpty()) {
          children.add(name);
        }
      }
      return Optional.of(new ObjectInfo(fields, children, currency));
    });
  }

  private static CurrencyInfo currencyInfo(JsonNode field) {
    Set<String> active = new java.util.TreeSet<>();
    Optional<String> byDefault = Optional.empty();
    for (JsonNode value : field.path("picklistValues")) {
      if (value.path("active").asBoolean(true)) {
        active.add(value.path("value").asText());
        if (value.path("defaultValue").asBoolean(false)) {
          byDefault = Optional.of(value.path("value").asText());
        }
      }
    }
    if (byDefault.isEmpty() && field.path("defaultValue").isTextual()) {
      byDefault = Optional.of(field.path("defaultValue").asText());
    }
    return new CurrencyInfo(new MappingContext.Access(field.path("createable").asBoolean(false), field.path("updateable").asBoolean(false)),
        active, byDefault);
  }

  /**
   * The org's currencies from the describes of {@code objects} (org names): a multi-currency org
   * has {@code CurrencyIsoCode} on every object; empty for a single-currency org.
   */
  Optional<MappingContext.OrgCurrencies> currencies(List<String> objects) {
    Set<String> active = new java.util.TreeSet<>();
    Map<String, MappingContext.Access> fields = new HashMap<>();
    for (String object : objects) {
      describe(object).flatMap(ObjectInfo::currency).ifPresent(c -> {
        active.addAll(c.active());
        fields.put(object, c.access());
      });
    }
    return fields.isEmpty() ? Optional.empty() : Optional.of(new MappingContext.OrgCurrencies(active, fields));
  }

  /** The default currency describe shows for {@code objects} (org names): the integration user's. */
  Optional<String> defaultCurrency(List<String> objects) {
    return objects.stream().map(this::describe).flatMap(Optional::stream).map(ObjectInfo::currency).flatMap(Optional::stream)
        .map(CurrencyInfo::defaultCurrency).flatMap(Optional::stream).findFirst();
  }

  <T> void validate(RecordMapper<T> mapper) {
    EntityMapping<T> m = mapper.mapping;
    String object = mapper.object();
    Optional<ObjectInfo> info = describe(object);
    if (info.isEmpty()) {
      problems.add(m.type.name() + ": Salesforce object " + object + " does not exist or is not visible to the integration user");
      return;
    }
    boolean writes = m.writeMode != EntityMapping.WriteMode.NONE;
    boolean createsRecords = m.writeMode == EntityMapping.WriteMode.UPSERT || m.writeMode == EntityMapping.WriteMode.DOCUMENT
        || m.writeMode == EntityMapping.WriteMode.ORDER || m.writeMode == EntityMapping.WriteMode.PRICE;
    mapper.externalIdField().ifPresent(ext -> {
      if (!m.keyNativeFields.isEmpty()) {
        FieldInfo f = require(m, object, info.get(), ext);
        if (f != null && createsRecords && !f.externalId()) {
          problems.add(m.type.name() + ": field " + object + "." + ext + " must be an External ID (and Unique) to upsert by it");
        } else if (f != null && createsRecords && !f.unique()) {
          warnings.add(object + "." + ext + " is an External ID but not Unique: duplicates answer 300 and need View All Data");
        }
      }
    });
    for (FieldSpec spec : m.fields) {
      if (spec.optional && spec.nativeFields.stream().anyMatch(f -> !info.get().fields().containsKey(mapper.field(f)))) {
        LOG.info("{}: {} lacks the optional field(s) {}; they are not synced", m.type.name(), object, spec.nativeFields);
        mapper.markUnavailable(spec);
        continue;
      }
      checkSpec(m, mapper, object, m.object, info.get(), spec, writes, createsRecords);
    }
    for (String extra : mapper.extraNativeFields()) {
      require(m, object, info.get(), extra);
    }
    m.lines.flatMap(LineMapping::textLinesField).ifPresent(textLines -> {
      FieldInfo f = require(m, object, info.get(), mapper.field(textLines));
      if (f != null && writes && (!f.createable() || !f.updateable())) {
        problems.add(m.type.name() + ": field " + object + "." + mapper.field(textLines) + " is not writable for the integration user");
      }
    });
    m.lines.ifPresent(l -> {
      String lineObject = mapper.ctx.naming().object(l.object());
      String rel = mapper.ctx.naming().field(m.object, l.childRelationship());
      if (!info.get().childRelationships().isEmpty() && !info.get().childRelationships().contains(rel)) {
        problems.add(m.type.name() + ": object " + object + " has no child relationship " + rel + " (to " + lineObject + ")");
      }
      Optional<ObjectInfo> lineInfo = describe(lineObject);
      if (lineInfo.isEmpty()) {
        problems.add(m.type.name() + ": Salesforce object " + lineObject + " does not exist or is not visible to the integration user");
        return;
      }
      require(m, lineObject, lineInfo.get(), mapper.ctx.naming().field(l.object(), l.externalIdField()));
      if (writes) {
        require(m, lineObject, lineInfo.get(), mapper.ctx.naming().field(l.object(), l.parentField()));
      }
      for (FieldSpec spec : l.fields()) {
        checkSpec(m, mapper, lineObject, l.object(), lineInfo.get(), spec, writes, createsRecords);
      }
    });
  }

  private <T> void checkSpec(EntityMapping<T> m, RecordMapper<T> mapper, String object, String defaultObject, ObjectInfo info,
      FieldSpec spec, boolean writes, boolean createsRecords) {
    for (String def : spec.nativeFields) {
      String name = mapper.ctx.naming().field(defaultObject, def);
      if (name.equals("Id")) {
        continue;
      }
      FieldInfo f = require(m, object, info, name);
      if (f == null || !writes || !spec.access.writes()) {
        continue;
      }
      if (createsRecords && !f.createable()) {
        problems.add(m.type.name() + ": field " + object + "." + name + " is not createable for the integration user");
      }
      if (!spec.createOnly && !f.updateable() && m.writeMode != EntityMapping.WriteMode.PRICE) {
        problems.add(m.type.name() + ": field " + object + "." + name + " is not updateable for the integration user");
      }
    }
    for (FieldSpec.Ref ref : spec.refs) {
      String target = mapper.ctx.naming().object(ref.targetObject());
      describe(target).ifPresentOrElse(t -> require(m, target, t, mapper.ctx.naming().field(ref.targetObject(), ref.targetField())),
          () -> problems.add(m.type.name() + ": Salesforce object " + target + " (referenced by " + object + "." + ref.lookupField()
              + ") does not exist or is not visible"));
    }
  }

  private FieldInfo require(EntityMapping<?> m, String object, ObjectInfo info, String field) {
    FieldInfo f = info.fields().get(field);
    if (f == null) {
      problems.add(m.type.name() + ": field " + object + "." + field
          + " is missing or hidden from the integration user (deploy the metadata and grant the permission set)");
    }
    return f;
  }

  /** Throws one {@link ConfigurationException} listing every problem found. */
  void finish() {
    warnings.forEach(w -> LOG.warn("Salesforce metadata: {}", w));
    if (!problems.isEmpty()) {
      throw new ConfigurationException("Salesforce org does not match the connector's mapping: " + String.join("; ", problems));
    }
  }
}
