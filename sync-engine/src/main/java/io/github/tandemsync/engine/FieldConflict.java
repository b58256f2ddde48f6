package io.github.tandemsync.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A field changed on both sides since the last sync, to different values.
 *
 * @param flow the flow name
 * @param field the field path, e.g. {@code "phone"} or {@code "billingAddress.town"}
 * @param leftConnector the left connector's name
 * @param rightConnector the right connector's name
 * @param left the whole left record as it is now
 * @param right the whole right record as it is now
 * @param leftValue the field's value on the left, as text (empty when cleared)
 * @param rightValue the field's value on the right, as text (empty when cleared)
 * @param leftTime the left change's source time
 * @param rightTime the right change's source time
 * @param <T> the record type
 */
public record FieldConflict<T>(
    String flow,
    String field,
    String leftConnector,
    String rightConnector,
    T left,
    T right,
    Optional<String> leftValue,
    Optional<String> rightValue,
    Optional<Instant> leftTime,
    Optional<Instant> rightTime) {
  public FieldConflict {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(field, "field");
  }
}
