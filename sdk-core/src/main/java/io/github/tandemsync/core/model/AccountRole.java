package io.github.tandemsync.core.model;

/** What an account is to the business. */
public enum AccountRole {
  /** Buys from us; lives in the ERP's sales ledger. */
  CUSTOMER,
  /** Sells to us; lives in the ERP's purchase ledger. */
  SUPPLIER,
  /** A potential customer, known to the CRM only until it buys. */
  PROSPECT
}
