package io.github.tandemsync.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed key for a kind of business record: its stable name (used in state, configuration and
 * logs) and the Java type that carries it. The canonical types are listed in
 * {@code io.github.tandemsync.core.model.EntityTypes}; partners may define their own.
 *
 * @param name stable lower-camel name, for example {@code "account"} or {@code "stockLevel"}
 * @param javaType the immutable record type of the entity
 * @param <T> the record type
 */
public record EntityType<T>(String name, Class<T> javaType) {
  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

  public EntityType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaType, "javaType");
    if (!NAME.matcher(name).matches()) {
      throw new ConfigurationException("entity type name '" + name + "' must be lower camel case, e.g. 'stockLevel'");
    }
  }

  public static <T> EntityType<T> of(String name, Class<T> javaType) {
    return new EntityType<>(name, javaType);
  }

  @Override
  public String toString() {
    return name;
  }
}
