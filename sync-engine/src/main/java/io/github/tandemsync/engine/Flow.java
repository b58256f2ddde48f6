package io.github.tandemsync.engine;

import io.github.tandemsync.engine.state.Side;
import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.EntityType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one entity type in step between two connectors. Immutable; built with {@link #builder}.
 *
 * <pre>{@code
 * Flow<Account> accounts = Flow.builder("accounts", EntityTypes.ACCOUNT)
 *     .between("exchequer", "salesforce")
 *     .matchOn("code")
 *     .defaultPolicy(FieldPolicy.preferred("salesforce"))
 *     .field("creditLimit", FieldPolicy.ownedBy("exchequer"))
 *     .createWhen("salesforce", a -> a.role() == AccountRole.CUSTOMER)
 *     .runEvery(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 *
 * @param <T> the canonical record type
 */
public final class Flow<T> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final String name;
  private final EntityType<T> entityType;
  private final String left;
  private final String right;
  private final boolean leftToRight;
  private final boolean rightToLeft;
  private final List<String> matchKeys;
  private final FieldPolicy defaultPolicy;
  private final Map<String, FieldPolicy> fieldPolicies;
  private final DeletePolicy deletePolicy;
  private final int batchSize;
  private final @Nullable Duration runEvery;
  private final @Nullable Duration reconcileEvery;
  private final Map<Side, Predicate<? super T>> createConditions;

  private Flow(Builder<T> b) {
    this.name = b.name;
    this.entityType = b.entityType;
    this.left = Objects.requireNonNull(b.left);
    this.right = Objects.requireNonNull(b.right);
    this.leftToRight = b.leftToRight;
    this.rightToLeft = b.rightToLeft;
    this.matchKeys = List.copyOf(b.matchKeys);
    this.defaultPolicy = b.defaultPolicy == null ? FieldPolicy.preferred(left) : b.defaultPolicy;
    this.fieldPolicies = Map.copyOf(b.fieldPolicies);
    this.deletePolicy = b.deletePolicy;
    this.batchSize = b.batchSize;
    this.runEvery = b.runEvery;
    this.reconcileEvery = b.reconcileEvery;
    this.createConditions = Map.copyOf(b.createConditions);
  }

  /** Starts a flow named {@code name} (unique within an engine) for {@code entityType}. */
  public static <T> Builder<T> builder(String name, EntityType<T> entityType) {
    return new Builder<>(name, entityType);
  }

  public String name() {
    return name;
  }

  public EntityType<T> entityType() {
    return entityType;
  }

  /** The name of the connector on {@code side}. */
  public String connector(Side side) {
    return side == Side.LEFT ? left : right;
  }

  /** The side {@code connectorName} is on. */
  public Optional<Side> sideOf(String connectorName) {
    if (left.equals(connectorName)) {
      return Optional.of(Side.LEFT);
    } else if (right.equals(connectorName)) {
      return Optional.of(Side.RIGHT);
    }
    return Optional.empty();
  }

  /** Whether changes read on {@code from} are written to the other side. */
  public boolean syncs(Side from) {
    return from == Side.LEFT ? leftToRight : rightToLeft;
  }

  /** The direction from {@code from} to the other side. */
  public Direction direction(Side from) {
    return new Direction(connector(from), connector(from.other()));
  }

  /** Canonical field paths tried, in order, to match a new record to an existing one. */
  public List<String> matchKeys() {
    return matchKeys;
  }

  /** The policy of {@code fieldPath}: the most specific configured prefix, else the default. */
  public FieldPolicy policyFor(String fieldPath) {
    String path = fieldPath;
    while (true) {
      FieldPolicy p = fieldPolicies.get(path);
      if (p != null) {
        return p;
      }
      int dot = path.lastIndexOf('.');
      if (dot < 0) {
        return defaultPolicy;
      }
      path = path.substring(0, dot);
    }
  }

  public FieldPolicy defaultPolicy() {
    return defaultPolicy;
  }

  public Map<String, FieldPolicy> fieldPolicies() {
    return fieldPolicies;
  }

  public DeletePolicy deletePolicy() {
    return deletePolicy;
  }

  /** Records read and written per batch. */
  public int batchSize() {
    return batchSize;
  }

  /** How often the scheduler runs the flow; empty: only on demand. */
  public Optional<Duration> runEvery() {
    return Optional.ofNullable(runEvery);
  }

  /**
   * How often the engine checks that linked records still exist on each source side (for systems
   * without a delete log); empty: never.
   */
  public Optional<Duration> reconcileEvery() {
    return Optional.ofNullable(reconcileEvery);
  }

  /** Whether a record read on {@code from} may be created on the other side. */
  public boolean mayCreateFrom(Side from, T value) {
    Predicate<? super T> condition = createConditions.get(from);
    return condition == null || condition.test(value);
  }

  @Override
  public String toString() {
    return "Flow[" + name + ": " + entityType + " " + left + (leftToRight ? (rightToLeft ? " <-> " : " -> ") : (rightToLeft ? " <- " : " (off) ")) + right + "]";
  }

  /**
   * Builds a {@link Flow}.
   *
   * @param <T> the canonical record type
   */
  public static final class Builder<T> {
    private final String name;
    private final EntityType<T> entityType;
    private @Nullable String left;
    private @Nullable String right;
    private boolean leftToRight = true;
    private boolean rightToLeft = true;
    private final List<String> matchKeys = new ArrayList<>();
    private @Nullable FieldPolicy defaultPolicy;
    private final Map<String, FieldPolicy> fieldPolicies = new LinkedHashMap<>();
    private DeletePolicy deletePolicy = DeletePolicy.ignore();
    private int batchSize = 200;
    private @Nullable Duration runEvery;
    private @Nullable Duration reconcileEvery;
    private final Map<Side, Predicate<? super T>> createConditions = new EnumMap<>(Side.class);
    private final Map<String, Predicate<? super T>> createConditionsByName = new LinkedHashMap<>();

    private Builder(String name, EntityType<T> entityType) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new ConfigurationException("flow name '" + name + "' must be letters, digits, '.', '_' or '-'");
      }
      this.name = name;
      this.entityType = Objects.requireNonNull(entityType, "entityType");
    }

    /** The two connectors, by name; which is left and which right only matters for naming. */
    public Builder<T> between(String leftConnector, String rightConnector) {
      this.left = Objects.requireNonNull(leftConnector, "leftConnector");
      this.right = Objects.requireNonNull(rightConnector, "rightConnector");
      return this;
    }

    /** Switches the left-to-right direction on or off (default on). */
    public Builder<T> leftToRight(boolean enabled) {
      this.leftToRight = enabled;
      return this;
    }

    /** Switches the right-to-left direction on or off (default on). */
    public Builder<T> rightToLeft(boolean enabled) {
      this.rightToLeft = enabled;
      return this;
    }

    /** Switches the direction from {@code fromConnector} on or off. */
    public Builder<T> direction(String fromConnector, boolean enabled) {
      requireSides("direction");
      if (fromConnector.equals(left)) {
        leftToRight = enabled;
      } else if (fromConnector.equals(right)) {
        rightToLeft = enabled;
      } else {
        throw unknownConnector("direction", fromConnector);
      }
      return this;
    }

    /**
     * Natural keys (canonical field paths) tried in order to link a record to an existing one on
     * the other side before ever creating it, e.g. {@code "code"}, {@code "email"}.
     */
    public Builder<T> matchOn(String... keyFields) {
      matchKeys.addAll(List.of(keyFields));
      return this;
    }

    /** The policy of fields without one of their own (default: {@code preferred(left)}). */
    public Builder<T> defaultPolicy(FieldPolicy policy) {
      this.defaultPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Shorthand for {@code defaultPolicy(FieldPolicy.ownedBy(connector))}. */
    public Builder<T> defaultOwner(String connector) {
      return defaultPolicy(FieldPolicy.ownedBy(connector));
    }

    /** The policy of {@code fieldPath} and every field below it. */
    public Builder<T> field(String fieldPath, FieldPolicy policy) {
      fieldPolicies.put(Objects.requireNonNull(fieldPath, "fieldPath"), Objects.requireNonNull(policy, "policy"));
      return this;
    }

    /** Shorthand for {@code field(path, FieldPolicy.ownedBy(connector))} for each path. */
    public Builder<T> owner(String connector, String... fieldPaths) {
      for (String path : fieldPaths) {
        field(path, FieldPolicy.ownedBy(connector));
      }
      return this;
    }

    /** What happens when a linked record is deleted (default: {@link DeletePolicy#ignore()}). */
    public Builder<T> deletes(DeletePolicy policy) {
      this.deletePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Records per read page and per write batch (capped by each writer's own maximum). */
    public Builder<T> batchSize(int size) {
      if (size < 1 || size > 10_000) {
        throw new ConfigurationException("flow '" + name + "' batchSize must be 1..10000, was " + size);
      }
      this.batchSize = size;
      return this;
    }

    /** Runs the flow periodically once the engine is started. */
    public Builder<T> runEvery(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new ConfigurationException("flow '" + name + "' runEvery must be positive");
      }
      this.runEvery = interval;
      return this;
    }

    /** Periodically checks that linked records still exist, for sources without a delete log. */
    public Builder<T> reconcileEvery(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new ConfigurationException("flow '" + name + "' reconcileEvery must be positive");
      }
      this.reconcileEvery = interval;
      return this;
    }

    /**
     * Records read from {@code fromConnector} are created on the other side only when
     * {@code condition} holds (e.g. only customers, not prospects). Linked records always sync.
     */
    public Builder<T> createWhen(String fromConnector, Predicate<? super T> condition) {
      createConditionsByName.put(fromConnector, Objects.requireNonNull(condition, "condition"));
      return this;
    }

    public Flow<T> build() {
      requireSides("build");
      if (left.equals(right)) {
        throw new ConfigurationException("flow '" + name + "' needs two different connectors, got '" + left + "' twice");
      }
      for (Map.Entry<String, Predicate<? super T>> e : createConditionsByName.entrySet()) {
        createConditions.put(side(e.getKey(), "createWhen"), e.getValue());
      }
      checkPolicy(defaultPolicy, "defaultPolicy");
      fieldPolicies.forEach((path, p) -> checkPolicy(p, "field." + path));
      if (deletePolicy instanceof DeletePolicy.MarkInactive m && m.field().isBlank()) {
        throw new ConfigurationException("flow '" + name + "' deletes.markInactive needs a field");
      }
      return new Flow<>(this);
    }

    private void checkPolicy(@Nullable FieldPolicy policy, String key) {
      if (policy instanceof FieldPolicy.OwnedBy o) {
        side(o.connector(), key);
      } else if (policy instanceof FieldPolicy.Preferred p) {
        side(p.connector(), key);
      } else if (policy instanceof FieldPolicy.LastWriterWins l) {
        side(l.tieBreaker(), key);
      }
    }

    private Side side(String connector, String key) {
      if (connector.equals(left)) {
        return Side.LEFT;
      } else if (connector.equals(right)) {
        return Side.RIGHT;
      }
      throw unknownConnector(key, connector);
    }

    private void requireSides(String key) {
      if (left == null || right == null) {
        throw new ConfigurationException("flow '" + name + "': call between(left, right) before " + key);
      }
    }

    private ConfigurationException unknownConnector(String key, String connector) {
      return new ConfigurationException("flow '" + name + "' " + key + " names connector '" + connector
          + "', which is neither side of the flow ('" + left + "', '" + right + "')");
    }
  }
}
