package io.github.tandemsync.exchequer.gateway;

import io.github.tandemsync.core.spi.Health;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The only way Tandem changes Exchequer data: through a licensed Windows component that applies
 * the Toolkit's own validation, numbering and posting rules. Exchequer's tables are never written
 * with SQL.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>adds are idempotent: a request whose key is already stored (in {@code acAltCode} for
 *       accounts, in {@code thLongYourRef} for transactions of the same type) returns
 *       {@link GatewayResult.Status#EXISTING} with that record and creates nothing;</li>
 *   <li>batch methods return exactly one result per request, in request order; a bad record fails
 *       alone;</li>
 *   <li>the Toolkit assigns document numbers ({@code thOurRef}) at Save: callers never supply
 *       them;</li>
 *   <li>a failure of the whole gateway (unreachable, refused credentials) throws a
 *       {@link io.github.tandemsync.core.TandemException}: retryable when it may pass,
 *       {@link io.github.tandemsync.core.ConfigurationException} when the configuration is
 *       wrong (including calling an operation the gateway does not offer);</li>
 *   <li>implementations are thread-safe.</li>
 * </ul>
 */
public interface ExchequerWriteGateway extends AutoCloseable {

  /** What a gateway can do. */
  enum Operation {
    /** Add customer or supplier accounts. */
    ADD_ACCOUNT,
    /** Change properties of an existing account. */
    UPDATE_ACCOUNT,
    /** Add sales quotations (SQU). */
    ADD_QUOTE,
    /** Add sales orders (SOR). */
    ADD_ORDER,
    /** Add sales delivery notes (SDN) against an order. */
    ADD_DELIVERY,
    /** Convert a quotation (SQU) into a sales order (SOR). */
    CONVERT_QUOTE
  }

  /** Kind of Toolkit record, for {@link #supportsProperty}. */
  enum RecordType {
    /** A customer or supplier account. */
    ACCOUNT,
    /** A transaction header. */
    TRANSACTION,
    /** A transaction line. */
    LINE
  }

  /**
   * A short name of the gateway kind for logs and health output.
   *
   * @return e.g. {@code "toolkit-bridge"}
   */
  String kind();

  /**
   * The operations this gateway offers.
   *
   * @return the operations
   */
  Set<Operation> operations();

  /**
   * Whether the gateway can store the Toolkit property {@code property} of a record of
   * {@code type}; properties it cannot store are not written (so the connector does not count
   * them as written).
   *
   * @param type the record type
   * @param property the Toolkit property name
   * @return true when the gateway writes that property
   */
  default boolean supportsProperty(RecordType type, String property) {
    return true;
  }

  /**
   * Adds accounts ({@code acCustSupp} {@code C} or {@code S}); an account whose {@code acAltCode}
   * equals its request's key already exists comes back {@link GatewayResult.Status#EXISTING}.
   *
   * @param requests accounts with their idempotency keys
   * @return one result per request, in order
   */
  List<GatewayResult> addAccounts(List<GatewayRequest> requests);

  /**
   * Changes properties of an existing account.
   *
   * @param accountCode the account's {@code acCode}
   * @param changes only the properties to change
   * @return the result; {@link GatewayResult#NOT_FOUND} when the account does not exist
   */
  GatewayResult updateAccount(String accountCode, ToolkitRecord changes);

  /**
   * Adds transactions ({@code thDocType} {@code SQU}, {@code SOR} or {@code SDN}) with their
   * lines; a transaction of the same type whose {@code thLongYourRef} equals its request's key
   * already exists comes back {@link GatewayResult.Status#EXISTING}.
   *
   * @param requests transactions with their idempotency keys
   * @return one result per request, in order
   */
  List<GatewayResult> addTransactions(List<GatewayRequest> requests);

  /**
   * Converts a quotation into a sales order, copying account, references and lines; the order's
   * {@code thLongYourRef} holds {@code idempotencyKey}, and a repeat with the same key returns the
   * same order as {@link GatewayResult.Status#EXISTING}.
   *
   * @param quoteOurRef the quotation's {@code thOurRef}, e.g. {@code SQU000012}
   * @param idempotencyKey the key, at most {@value GatewayRequest#MAX_KEY_LENGTH} characters
   * @return the result with the order
   */
  GatewayResult convertQuoteToOrder(String quoteOurRef, String idempotencyKey);

  /**
   * Finds the account stored with {@code idempotencyKey} in {@code acAltCode}.
   *
   * @param idempotencyKey the key
   * @return the account, if any
   */
  Optional<ToolkitRecord> findAccount(String idempotencyKey);

  /**
   * Finds the transaction of {@code docType} stored with {@code idempotencyKey} in
   * {@code thLongYourRef}.
   *
   * @param docType {@code SQU}, {@code SOR} or {@code SDN}
   * @param idempotencyKey the key
   * @return the transaction with its lines, if any
   */
  Optional<ToolkitRecord> findTransaction(String docType, String idempotencyKey);

  /**
   * Checks that the gateway can accept work, without changing anything.
   *
   * @return the health, free of secrets
   */
  Health health();

  /** Releases resources; the default does nothing. */
  @Override
  default void close() {}
}
