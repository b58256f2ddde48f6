package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.RetryableException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves an org to a JSON file and restores it: records of every object (recycle bin included), the
 * delete log, the id and token generator, auto-number counters, custom object key prefixes,
 * registered credentials with their refresh-token rotation state and the API usage window. Access
 * tokens, query cursors and Bulk jobs are not saved: clients re-authenticate after a restore, as
 * after a session expiry.
 *
 * <p>A checkpoint is consistent (taken under the credential lock, then the org lock) and atomic: it
 * is written to a temporary file in the same folder, forced to disk and renamed over the target, so
 * a crash leaves either the previous or the new file. The file is owner-only where the file system
 * supports it: it holds client secrets and refresh tokens.
 */
public final class OrgFile {
  private static final Logger LOG = LoggerFactory.getLogger(OrgFile.class);

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new Jdk8Module())
      .registerModule(new JavaTimeModule())
      // Exact decimals both ways: no trailing-zero stripping, no binary floating point.
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);
  private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private final Path file;
  private final Org org;
  private final AuthService auth;
  private final ApiUsageTracker usage;
  /** One checkpoint at a time, so a later snapshot is never overwritten by an earlier one. */
  private final ReentrantLock writing = new ReentrantLock();

  public OrgFile(Path file, Org org, AuthService auth, ApiUsageTracker usage) {
    this.file = file.toAbsolutePath().normalize();
    this.org = org;
    this.auth = auth;
    this.usage = usage;
  }

  /** The file. */
  public Path path() {
    return file;
  }

  /** Whether the file exists. */
  public boolean exists() {
    return Files.exists(file);
  }

  // ---------------------------------------------------------------------------------------------
  // Checkpoint

  /**
   * Writes the org to the file atomically.
   *
   * @throws ConfigurationException when the folder cannot be written (permissions, not a folder)
   * @throws RetryableException on other I/O failures (disk full...); the previous file is intact
   */
  public void checkpoint() {
    writing.lock();
    try {
      SavedOrg saved = auth.saving(credentials -> org.locked(() -> snapshot(credentials)));
      write(saved);
      LOG.debug("Salesforce sandbox org saved to {}", file);
    } finally {
      writing.unlock();
    }
  }

  /** A detached copy of the org (call under the org lock). */
  private SavedOrg snapshot(SavedOrg.Auth credentials) {
    Map<String, SavedOrg.SavedObject> objects = new LinkedHashMap<>();
    for (SObjectType type : org.schema.types()) {
      List<SavedOrg.SavedRecord> records = new ArrayList<>();
      Map<String, FieldType> fieldTypes = new LinkedHashMap<>();
      for (Row row : org.store.rows(type)) {
        records.add(saveRow(row, fieldTypes));
      }
      Map<String, Long> autoNumbers = new HashMap<>();
      type.autoNumbers.forEach((field, counter) -> autoNumbers.put(field, counter.get()));
      if (!records.isEmpty() || !autoNumbers.isEmpty() || type.custom) {
        objects.put(type.name, new SavedOrg.SavedObject(type.keyPrefix, autoNumbers, fieldTypes, records));
      }
    }
    List<SavedOrg.DeleteLogEntry> deleteLog = new ArrayList<>();
    for (RecordStore.DeleteLogEntry entry : org.store.deleteLog()) {
      deleteLog.add(new SavedOrg.DeleteLogEntry(entry.id(), entry.type().name, entry.deletedDate()));
    }
    SavedOrg.Identity identity = new SavedOrg.Identity(org.orgId, org.createdAt, org.deleteLogStart, org.uiUserId,
        org.standardPricebookId);
    Optional<SavedOrg.Currencies> currencies = org.currencies().map(c -> new SavedOrg.Currencies(c.corporate(), List.copyOf(c.active())));
    return new SavedOrg(SavedOrg.FORMAT, SavedOrg.VERSION, org.now(), identity, org.ids.state(), objects, deleteLog, credentials,
        usage.saveWindow(), currencies);
  }

  private static SavedOrg.SavedRecord saveRow(Row row, Map<String, FieldType> fieldTypes) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    // Definition order first (Id, Name, ... read naturally), then anything else the row holds.
    for (FieldDef field : row.type.fields()) {
      Object value = row.values.get(field.name);
      if (value != null) {
        values.put(field.name, encode(value));
        fieldTypes.putIfAbsent(field.name, field.type);
      }
    }
    row.values.forEach((name, value) -> {
      if (value != null && !values.containsKey(name)) {
        values.put(name, encode(value));
        fieldTypes.putIfAbsent(name, typeOf(value));
      }
    });
    return new SavedOrg.SavedRecord(row.id, row.deleted, Optional.ofNullable(row.deletedAt),
        Optional.ofNullable(row.deletedWith), Optional.ofNullable(row.lastClient),
        Optional.ofNullable(row.lastOrigin), values);
  }

  private static JsonNode encode(Object value) {
    JsonNodeFactory nodes = MAPPER.getNodeFactory();
    if (value instanceof BigDecimal number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Boolean flag) {
      return nodes.booleanNode(flag);
    }
    return nodes.textNode(value.toString()); // String, LocalDate (yyyy-MM-dd), Instant (ISO-8601)
  }

  /** The type a stray value (not a field of its object) is saved as; restoring it fails clearly. */
  private static FieldType typeOf(Object value) {
    if (value instanceof BigDecimal) {
      return FieldType.DOUBLE;
    }
    if (value instanceof Boolean) {
      return FieldType.BOOLEAN;
    }
    if (value instanceof LocalDate) {
      return FieldType.DATE;
    }
    if (value instanceof Instant) {
      return FieldType.DATETIME;
    }
    return FieldType.STRING;
  }

  private void write(SavedOrg saved) {
    Path folder = file.getParent();
    Path temp = null;
    try {
      Files.createDirectories(folder);
      // createTempFile makes the file owner-only on POSIX file systems.
      temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        WRITER.writeValue(out, saved);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      syncFolder(folder);
    } catch (AtomicMoveNotSupportedException e) {
      throw new ConfigurationException("cannot save the Salesforce sandbox org to " + file
          + ": the file system does not support atomic renames in " + folder, e);
    } catch (FileSystemException e) {
      // Path problems (permissions, a file where the folder should be...) repeat until fixed.
      throw new ConfigurationException("cannot save the Salesforce sandbox org to " + file + ": " + e, e);
    } catch (IOException e) {
      throw new RetryableException("cannot save the Salesforce sandbox org to " + file + " (the previous file is intact): " + e, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          LOG.warn("cannot delete the temporary file {}: {}", temp, e.toString());
        }
      }
    }
  }

  /** Makes the rename durable where the platform allows syncing a folder (Linux, macOS). */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot sync folder {} after a checkpoint: {}", folder, e.toString());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Restore

  /**
   * Replaces the org's records, identity, generator state, credentials and API usage window with
   * the file's. Call before the server starts; the metadata must already be deployed.
   *
   * @throws ConfigurationException when the file cannot be read, is not a saved org, has an unknown
   *     format version, or holds records of an object or field the deployed metadata lacks
   * @throws IllegalStateException when records were written to the org before the restore
   */
  public RestoreSummary restore() {
    SavedOrg saved = read();
    int records = org.locked(() -> {
      if (org.recordsWrittenSinceBootstrap()) {
        throw new IllegalStateException("records were written to the Salesforce sandbox before start(), but with persistTo(" + file
            + ") start() replaces the org with the saved one: write records after start() (when restored() is false)");
      }
      Prepared prepared = prepare(saved);
      apply(saved, prepared);
      return prepared.rows.size();
    });
    try {
      auth.restore(saved.auth());
    } catch (IllegalArgumentException e) {
      throw corrupt(e.getMessage(), e);
    }
    try {
      usage.restoreWindow(saved.apiUsage());
    } catch (IllegalArgumentException e) {
      throw corrupt(e.getMessage(), e);
    }
    LOG.info("Salesforce sandbox org {} restored from {}: {} records, {} delete-log entries (saved at {})", org.orgId, file, records,
        saved.deleteLog().size(), saved.savedAt());
    return new RestoreSummary(records, saved.savedAt());
  }

  /**
   * What a restore brought back.
   *
   * @param records records restored, recycle bin included
   * @param savedAt when the checkpoint was taken
   */
  public record RestoreSummary(int records, Instant savedAt) {}

  private SavedOrg read() {
    JsonNode tree;
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length == 0) {
        throw new ConfigurationException("cannot restore the Salesforce sandbox from " + file + ": the file is empty");
      }
      tree = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new ConfigurationException("cannot restore the Salesforce sandbox from " + file + ": the file is not valid JSON (corrupt or "
          + "truncated)" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigurationException("cannot restore the Salesforce sandbox from " + file + ": " + e, e);
    }
    if (tree == null || !tree.isObject() || !SavedOrg.FORMAT.equals(tree.path("format").asText(null))) {
      throw new ConfigurationException("cannot restore the Salesforce sandbox from " + file + ": it is not a saved Salesforce sandbox "
          + "org (expected a JSON object with \"format\": \"" + SavedOrg.FORMAT + "\")");
    }
    JsonNode version = tree.path("formatVersion");
    if (!version.isInt() || version.intValue() != SavedOrg.VERSION) {
      throw new ConfigurationException("cannot restore the Salesforce sandbox from " + file + ": format version "
          + (version.isMissingNode() ? "(missing)" : version.toString()) + " is not supported; this tandem-testkit reads version "
          + SavedOrg.VERSION + ". Use the tandem-testkit version that wrote the file, or delete it to start a fresh org");
    }
    try {
      return MAPPER.treeToValue(tree, SavedOrg.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Jackson's message names the property and its path; values of secret fields are strings and
      // never appear in it.
      String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
      String path = e instanceof JsonMappingException mapping ? " at " + path(mapping) : "";
      throw corrupt(message + path, e);
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder text = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        text.append(text.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        text.append('[').append(ref.getIndex()).append(']');
      }
    }
    return text.length() == 0 ? "the top level" : text.toString();
  }

  private ConfigurationException corrupt(@Nullable String detail, @Nullable Throwable cause) {
    String message = "cannot restore the Salesforce sandbox from " + file + ": the saved org is corrupt: " + detail;
    return cause == null ? new ConfigurationException(message) : new ConfigurationException(message, cause);
  }

  private ConfigurationException incompatible(String detail) {
    return new ConfigurationException("cannot restore the Salesforce sandbox from " + file + ": " + detail
        + ". Deploy metadata that still defines it, or delete the file to start a fresh org");
  }

  /** Validated rows and derived state, built before anything in the org changes. */
  private record Prepared(List<Row> rows, Map<String, String> customPrefixes, Map<SObjectType, Map<String, Long>> autoNumbers,
      Ids.Generator.State ids, List<RecordStore.DeleteLogEntry> deleteLog) {}

  private Prepared prepare(SavedOrg saved) {
    checkCurrencies(saved.currencies());
    Map<String, String> customPrefixes = new HashMap<>();
    Map<String, String> objectByPrefix = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<SObjectType, Map<String, Long>> autoNumbers = new LinkedHashMap<>();
    Map<String, Long> highestIdValue = new HashMap<>();
    for (Map.Entry<String, SavedOrg.SavedObject> entry : saved.objects().entrySet()) {
      String objectName = entry.getKey();
      SavedOrg.SavedObject object = entry.getValue();
      String prefix = object.keyPrefix();
      String previous = objectByPrefix.put(prefix, objectName);
      if (previous != null) {
        throw corrupt("objects " + previous + " and " + objectName + " both use key prefix " + prefix, null);
      }
      Optional<SObjectType> deployed = org.schema.type(objectName);
      if (deployed.isEmpty()) {
        if (!object.records().isEmpty()) {
          throw incompatible("the saved org has " + object.records().size() + " records of object " + objectName + " (e.g. "
              + object.records().get(0).id() + "), which the deployed metadata does not define");
        }
        if (objectName.endsWith("__c")) {
          customPrefixes.put(objectName.toLowerCase(Locale.ROOT), prefix);
        }
        continue;
      }
      SObjectType type = deployed.get();
      if (type.custom) {
        if (!prefix.matches("a[0-9A-Za-z]{2}")) {
          throw corrupt("custom object " + objectName + " has key prefix " + prefix + " (custom prefixes are a plus two base62 characters)",
              null);
        }
        customPrefixes.put(type.name.toLowerCase(Locale.ROOT), prefix);
      } else if (!type.keyPrefix.equals(prefix)) {
        throw corrupt("standard object " + type.name + " has key prefix " + prefix + " instead of " + type.keyPrefix, null);
      }
      Map<String, FieldDef> fields = checkFields(type, object);
      for (SavedOrg.SavedRecord record : object.records()) {
        Row row = restoreRow(type, prefix, record, object.fieldTypes(), fields);
        if (!ids.add(row.id)) {
          throw corrupt("record " + row.id + " is saved twice", null);
        }
        rows.add(row);
        highestIdValue.merge(prefix + row.id.substring(3, 6), idValue(row.id), Math::max);
      }
      Map<String, Long> counters = new HashMap<>();
      object.autoNumbers().forEach((field, value) -> {
        Optional<FieldDef> def = type.field(field);
        if (value < 0) {
          throw corrupt("auto-number counter " + type.name + "." + field + " is negative", null);
        }
        if (def.isPresent() && def.get().autoNumber) {
          counters.put(def.get().key(), value);
        }
      });
      autoNumbers.put(type, counters);
    }
    Map<String, SObjectType> restoredTypes = new HashMap<>();
    rows.forEach(row -> restoredTypes.put(row.id, row.type));
    List<RecordStore.DeleteLogEntry> deleteLog = new ArrayList<>();
    for (SavedOrg.DeleteLogEntry entry : saved.deleteLog()) {
      SObjectType type = org.schema.type(entry.object()).orElseThrow(() -> incompatible("the saved delete log (getDeleted) has entries "
          + "for object " + entry.object() + " (e.g. " + entry.id() + "), which the deployed metadata does not define"));
      if (!entry.id().equals(Ids.normalize(entry.id()))) {
        throw corrupt("delete-log entry " + entry.id() + " is not an 18-character record id", null);
      }
      deleteLog.add(new RecordStore.DeleteLogEntry(entry.id(), type, entry.deletedDate()));
    }
    checkIdentity(saved, restoredTypes);
    checkAuthUsers(saved.auth(), restoredTypes);
    // Never hand out an id at or below one already used, even if the saved counters lag behind.
    Ids.Generator.State state = saved.ids();
    Map<String, Long> next = new HashMap<>(state.nextValues());
    highestIdValue.forEach((prefixAndPod, highest) -> {
      if (prefixAndPod.substring(3).equals(state.pod())) {
        next.merge(prefixAndPod.substring(0, 3), highest + 1, Math::max);
      }
    });
    return new Prepared(rows, customPrefixes, autoNumbers, new Ids.Generator.State(state.pod(), state.random(), next), deleteLog);
  }

  /** The deployed field behind every saved field that holds a value; fails on a missing or retyped one. */
  private Map<String, FieldDef> checkFields(SObjectType type, SavedOrg.SavedObject object) {
    Map<String, FieldDef> fields = new HashMap<>();
    for (Map.Entry<String, FieldType> saved : object.fieldTypes().entrySet()) {
      String name = saved.getKey();
      String example = object.records().stream().filter(r -> r.values().containsKey(name)).map(SavedOrg.SavedRecord::id).findFirst()
          .orElse(null);
      if (example == null) {
        continue;
      }
      FieldDef field = type.field(name).orElseThrow(() -> incompatible("record " + example + " of object " + type.name
          + " has a value in field " + type.name + "." + name + ", which the deployed metadata does not define"));
      if (Kind.of(field.type) != Kind.of(saved.getValue())) {
        throw incompatible("field " + type.name + "." + field.name + " was " + saved.getValue() + " when the org was saved and is "
            + field.type + " now (record " + example + " has a value in it)");
      }
      fields.put(name, field);
    }
    return fields;
  }

  private Row restoreRow(SObjectType type, String prefix, SavedOrg.SavedRecord saved, Map<String, FieldType> fieldTypes,
      Map<String, FieldDef> fields) {
    String id = saved.id();
    if (!id.equals(Ids.normalize(id)) || !id.startsWith(prefix)) {
      throw corrupt("record " + id + " of object " + type.name + " is not an 18-character id with key prefix " + prefix, null);
    }
    Row row = new Row(id, type);
    for (Map.Entry<String, JsonNode> value : saved.values().entrySet()) {
      FieldType savedType = fieldTypes.get(value.getKey());
      FieldDef field = fields.get(value.getKey());
      if (savedType == null || field == null) {
        throw corrupt("record " + id + " has a value in field " + type.name + "." + value.getKey() + ", which has no entry in "
            + "\"fieldTypes\"", null);
      }
      row.values.put(field.name, decode(savedType, value.getValue(), id, type.name + "." + field.name));
    }
    Object storedId = row.values.get("Id");
    if (storedId != null && !id.equals(storedId)) {
      throw corrupt("record " + id + " has Id " + storedId, null);
    }
    row.deleted = saved.deleted();
    row.deletedAt = saved.deletedAt().orElse(null);
    row.deletedWith = saved.deletedWith().orElse(null);
    row.lastClient = saved.lastWriterClient().orElse(null);
    row.lastOrigin = saved.lastChangeOrigin().orElse(null);
    return row;
  }

  private Object decode(FieldType type, JsonNode node, String recordId, String field) {
    Kind kind = Kind.of(type);
    try {
      switch (kind) {
        case NUMBER:
          if (node.isNumber()) {
            return node.decimalValue();
          }
          break;
        case BOOLEAN:
          if (node.isBoolean()) {
            return node.booleanValue();
          }
          break;
        case DATE:
          if (node.isTextual()) {
            return LocalDate.parse(node.textValue());
          }
          break;
        case DATETIME:
          if (node.isTextual()) {
            return Instant.parse(node.textValue());
          }
          break;
        case ID:
          if (node.isTextual() && node.textValue().equals(Ids.normalize(node.textValue()))) {
            return node.textValue();
          }
          break;
        default:
          if (node.isTextual()) {
            return node.textValue();
          }
          break;
      }
    } catch (DateTimeParseException e) {
      // fall through to the message below
    }
    throw corrupt("record " + recordId + " holds a " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " in " + type + " field "
        + field + " (expected " + kind.expected + ")", null);
  }

  /** The numeric part of an id (the nine base62 characters after prefix and pod). */
  private static long idValue(String id18) {
    long value = 0;
    for (int i = 6; i < 15; i++) {
      value = value * 62 + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".indexOf(id18.charAt(i));
    }
    return value;
  }

  /**
   * A saved org keeps its currency setting: Salesforce cannot turn multi-currency off, and records
   * hold amounts in their currencies. More active currencies are fine; fewer, another corporate
   * currency, or a switch between single- and multi-currency are not.
   */
  private void checkCurrencies(Optional<SavedOrg.Currencies> saved) {
    Optional<OrgCurrencies> configured = org.currencies();
    if (saved.isEmpty() && configured.isPresent()) {
      throw new ConfigurationException("cannot restore the Salesforce sandbox from " + file + ": the saved org is a single-currency org, "
          + "but the sandbox is built with multiCurrency(" + configured.get() + "). Build it without multiCurrency, or delete the file to "
          + "start a fresh multi-currency org");
    }
    if (saved.isPresent() && configured.isEmpty()) {
      throw new ConfigurationException("cannot restore the Salesforce sandbox from " + file + ": the saved org is a multi-currency org "
          + "(corporate " + saved.get().corporate() + ", active " + saved.get().active() + "), but the sandbox is built as a single-currency "
          + "org. Build it with multiCurrency(\"" + saved.get().corporate() + "\", " + saved.get().active() + "), or delete the file");
    }
    if (saved.isPresent()) {
      OrgCurrencies now = configured.get();
      if (!now.corporate().equals(saved.get().corporate())) {
        throw new ConfigurationException("cannot restore the Salesforce sandbox from " + file + ": the saved org's corporate currency is "
            + saved.get().corporate() + ", the sandbox is built with " + now.corporate());
      }
      List<String> dropped = saved.get().active().stream().filter(c -> !now.active().contains(c)).toList();
      if (!dropped.isEmpty()) {
        throw new ConfigurationException("cannot restore the Salesforce sandbox from " + file + ": currencies " + dropped
            + " were active in the saved org and records may hold amounts in them; the sandbox is built with " + now.active());
      }
    }
  }

  private void checkIdentity(SavedOrg saved, Map<String, SObjectType> restoredTypes) {
    SavedOrg.Identity identity = saved.org();
    String orgId = identity.orgId();
    if (!orgId.equals(Ids.normalize(orgId)) || !orgId.startsWith("00D")) {
      throw corrupt("org id " + orgId + " is not an 18-character 00D id", null);
    }
    requireRecord(restoredTypes, identity.uiUserId(), "User", "the UI user");
    requireRecord(restoredTypes, identity.standardPricebookId(), "Pricebook2", "the standard price book");
  }

  private void checkAuthUsers(SavedOrg.Auth auth, Map<String, SObjectType> restoredTypes) {
    for (SavedOrg.ClientCredentialsApp app : auth.clientCredentials()) {
      requireRecord(restoredTypes, app.runAsUserId(), "User", "the run-as user of client-credentials app " + app.clientId());
    }
    for (SavedOrg.JwtBearerApp app : auth.jwtBearer()) {
      app.userIds().forEach(id -> requireRecord(restoredTypes, id, "User", "a pre-authorised user of JWT bearer app " + app.consumerKey()));
    }
    for (SavedOrg.RefreshGrant grant : auth.refreshGrants()) {
      requireRecord(restoredTypes, grant.userId(), "User", "the user of a refresh-token grant of app " + grant.clientId());
    }
    for (SavedOrg.PasswordUser user : auth.passwords()) {
      requireRecord(restoredTypes, user.userId(), "User", "the user of password login " + user.username());
    }
  }

  private void requireRecord(Map<String, SObjectType> restoredTypes, String id, String typeName, String what) {
    SObjectType type = restoredTypes.get(id);
    if (type == null || !type.name.equals(typeName)) {
      throw corrupt(what + " (" + id + ") is not a saved " + typeName + " record", null);
    }
  }

  /** Replaces the org's state with the prepared one (under the org lock, after validation). */
  private void apply(SavedOrg saved, Prepared prepared) {
    org.schema.adoptPrefixes(prepared.customPrefixes);
    org.store.clear();
    for (Row row : prepared.rows) {
      org.store.insert(row);
    }
    for (RecordStore.DeleteLogEntry entry : prepared.deleteLog) {
      org.store.restoreDeleteLogEntry(entry.id(), entry.type(), entry.deletedDate());
    }
    for (SObjectType type : org.schema.types()) {
      type.autoNumbers.clear();
    }
    prepared.autoNumbers.forEach((type, counters) -> counters.forEach((field, value) -> type.autoNumbers.put(field, new AtomicLong(value))));
    org.ids.restore(prepared.ids);
    SavedOrg.Identity identity = saved.org();
    org.orgId = identity.orgId();
    org.createdAt = identity.createdAt();
    org.deleteLogStart = identity.deleteLogStart();
    org.uiUserId = identity.uiUserId();
    org.standardPricebookId = identity.standardPricebookId();
    org.reindexUsers();
  }

  /** How a field's values are stored: restoring across a change of kind would break the values. */
  private enum Kind {
    TEXT("a string"),
    ID("an 18-character record id"),
    NUMBER("a number"),
    BOOLEAN("true or false"),
    DATE("a yyyy-MM-dd string"),
    DATETIME("an ISO-8601 instant string");

    final String expected;

    Kind(String expected) {
      this.expected = expected;
    }

    static Kind of(FieldType type) {
      return switch (type) {
        case ID, REFERENCE -> ID;
        case INT, DOUBLE, CURRENCY, PERCENT -> NUMBER;
        case BOOLEAN -> BOOLEAN;
        case DATE -> DATE;
        case DATETIME -> DATETIME;
        default -> TEXT;
      };
    }
  }
}
