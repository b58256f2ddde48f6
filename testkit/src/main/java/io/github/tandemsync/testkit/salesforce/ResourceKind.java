package io.github.tandemsync.testkit.salesforce;

/** The kind of resource an HTTP call to the sandbox addressed, for usage assertions. */
public enum ResourceKind {
  /** {@code /services/oauth2/*}: never counted against the API limit. */
  AUTH(false),
  /** {@code GET /services/data/}: the version list, not counted. */
  VERSIONS(false),
  /** {@code /limits/}. */
  LIMITS(true),
  /** {@code /query}, {@code /queryAll} and their locators. */
  QUERY(true),
  /** {@code /sobjects/...}: rows, describe, upsert by external id, getUpdated/getDeleted. */
  SOBJECTS(true),
  /** {@code /composite/sobjects}: sObject Collections. */
  COLLECTIONS(true),
  /** {@code /composite} (and {@code /composite/batch}). */
  COMPOSITE(true),
  /** {@code /composite/graph}. */
  GRAPH(true),
  /** {@code /jobs/ingest} and {@code /jobs/query}: Bulk API 2.0. */
  BULK(true),
  /** Any other path under {@code /services/data/vXX.X/}. */
  OTHER(true);

  private final boolean metered;

  ResourceKind(boolean metered) {
    this.metered = metered;
  }

  /** Whether calls of this kind count against the daily API allocation. */
  public boolean metered() {
    return metered;
  }
}
