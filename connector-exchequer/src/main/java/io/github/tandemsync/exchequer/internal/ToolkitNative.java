package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.spi.NativeRecord;
import io.github.tandemsync.exchequer.gateway.ToolkitRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Toolkit record being built, as the {@link NativeRecord} mapping customizers write to before a
 * write: properties by Toolkit name; a transaction's lines under {@code "lines"} as a list of
 * native records.
 */
final class ToolkitNative implements NativeRecord {
  private final String type;
  private final ToolkitRecord.Builder builder;
  private final List<ToolkitNative> lines = new ArrayList<>();

  ToolkitNative(String type, ToolkitRecord.Builder builder) {
    this.type = type;
    this.builder = builder;
  }

  void addLine(ToolkitNative line) {
    lines.add(line);
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Optional<Object> get(String field) {
    if (field.equals("lines")) {
      return Optional.of(List.<NativeRecord>copyOf(lines));
    }
    return builder.get(field);
  }

  @Override
  public void put(String field, @Nullable Object value) {
    if (field.equals("lines")) {
      throw new IllegalArgumentException("change lines through get(\"lines\"), not by replacing them");
    }
    builder.set(field, value);
  }

  @Override
  public Set<String> fieldNames() {
    Set<String> names = new LinkedHashSet<>(build().properties().keySet());
    if (!lines.isEmpty()) {
      names.add("lines");
    }
    return names;
  }

  ToolkitRecord build() {
    List<ToolkitRecord> built = new ArrayList<>();
    for (ToolkitNative line : lines) {
      built.add(line.build());
    }
    return builder.lines(built).build();
  }

  static ToolkitNative of(String type, Map<String, ?> properties) {
    return new ToolkitNative(type, ToolkitRecord.builder().setAll(properties));
  }
}
