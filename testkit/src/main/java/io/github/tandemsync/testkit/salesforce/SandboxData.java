package io.github.tandemsync.testkit.salesforce;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Direct access to the sandbox's records for test set-up and assertions. Writes behave like a
 * person editing in the Salesforce UI: the same validation and business rules as the API, {@code
 * SystemModstamp}/{@code LastModifiedDate} move, {@code LastModifiedById} is the UI user (not the
 * integration user), no API origin is recorded and nothing counts against the API limit.
 *
 * <p>Field values may be {@code String}, {@code Number}, {@code Boolean}, {@code LocalDate},
 * {@code Instant} or null; lookups take record ids.
 */
public interface SandboxData {

  /**
   * Creates a record.
   *
   * @param sObjectType the sObject type, e.g. {@code Account}
   * @param fields field values by API name
   * @return the new record's 18-character id
   * @throws SandboxWriteException when Salesforce would refuse the record
   */
  String insert(String sObjectType, Map<String, ?> fields);

  /**
   * Changes fields of a live record.
   *
   * @param id the record id (15 or 18 characters)
   * @param fields field values by API name; null clears a field
   * @throws SandboxWriteException when Salesforce would refuse the change
   */
  void update(String id, Map<String, ?> fields);

  /**
   * Deletes a record into the recycle bin (with the children Salesforce deletes along).
   *
   * @param id the record id
   * @throws SandboxWriteException when Salesforce would refuse the delete
   */
  void delete(String id);

  /**
   * Restores a record (and the children its deletion took along) from the recycle bin.
   *
   * @param id the record id
   * @throws SandboxWriteException when the record is not in the recycle bin
   */
  void undelete(String id);

  /**
   * A record by id, live or in the recycle bin.
   *
   * @param id the record id (15 or 18 characters)
   * @return the record, or empty when no such record exists
   */
  Optional<SandboxRecord> find(String id);

  /**
   * The live records of a type, oldest first.
   *
   * @param sObjectType the sObject type
   * @return the records
   */
  List<SandboxRecord> list(String sObjectType);

  /**
   * The records of a type including those in the recycle bin, oldest first.
   *
   * @param sObjectType the sObject type
   * @return the records
   */
  List<SandboxRecord> listIncludingDeleted(String sObjectType);

  /**
   * Empties the recycle bin: deleted records disappear from queryAll (the delete log behind
   * getDeleted is kept).
   */
  void emptyRecycleBin();

  /**
   * Purges delete-log entries older than {@code before}, as Salesforce's purge job does; getDeleted
   * then reports {@code earliestDateAvailable} at {@code before} and refuses older windows.
   *
   * @param before the cut-off
   */
  void purgeDeleteLog(Instant before);

  /**
   * The id of the standard price book the org starts with.
   *
   * @return the Pricebook2 id
   */
  String standardPricebookId();
}
