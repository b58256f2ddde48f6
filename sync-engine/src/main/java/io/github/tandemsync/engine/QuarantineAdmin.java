package io.github.tandemsync.engine;

import java.util.List;

/**
 * Operator access to quarantined records. Retrying puts a record back in the flow's inbox (or
 * re-reads it from its source when it could not be read), to be processed by the next run.
 */
public interface QuarantineAdmin {

  /** The quarantined records of {@code flow}, oldest first. */
  List<QuarantinedRecord> list(String flow, int offset, int limit);

  /** How many records {@code flow} has in quarantine. */
  long count(String flow);

  /** Retries one record in the next run; false when it is not quarantined. */
  boolean retry(String flow, String sourceConnector, String sourceId);

  /** Retries every quarantined record of {@code flow} in the next run; returns how many. */
  int retryAll(String flow);

  /** Forgets a quarantined record for good; false when it is not quarantined. */
  boolean discard(String flow, String sourceConnector, String sourceId);
}
