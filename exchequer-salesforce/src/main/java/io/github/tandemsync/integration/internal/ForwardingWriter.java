package io.github.tandemsync.integration.internal;

import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.RecordWriter;

/** A writer that wraps another: its batch size and stored fields are the wrapped writer's. */
abstract class ForwardingWriter<T> implements RecordWriter<T> {
  final RecordWriter<T> writer;

  ForwardingWriter(RecordWriter<T> writer) {
    this.writer = writer;
  }

  @Override
  public int maxBatchSize() {
    return writer.maxBatchSize();
  }

  @Override
  public FieldSet fields() {
    return writer.fields();
  }
}
