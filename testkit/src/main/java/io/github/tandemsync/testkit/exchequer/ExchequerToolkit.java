package io.github.tandemsync.testkit.exchequer;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * The sandbox's emulation of Exchequer's COM Toolkit ({@code Enterprise04.Toolkit}): the single
 * place where Exchequer data is written. It owns document numbering, posting, HISTORY, stock
 * levels, the change stamps and validation, and answers with the Toolkit's result codes.
 *
 * <p>Besides what an integration may do through the Toolkit (accounts, quotes, orders, delivery
 * notes), it scripts what an Exchequer user does at a workstation — posting invoices, credit
 * notes and receipts, changing a credit limit, holding a record open — so tests and demos can
 * make the ERP side move. Calls are serialised, as the real single-threaded Toolkit is.
 */
public final class ExchequerToolkit {
  private final ToolkitEngine engine;
  private final String operator;

  ExchequerToolkit(ToolkitEngine engine, String operator) {
    this.engine = engine;
    this.operator = operator;
  }

  /**
   * Customer and supplier records.
   *
   * @return the account operations
   */
  public ToolkitAccounts accounts() {
    return new ToolkitAccounts(engine, operator);
  }

  /**
   * Quotations, sales orders and delivery notes: what the Toolkit bridge may write.
   *
   * @return the transaction operations
   */
  public ToolkitTransactions transactions() {
    return new ToolkitTransactions(engine, operator);
  }

  /**
   * What a user posts in Exchequer: invoices, credit notes, receipts, allocations, posting runs.
   *
   * @return the posting operations
   */
  public ToolkitPosting posting() {
    return new ToolkitPosting(engine, operator);
  }

  /**
   * Stock items and their levels per location.
   *
   * @return the stock operations
   */
  public ToolkitStock stock() {
    return new ToolkitStock(engine);
  }

  /**
   * The same toolkit acting as a named Exchequer user: stored records carry this operator
   * ({@code acLastOperator}, {@code thOperator}).
   *
   * @param user the Exchequer user name, at most 10 characters
   * @return a toolkit view writing as that user
   */
  public ExchequerToolkit asUser(String user) {
    Objects.requireNonNull(user, "user");
    String trimmed = user.trim().toUpperCase(Locale.ROOT);
    if (trimmed.isEmpty() || trimmed.length() > 10) {
      throw new io.github.tandemsync.core.ConfigurationException("Exchequer user names have 1-10 characters: " + user);
    }
    return new ExchequerToolkit(engine, trimmed);
  }

  /**
   * A user opens an account for editing: writers to it get Btrieve 84 until the lock ends.
   * Transactions for the account are refused too, because storing them updates the account.
   *
   * @param accountCode the account to hold
   * @param duration how long to hold it (real time)
   * @return the lock, to release early
   */
  public UserLock lockAccount(String accountCode, Duration duration) {
    return engine.locks.lock(Locks.accountKey(accountCode), "account " + accountCode.trim(), duration);
  }

  /**
   * A user holds a transaction: converting, delivering, invoicing or allocating it gets Btrieve 84.
   *
   * @param ourRef the document's OurRef
   * @param duration how long to hold it (real time)
   * @return the lock, to release early
   */
  public UserLock lockDocument(String ourRef, Duration duration) {
    return engine.locks.lock(Locks.documentKey(ourRef), "document " + ourRef.trim(), duration);
  }

  /**
   * A whole data file is locked (e.g. during a rebuild): every write to it gets Btrieve 85.
   *
   * @param table the SQL table behind the Btrieve file, e.g. {@code CUSTSUPP} or {@code DOCUMENT}
   * @param duration how long to hold it (real time)
   * @return the lock, to release early
   */
  public UserLock lockFile(String table, Duration duration) {
    return engine.locks.lock(Locks.fileKey(table), "file " + table.trim().toUpperCase(Locale.ROOT), duration);
  }

  /**
   * Turns the credit-limit check on sales orders and invoices on or off (off by default). When
   * on, a document whose base total would take the account's balance past a non-zero
   * {@code acCreditLimit} fails with 30229.
   *
   * @param enabled whether to check
   */
  public void creditLimitCheck(boolean enabled) {
    engine.creditLimitCheck(enabled);
  }

  /**
   * Sets the next number of a document counter in EXCHQNUM, e.g. to exercise the suffix-letter
   * OurRefs past 999,999 ({@code SIN} at 1,012,345 gives {@code SINA12345}).
   *
   * @param docType the three-letter document type
   * @param next the next counter value, 1..3,299,999
   */
  public void setNextDocumentNumber(String docType, int next) {
    String type = docType.trim().toUpperCase(Locale.ROOT);
    engine.call(connection -> {
      engine.counters.setNext(connection, type, next);
      return ToolkitResult.ok(false, java.util.Map.of());
    }).orThrow();
  }

  /**
   * The Toolkit workstation's local time: the sandbox clock in the company's zone.
   *
   * @return the current local date and time, to the second
   */
  public LocalDateTime now() {
    return engine.now();
  }
}
