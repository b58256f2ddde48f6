package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One mapped field: which sObject fields (by default API name) it reads or writes, which canonical
 * paths it covers, and how values convert. Describe validation uses the access flags: read fields
 * must exist, written fields must be createable (and updateable unless create-only).
 */
final class FieldSpec {
  /** Direction of a mapped field. */
  enum Access {
    READ,
    WRITE,
    BOTH;

    boolean reads() {
      return this != WRITE;
    }

    boolean writes() {
      return this != READ;
    }
  }

  interface Reader {
    void read(Row source, ObjectNode canonical);
  }

  interface Writer {
    void write(JsonNode canonical, Row target);
  }

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * A lookup written and read through the target's external id.
   *
   * @param lookupField default API name of the lookup field, e.g. {@code AccountId}
   * @param targetObject default API name of the referenced object
   * @param targetField default API name of its external-id field
   */
  record Ref(String lookupField, String targetObject, String targetField) {
    /** {@code Account.ERP_Id__c} with the org's names. */
    String selectPath(MappingContext ctx, String owningObject) {
      return relationship(ctx, owningObject) + "." + ctx.naming().field(targetObject, targetField);
    }

    String relationship(MappingContext ctx, String owningObject) {
      return LineMapping.relationshipName(ctx.naming().field(owningObject, lookupField));
    }
  }

  final List<String> nativeFields;
  final List<Ref> refs;
  final List<String> paths;
  final Access access;
  final boolean createOnly;
  /** Standard fields that not every org or edition has: skipped (not an error) when describe lacks them. */
  final boolean optional;
  /** Written with every update, not only when its paths changed (it goes with the record's key). */
  final boolean everyWrite;
  final Reader reader;
  final Writer writer;

  FieldSpec(List<String> nativeFields, List<String> paths, Access access, boolean createOnly, Reader reader, Writer writer) {
    this(nativeFields, List.of(), paths, access, createOnly, reader, writer);
  }

  FieldSpec(List<String> nativeFields, List<Ref> refs, List<String> paths, Access access, boolean createOnly, Reader reader,
      Writer writer) {
    this(nativeFields, refs, paths, access, createOnly, false, false, reader, writer);
  }

  FieldSpec(List<String> nativeFields, List<Ref> refs, List<String> paths, Access access, boolean createOnly, boolean optional,
      boolean everyWrite, Reader reader, Writer writer) {
    this.optional = optional;
    this.nativeFields = List.copyOf(nativeFields);
    this.refs = List.copyOf(refs);
    this.paths = List.copyOf(paths);
    this.access = access;
    this.createOnly = createOnly;
    this.everyWrite = everyWrite;
    this.reader = reader;
    this.writer = writer;
  }

  FieldSpec readOnly() {
    return new FieldSpec(nativeFields, refs, paths, Access.READ, createOnly, optional, everyWrite, reader, writer);
  }

  FieldSpec writeOnly() {
    return new FieldSpec(nativeFields, refs, paths, Access.WRITE, createOnly, optional, everyWrite, reader, writer);
  }

  FieldSpec createOnly() {
    return new FieldSpec(nativeFields, refs, paths, access, true, optional, everyWrite, reader, writer);
  }

  /** A standard field some orgs lack (edition, feature settings): left out when describe does not list it. */
  FieldSpec optional() {
    return new FieldSpec(nativeFields, refs, paths, access, createOnly, true, everyWrite, reader, writer);
  }

  /** Written with every update of the record, e.g. a reference that belongs with the key. */
  FieldSpec everyWrite() {
    return new FieldSpec(nativeFields, refs, paths, access, createOnly, optional, true, reader, writer);
  }

  /** The same field read as before, written by someone else (the writer sets it itself). */
  FieldSpec writtenByWriter() {
    return new FieldSpec(nativeFields, refs, paths, access, createOnly, optional, everyWrite, reader, (c, t) -> { });
  }

  /**
   * A lookup to another object, read and written through that object's external id, e.g. a
   * Contact's account by {@code Account.ERP_Id__c}.
   *
   * @param owningObject default name of the object holding the lookup
   * @param ref the lookup
   * @param path canonical path of the referenced key
   * @param toNative canonical key to the external-id value ({@code C-} prefix …)
   * @param fromNative external-id value to the canonical key, empty when it is not one of ours
   */
  static FieldSpec ref(String owningObject, Ref ref, String path, java.util.function.Function<String, String> toNative,
      java.util.function.Function<String, Optional<String>> fromNative) {
    return new FieldSpec(List.of(ref.lookupField()), List.of(ref), List.of(path), Access.BOTH, false,
        (src, c) -> {
          MappingContext ctx = src.ctx();
          JsonNode rel = src.node().get(ref.relationship(ctx, owningObject));
          if (rel != null && rel.isObject()) {
            JsonNode v = rel.get(ctx.naming().field(ref.targetObject(), ref.targetField()));
            if (v != null && v.isTextual()) {
              fromNative.apply(v.asText()).ifPresent(k -> Paths.set(c, path, F.textNode(k)));
            }
          }
        },
        (c, t) -> {
          JsonNode v = Paths.get(c, path);
          MappingContext ctx = t.ctx();
          if (v.isTextual() && !v.asText().isBlank()) {
            t.node().putObject(ref.relationship(ctx, owningObject))
                .put(ctx.naming().field(ref.targetObject(), ref.targetField()), toNative.apply(v.asText()));
          } else {
            t.set(ref.lookupField(), F.nullNode());
          }
        });
  }

  /** Money whose currency has its own Salesforce field (read and written). */
  static FieldSpec moneyWithCurrency(String sfAmount, String sfCurrency, String path) {
    return withCurrencyField(money(sfAmount, path, Optional.of(sfCurrency)), sfAmount, sfCurrency, path);
  }

  /**
   * Money in the record's currency whose currency also has a text field: in a multi-currency org
   * the record's {@code CurrencyIsoCode} decides, else the text field.
   */
  static FieldSpec recordMoneyWithCurrency(String sfAmount, String sfCurrency, String path) {
    return withCurrencyField(recordMoney(sfAmount, path, Optional.of(sfCurrency)), sfAmount, sfCurrency, path);
  }

  private static FieldSpec withCurrencyField(FieldSpec amount, String sfAmount, String sfCurrency, String path) {
    return new FieldSpec(List.of(sfAmount, sfCurrency), List.of(path), Access.BOTH, false, amount.reader,
        (c, t) -> {
          amount.writer.write(c, t);
          t.set(sfCurrency, nullIfMissing(Paths.get(c, path + ".currency")));
        });
  }

  /** A value computed on write only, e.g. a required Name derived from other fields. */
  static FieldSpec computed(String sf, List<String> paths, java.util.function.Function<JsonNode, JsonNode> compute) {
    return new FieldSpec(List.of(sf), paths, Access.WRITE, false, (src, c) -> { }, (c, t) -> t.set(sf, compute.apply(c)));
  }

  // ------------------------------------------------------------------ factories

  static FieldSpec text(String sf, String path) {
    return new FieldSpec(List.of(sf), List.of(path), Access.BOTH, false,
        (src, c) -> {
          String v = src.text(sf);
          if (!v.isBlank()) {
            Paths.set(c, path, F.textNode(v));
          }
        },
        (c, t) -> t.set(sf, nullIfMissing(Paths.get(c, path))));
  }

  static FieldSpec number(String sf, String path) {
    return new FieldSpec(List.of(sf), List.of(path), Access.BOTH, false,
        (src, c) -> {
          JsonNode v = src.get(sf);
          if (v.isNumber()) {
            Paths.set(c, path, F.numberNode(v.decimalValue()));
          } else if (v.isTextual() && !v.asText().isBlank()) {
            Paths.set(c, path, F.numberNode(new java.math.BigDecimal(v.asText().strip())));
          }
        },
        (c, t) -> t.set(sf, nullIfMissing(Paths.get(c, path))));
  }

  /** A number that must be present on the canonical side: a Salesforce null reads as zero. */
  static FieldSpec numberOrZero(String sf, String path) {
    FieldSpec base = number(sf, path);
    return new FieldSpec(base.nativeFields, base.paths, Access.BOTH, false,
        (src, c) -> {
          base.reader.read(src, c);
          if (!Paths.present(c, path)) {
            Paths.set(c, path, F.numberNode(java.math.BigDecimal.ZERO));
          }
        }, base.writer);
  }

  static FieldSpec integer(String sf, String path) {
    return new FieldSpec(List.of(sf), List.of(path), Access.BOTH, false,
        (src, c) -> {
          JsonNode v = src.get(sf);
          if (v.isNumber()) {
            Paths.set(c, path, F.numberNode(v.decimalValue().intValue()));
          } else if (v.isTextual() && !v.asText().isBlank()) {
            Paths.set(c, path, F.numberNode(new java.math.BigDecimal(v.asText().strip()).intValue()));
          }
        },
        (c, t) -> t.set(sf, nullIfMissing(Paths.get(c, path))));
  }

  static FieldSpec bool(String sf, String path) {
    return new FieldSpec(List.of(sf), List.of(path), Access.BOTH, false,
        (src, c) -> {
          JsonNode v = src.get(sf);
          Paths.set(c, path, F.booleanNode(v.isBoolean() ? v.asBoolean() : "true".equalsIgnoreCase(v.asText())));
        },
        (c, t) -> t.set(sf, F.booleanNode(Paths.get(c, path).asBoolean(false))));
  }

  /** A checkbox holding the negation of a canonical flag (Product2.IsActive = not obsolete). */
  static FieldSpec negatedBool(String sf, String path) {
    return new FieldSpec(List.of(sf), List.of(path), Access.BOTH, false,
        (src, c) -> {
          JsonNode v = src.get(sf);
          boolean sfValue = v.isBoolean() ? v.asBoolean() : "true".equalsIgnoreCase(v.asText());
          Paths.set(c, path, F.booleanNode(!sfValue));
        },
        (c, t) -> t.set(sf, F.booleanNode(!Paths.get(c, path).asBoolean(false))));
  }

  static FieldSpec date(String sf, String path) {
    return new FieldSpec(List.of(sf), List.of(path), Access.BOTH, false,
        (src, c) -> {
          String v = src.text(sf);
          if (!v.isBlank()) {
            Paths.set(c, path, F.textNode(SalesforceDateTimes.formatDate(SalesforceDateTimes.parseDate(v))));
          }
        },
        (c, t) -> t.set(sf, nullIfMissing(Paths.get(c, path))));
  }

  /**
   * Money with its own currency: Salesforce stores the amount only. On read the currency is the
   * record's {@code currencyField} (default names), else the record's {@code CurrencyIsoCode}
   * (multi-currency orgs), else the context's default currency.
   */
  static FieldSpec money(String sf, String path, Optional<String> currencyField) {
    return money(sf, path, src -> currencyField.map(src::text).filter(s -> !s.isBlank()).or(src::recordCurrency));
  }

  /**
   * Money in the record's currency (a Salesforce Currency field): on read the currency is the
   * record's {@code CurrencyIsoCode} in a multi-currency org, else its {@code currencyField}, else
   * the context's default currency.
   */
  static FieldSpec recordMoney(String sf, String path, Optional<String> currencyField) {
    return money(sf, path, src -> src.recordCurrency().or(() -> currencyField.map(src::text).filter(s -> !s.isBlank())));
  }

  /**
   * The record's currency: {@code CurrencyIsoCode} in a multi-currency org, else the text field;
   * written to the text field (the connector writes {@code CurrencyIsoCode} itself, see
   * {@code EntityMapping.recordCurrencyPaths}).
   */
  static FieldSpec recordCurrency(String sf, String path) {
    FieldSpec plain = text(sf, path);
    return new FieldSpec(plain.nativeFields, plain.paths, Access.BOTH, false,
        (src, c) -> {
          Optional<String> record = src.recordCurrency();
          if (record.isPresent()) {
            Paths.set(c, path, F.textNode(record.get()));
          } else {
            plain.reader.read(src, c);
          }
        }, plain.writer);
  }

  private static FieldSpec money(String sf, String path, java.util.function.Function<Row, Optional<String>> currencyOf) {
    List<String> natives = new ArrayList<>(List.of(sf));
    return new FieldSpec(natives, List.of(path), Access.BOTH, false,
        (src, c) -> {
          JsonNode v = src.get(sf);
          if (v.isNumber() || (v.isTextual() && !v.asText().isBlank())) {
            String currency = currencyOf.apply(src).orElse(src.ctx().defaultCurrency());
            ObjectNode money = F.objectNode();
            money.set("amount", F.numberNode(v.isNumber() ? v.decimalValue() : new java.math.BigDecimal(v.asText().strip())));
            money.put("currency", currency);
            Paths.set(c, path, money);
          }
        },
        (c, t) -> t.set(sf, nullIfMissing(Paths.get(c, path + ".amount"))));
  }

  /** A picklist: canonical enum names to Salesforce values; unknown Salesforce values read as {@code fallback}. */
  static FieldSpec picklist(String sf, String path, Map<String, String> canonicalToSf, Optional<String> fallback) {
    return new FieldSpec(List.of(sf), List.of(path), Access.BOTH, false,
        (src, c) -> {
          String v = src.text(sf);
          Optional<String> canonical = canonicalToSf.entrySet().stream()
              .filter(e -> e.getValue().equalsIgnoreCase(v)).map(Map.Entry::getKey).findFirst();
          canonical.or(() -> v.isBlank() ? Optional.empty() : fallback).ifPresent(x -> Paths.set(c, path, F.textNode(x)));
        },
        (c, t) -> {
          JsonNode v = Paths.get(c, path);
          t.set(sf, v.isTextual() && canonicalToSf.containsKey(v.asText()) ? F.textNode(canonicalToSf.get(v.asText())) : F.nullNode());
        });
  }

  /** Street lines 1 and 2 of an address in one Salesforce textarea, one per line. */
  static FieldSpec street(String sf, String addressPath) {
    return new FieldSpec(List.of(sf), List.of(addressPath + ".line1", addressPath + ".line2"), Access.BOTH, false,
        (src, c) -> {
          String v = src.text(sf);
          if (!v.isBlank()) {
            String[] lines = v.split("\\r?\\n", 2);
            Paths.set(c, addressPath + ".line1", F.textNode(lines[0].strip()));
            if (lines.length > 1 && !lines[1].isBlank()) {
              Paths.set(c, addressPath + ".line2", F.textNode(lines[1].strip().replaceAll("\\s*\\r?\\n\\s*", ", ")));
            }
          }
        },
        (c, t) -> {
          String l1 = Paths.get(c, addressPath + ".line1").asText("");
          String l2 = Paths.get(c, addressPath + ".line2").asText("");
          String joined = l2.isBlank() ? l1 : (l1 + "\n" + l2);
          t.set(sf, joined.isBlank() ? F.nullNode() : F.textNode(joined));
        });
  }

  /** A list of text lines in one long-text field. */
  static FieldSpec textLines(String sf, String path) {
    return new FieldSpec(List.of(sf), List.of(path), Access.BOTH, false,
        (src, c) -> {
          String v = src.text(sf);
          ArrayNode arr = F.arrayNode();
          if (!v.isEmpty()) {
            for (String line : v.split("\\r?\\n", -1)) {
              arr.add(line);
            }
          }
          Paths.set(c, path, arr);
        },
        (c, t) -> {
          JsonNode v = Paths.get(c, path);
          List<String> lines = new ArrayList<>();
          if (v.isArray()) {
            v.forEach(n -> lines.add(n.asText()));
          }
          t.set(sf, lines.isEmpty() ? F.nullNode() : F.textNode(String.join("\n", lines)));
        });
  }

  static JsonNode nullIfMissing(JsonNode v) {
    return v.isMissingNode() ? F.nullNode() : v;
  }
}
