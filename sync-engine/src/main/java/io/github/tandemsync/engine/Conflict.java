package io.github.tandemsync.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * A conflicting field and how it was settled.
 *
 * @param flow the flow name
 * @param field the field path
 * @param leftId the left record's native id
 * @param rightId the right record's native id
 * @param leftValue the left value (as text; empty = cleared)
 * @param rightValue the right value (as text; empty = cleared)
 * @param winner the connector whose value was kept
 * @param rule the rule that decided, e.g. {@code "owned by exchequer"}, {@code "last writer"}
 */
public record Conflict(
    String flow,
    String field,
    String leftId,
    String rightId,
    Optional<String> leftValue,
    Optional<String> rightValue,
    String winner,
    String rule) {
  public Conflict {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(winner, "winner");
    Objects.requireNonNull(rule, "rule");
  }

  /** One line for logs and summaries. */
  public String describe() {
    return flow + " " + field + " [" + leftId + " | " + rightId + "]: '" + leftValue.orElse("") + "' vs '"
        + rightValue.orElse("") + "' -> " + winner + " (" + rule + ")";
  }
}
