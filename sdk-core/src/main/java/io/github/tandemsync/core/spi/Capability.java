package io.github.tandemsync.core.spi;

import io.github.tandemsync.core.EntityType;
import java.util.Objects;

/**
 * One thing a connector can do: read or write one entity type.
 *
 * @param entityType the entity type
 * @param access read or write
 */
public record Capability(EntityType<?> entityType, Access access) {

  /** Direction of access. */
  public enum Access {
    READ,
    WRITE
  }

  public Capability {
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(access, "access");
  }

  public static Capability read(EntityType<?> type) {
    return new Capability(type, Access.READ);
  }

  public static Capability write(EntityType<?> type) {
    return new Capability(type, Access.WRITE);
  }
}
