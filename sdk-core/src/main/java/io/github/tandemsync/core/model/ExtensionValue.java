package io.github.tandemsync.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The value of a bespoke field carried in a record's {@code extensions}: text, a number, a flag, a
 * date or an instant. Typed, so a number keeps its scale and a date stays a date through
 * serialisation and across systems.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
  @JsonSubTypes.Type(value = ExtensionValue.Text.class, name = "text"),
  @JsonSubTypes.Type(value = ExtensionValue.Number.class, name = "number"),
  @JsonSubTypes.Type(value = ExtensionValue.Flag.class, name = "flag"),
  @JsonSubTypes.Type(value = ExtensionValue.Date.class, name = "date"),
  @JsonSubTypes.Type(value = ExtensionValue.Timestamp.class, name = "timestamp")
})
public sealed interface ExtensionValue {

  /** The plain Java value: String, BigDecimal, Boolean, LocalDate or Instant. */
  Object raw();

  /** A text value. */
  static ExtensionValue of(String value) {
    return new Text(value);
  }

  /** A number, keeping its scale. */
  static ExtensionValue of(BigDecimal value) {
    return new Number(value);
  }

  /** A flag. */
  static ExtensionValue of(boolean value) {
    return new Flag(value);
  }

  /** A calendar date. */
  static ExtensionValue of(LocalDate value) {
    return new Date(value);
  }

  /** An instant. */
  static ExtensionValue of(Instant value) {
    return new Timestamp(value);
  }

  /**
   * Wraps a plain value of one of the supported types: {@link String}, any {@link java.lang.Number}
   * (kept exactly as its decimal text), {@link Boolean}, {@link LocalDate}, {@link Instant}, or an
   * {@code ExtensionValue} as is.
   *
   * @throws IllegalArgumentException for null, a non-finite floating-point number or any other type
   */
  static ExtensionValue ofRaw(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("an extension value cannot be null; remove the extension instead");
    }
    if ((value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f))) {
      throw new IllegalArgumentException("an extension number must be finite, got " + value);
    }
    if (value instanceof ExtensionValue ext) {
      return ext;
    } else if (value instanceof String s) {
      return new Text(s);
    } else if (value instanceof BigDecimal d) {
      return new Number(d);
    } else if (value instanceof java.lang.Number n) {
      return new Number(new BigDecimal(n.toString()));
    } else if (value instanceof Boolean b) {
      return new Flag(b);
    } else if (value instanceof LocalDate d) {
      return new Date(d);
    } else if (value instanceof Instant i) {
      return new Timestamp(i);
    }
    throw new IllegalArgumentException("extension values are text, numbers, flags, dates or instants; got " + value.getClass().getName());
  }

  /** Text. */
  record Text(@JsonValue String value) implements ExtensionValue {
    @JsonCreator
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Object raw() {
      return value;
    }
  }

  /** A decimal number that keeps its scale. */
  record Number(@JsonValue BigDecimal value) implements ExtensionValue {
    @JsonCreator
    public Number {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Object raw() {
      return value;
    }
  }

  /** A boolean. */
  record Flag(@JsonValue boolean value) implements ExtensionValue {
    @JsonCreator
    public Flag {}

    @Override
    public Object raw() {
      return value;
    }
  }

  /** A calendar date without time or zone. */
  record Date(@JsonValue LocalDate value) implements ExtensionValue {
    @JsonCreator
    public Date {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Object raw() {
      return value;
    }
  }

  /** An instant on the UTC time line. */
  record Timestamp(@JsonValue Instant value) implements ExtensionValue {
    @JsonCreator
    public Timestamp {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Object raw() {
      return value;
    }
  }
}
