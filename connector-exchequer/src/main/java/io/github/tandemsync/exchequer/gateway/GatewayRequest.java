package io.github.tandemsync.exchequer.gateway;

import java.util.Objects;

/**
 * One record to add through a gateway, with the idempotency key that makes a replay safe.
 *
 * <p>The key is stored in Exchequer itself so a replay finds the record made the first time: in
 * {@code acAltCode} for accounts and in {@code thLongYourRef} for transactions. Both hold at most
 * {@value #MAX_KEY_LENGTH} characters; gateways reject longer keys.
 *
 * @param idempotencyKey the key, 1 to {@value #MAX_KEY_LENGTH} characters, stable across retries
 * @param record the record in Toolkit property names
 */
public record GatewayRequest(String idempotencyKey, ToolkitRecord record) {

  /** Longest key Exchequer can keep ({@code acAltCode} and {@code thLongYourRef} are 20 wide). */
  public static final int MAX_KEY_LENGTH = 20;

  /**
   * Validates the request.
   *
   * @param idempotencyKey the key
   * @param record the record
   */
  public GatewayRequest {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(record, "record");
    if (idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("a gateway request needs an idempotency key");
    }
  }

  /**
   * A request.
   *
   * @param idempotencyKey the key
   * @param record the record
   * @return the request
   */
  public static GatewayRequest of(String idempotencyKey, ToolkitRecord record) {
    return new GatewayRequest(idempotencyKey, record);
  }
}
