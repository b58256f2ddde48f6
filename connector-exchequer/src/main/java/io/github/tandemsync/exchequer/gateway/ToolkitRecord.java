package io.github.tandemsync.exchequer.gateway;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An Exchequer record as the COM Toolkit sees it: properties named like the Toolkit's
 * ({@code acCode}, {@code acAddress}, {@code thLongYourRef}, {@code tlQty}) and, for a
 * transaction, its lines. Immutable.
 *
 * <p>Property values are text ({@link String}), whole numbers ({@link Integer} or {@link Long}),
 * decimals ({@link BigDecimal}), flags ({@link Boolean}) or lists of text (address lines such as
 * {@code acAddress}). Other numeric types are normalised on the way in (a {@code double} becomes
 * a {@code BigDecimal} of its shortest decimal form).
 */
public final class ToolkitRecord {
  private static final ToolkitRecord EMPTY = new ToolkitRecord(Map.of(), List.of());

  private final Map<String, Object> properties;
  private final List<ToolkitRecord> lines;

  private ToolkitRecord(Map<String, Object> properties, List<ToolkitRecord> lines) {
    this.properties = properties;
    this.lines = lines;
  }

  /** A record without properties or lines. */
  public static ToolkitRecord empty() {
    return EMPTY;
  }

  /** A builder for a new record. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's properties and lines. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.properties.putAll(properties);
    builder.lines.addAll(lines);
    return builder;
  }

  /**
   * The value of a property, empty when absent.
   *
   * @param property the Toolkit property name, e.g. {@code acCompany}
   * @return the value
   */
  public Optional<Object> get(String property) {
    return Optional.ofNullable(properties.get(property));
  }

  /**
   * A property as trimmed text; empty when absent or blank.
   *
   * @param property the Toolkit property name
   * @return the text
   */
  public Optional<String> text(String property) {
    Object value = properties.get(property);
    if (value == null || value instanceof List) {
      return Optional.empty();
    }
    String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    text = text.strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /**
   * A numeric property as a decimal; empty when absent, blank or not a number.
   *
   * @param property the Toolkit property name
   * @return the number
   */
  public Optional<BigDecimal> decimal(String property) {
    Object value = properties.get(property);
    if (value instanceof BigDecimal decimal) {
      return Optional.of(decimal);
    }
    if (value instanceof Integer || value instanceof Long) {
      return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return Optional.of(new BigDecimal(text.strip()));
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * A whole-number property; empty when absent, blank or not a whole number.
   *
   * @param property the Toolkit property name
   * @return the number
   */
  public Optional<Long> integer(String property) {
    return decimal(property).flatMap(d -> {
      try {
        return Optional.of(d.longValueExact());
      } catch (ArithmeticException fraction) {
        return Optional.empty();
      }
    });
  }

  /**
   * A list property (such as the five lines of {@code acAddress}); empty when absent.
   *
   * @param property the Toolkit property name
   * @return the list, never null
   */
  @SuppressWarnings("unchecked")
  public List<String> textList(String property) {
    Object value = properties.get(property);
    return value instanceof List ? (List<String>) value : List.of();
  }

  /**
   * Every property, in the order they were set. Unmodifiable.
   *
   * @return the properties
   */
  public Map<String, Object> properties() {
    return properties;
  }

  /**
   * The transaction lines, in order; empty for accounts.
   *
   * @return the lines
   */
  public List<ToolkitRecord> lines() {
    return lines;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ToolkitRecord that && properties.equals(that.properties) && lines.equals(that.lines);
  }

  @Override
  public int hashCode() {
    return Objects.hash(properties, lines);
  }

  /** Names the record by its key properties only: record contents are business data. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ToolkitRecord[");
    for (String key : List.of("acCode", "thOurRef", "thDocType", "tlStockCode")) {
      Object value = properties.get(key);
      if (value != null) {
        text.append(key).append('=').append(value).append(", ");
      }
    }
    return text.append(properties.size()).append(" properties, ").append(lines.size()).append(" lines]").toString();
  }

  /** Builds a {@link ToolkitRecord}; setting a property to {@code null} removes it. */
  public static final class Builder {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<ToolkitRecord> lines = new ArrayList<>();

    private Builder() {}

    /**
     * Sets a property.
     *
     * @param property the Toolkit property name
     * @param value the value (see {@link ToolkitRecord} for the accepted types); null removes it
     * @return this builder
     * @throws IllegalArgumentException for a value of another type
     */
    public Builder set(String property, @Nullable Object value) {
      Objects.requireNonNull(property, "property");
      if (value == null) {
        properties.remove(property);
      } else {
        properties.put(property, normalise(property, value));
      }
      return this;
    }

    /**
     * Sets every property of {@code values}.
     *
     * @param values properties by Toolkit name
     * @return this builder
     */
    public Builder setAll(Map<String, ?> values) {
      values.forEach(this::set);
      return this;
    }

    /**
     * The current value of a property, so customizers can read what the connector set.
     *
     * @param property the Toolkit property name
     * @return the value
     */
    public Optional<Object> get(String property) {
      return Optional.ofNullable(properties.get(property));
    }

    /**
     * Appends a transaction line.
     *
     * @param line the line
     * @return this builder
     */
    public Builder line(ToolkitRecord line) {
      lines.add(Objects.requireNonNull(line, "line"));
      return this;
    }

    /**
     * Replaces the transaction lines.
     *
     * @param newLines the lines
     * @return this builder
     */
    public Builder lines(List<ToolkitRecord> newLines) {
      lines.clear();
      newLines.forEach(this::line);
      return this;
    }

    /**
     * The record.
     *
     * @return an immutable record
     */
    public ToolkitRecord build() {
      return new ToolkitRecord(Collections.unmodifiableMap(new LinkedHashMap<>(properties)), List.copyOf(lines));
    }

    private static Object normalise(String property, Object value) {
      if (value instanceof String || value instanceof Boolean || value instanceof BigDecimal
          || value instanceof Integer || value instanceof Long) {
        return value;
      }
      if (value instanceof Short || value instanceof Byte) {
        return ((Number) value).intValue();
      }
      if (value instanceof Double || value instanceof Float) {
        double number = ((Number) value).doubleValue();
        if (Double.isNaN(number) || Double.isInfinite(number)) {
          throw new IllegalArgumentException("property " + property + " must be a finite number, was " + number);
        }
        return new BigDecimal(Double.toString(number));
      }
      if (value instanceof BigInteger big) {
        return new BigDecimal(big);
      }
      if (value instanceof Character c) {
        return c.toString();
      }
      if (value instanceof List<?> list) {
        List<String> copy = new ArrayList<>(list.size());
        for (Object item : list) {
          copy.add(item == null ? "" : item.toString());
        }
        return List.copyOf(copy);
      }
      throw new IllegalArgumentException("property " + property + " takes text, a number, a flag or a list of text; got "
          + value.getClass().getName());
    }
  }
}
