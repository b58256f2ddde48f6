package io.github.tandemsync.integration.internal;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.spi.Capability;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.ConnectorContext;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.core.spi.RecordWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A connector that hands out decorated readers or writers for some entity types, delegating the rest. */
public final class DecoratedConnector implements Connector {
  private final Connector delegate;
  private final Map<EntityType<?>, UnaryOperator<ChangeReader<?>>> readers = new HashMap<>();
  private final Map<EntityType<?>, UnaryOperator<RecordWriter<?>>> writers = new HashMap<>();

  public DecoratedConnector(Connector delegate) {
    this.delegate = delegate;
  }

  /** Decorates the reader of {@code type}. */
  @SuppressWarnings("unchecked")
  public <T> DecoratedConnector reader(EntityType<T> type, UnaryOperator<ChangeReader<T>> decorator) {
    readers.put(type, r -> decorator.apply((ChangeReader<T>) r));
    return this;
  }

  /** Decorates the writer of {@code type}. */
  @SuppressWarnings("unchecked")
  public <T> DecoratedConnector writer(EntityType<T> type, UnaryOperator<RecordWriter<T>> decorator) {
    writers.put(type, w -> decorator.apply((RecordWriter<T>) w));
    return this;
  }

  public Connector delegate() {
    return delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public String version() {
    return delegate.version();
  }

  @Override
  public Set<Capability> capabilities() {
    return delegate.capabilities();
  }

  @Override
  public void start(ConnectorContext context) {
    delegate.start(context);
  }

  @Override
  public Health health() {
    return delegate.health();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Optional<ChangeReader<T>> reader(EntityType<T> type) {
    UnaryOperator<ChangeReader<?>> d = readers.get(type);
    return delegate.reader(type).map(r -> d == null ? r : (ChangeReader<T>) d.apply(r));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Optional<RecordWriter<T>> writer(EntityType<T> type) {
    UnaryOperator<RecordWriter<?>> d = writers.get(type);
    return delegate.writer(type).map(w -> d == null ? w : (RecordWriter<T>) d.apply(w));
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
