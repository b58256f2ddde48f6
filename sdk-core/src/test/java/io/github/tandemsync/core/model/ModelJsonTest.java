package io.github.tandemsync.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model survives the engine's JSON set-up unchanged: every record, fully populated and minimal,
 * with BigDecimal scales, dates, instants and all five extension kinds; absent properties come
 * back as empty Optionals and defaults, never nulls.
 */
class ModelJsonTest {

  static Stream<Object> fullInstances() {
    return ModelFixtures.fullInstances().stream();
  }

  static Stream<Object> minimalInstances() {
    return ModelFixtures.minimalInstances().stream();
  }

  static Stream<ExtensionValue> extensionKinds() {
    return ModelFixtures.allExtensionKinds().values().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fullInstances")
  void fullInstanceRoundTrips(Object value) {
    assertEquals(value, ModelJson.roundTrip(value));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("minimalInstances")
  void minimalInstanceRoundTrips(Object value) {
    assertEquals(value, ModelJson.roundTrip(value));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("extensionKinds")
  void everyExtensionKindRoundTripsOnItsOwn(ExtensionValue value) {
    assertEquals(value, ModelJson.read(ModelJson.write(value), ExtensionValue.class));
  }

  @Test
  void scaleAndInstantPrecisionAreWrittenAsIs() {
    String json = ModelJson.write(ModelFixtures.fullStockLevel());
    assertTrue(json.contains("\"picked\":3.000"), json);
    assertTrue(json.contains("{\"number\":12.50}"), json);
    assertTrue(json.contains("{\"timestamp\":\"2026-03-15T10:15:30.123456789Z\"}"), json);
    assertTrue(json.contains("{\"date\":\"2026-03-15\"}"), json);
    StockLevel back = ModelJson.read(json, StockLevel.class);
    assertEquals(3, back.picked().scale());
  }

  /**
   * A document that carries only the required properties (an older snapshot, hand-written JSON)
   * gives the same record as the builder: empty Optionals, empty lists, and the documented
   * defaults (a product is stocked, a price active, a quote a draft) - never null.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("minimalInstances")
  void onlyRequiredPropertiesGiveDefaultsNotNulls(Object minimal) throws IOException {
    List<String> required = RequiredFieldsTest.requiredByEntity().getOrDefault(minimal.getClass().getSimpleName(), List.of());
    ObjectNode tree = (ObjectNode) ModelJson.TREE_MAPPER.readTree(ModelJson.write(minimal));
    tree.retain(required);
    Object back = ModelJson.TREE_MAPPER.treeToValue(tree, minimal.getClass());
    assertEquals(minimal, back, "from " + tree);
    assertNoNulls(back, minimal.getClass().getSimpleName());
  }

  @Test
  void explicitNullPropertiesAlsoBecomeEmpty() throws IOException {
    String json = "{\"code\":\"WIDGET-01\",\"altCode\":null,\"extendedDescription\":null,\"extensions\":null,"
        + "\"quantityType\":null,\"quantityFactor\":null,\"stocked\":null}";
    Product product = ModelJson.MAPPER.readValue(json, Product.class);
    assertEquals(Product.builder().code("WIDGET-01").build(), product);
    assertTrue(product.stocked());
  }

  @Test
  void nullRequiredPropertyFailsNamingTheField() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> ModelJson.read("{\"code\":null}", Warehouse.class));
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof io.github.tandemsync.core.InvalidRecordException)) {
      cause = cause.getCause();
    }
    assertNotNull(cause, "the InvalidRecordException is the cause");
    assertEquals("Warehouse field 'code' is required but missing", cause.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fullInstances")
  void fullFixtureFillsEveryField(Object value) {
    assertFullyPopulated(value, value.getClass().getSimpleName());
  }

  /** Proves the toBuilder test below means something: every non-required field differs from its default. */
  @Test
  void fullFixturesDifferFromMinimalInEveryOptionalField() throws ReflectiveOperationException {
    Map<String, List<String>> required = RequiredFieldsTest.requiredByEntity();
    for (Object full : ModelFixtures.fullInstances()) {
      Object minimal = minimalOf(full.getClass());
      List<String> exempt = required.getOrDefault(full.getClass().getSimpleName(), List.of());
      for (RecordComponent component : full.getClass().getRecordComponents()) {
        if (exempt.contains(component.getName()) || full instanceof Money || full instanceof Weight) {
          continue;
        }
        assertNotEquals(component.getAccessor().invoke(minimal), component.getAccessor().invoke(full),
            full.getClass().getSimpleName() + "." + component.getName() + " is at its default in the full fixture");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fullInstances")
  void toBuilderCopiesEveryField(Object value) throws ReflectiveOperationException {
    Optional<Method> toBuilder = Stream.of(value.getClass().getMethods())
        .filter(m -> m.getName().equals("toBuilder") && m.getParameterCount() == 0)
        .findFirst();
    if (toBuilder.isEmpty()) {
      assertTrue(value instanceof Money || value instanceof Weight, value.getClass() + " has no toBuilder()");
      return;
    }
    Object builder = toBuilder.get().invoke(value);
    assertEquals(value, builder.getClass().getMethod("build").invoke(builder));
  }

  /** Every public record of the model package has a fixture, so no type escapes the round trip. */
  @Test
  void everyModelRecordHasFixtures() throws IOException, URISyntaxException, ClassNotFoundException {
    Set<String> records = new TreeSet<>();
    for (Class<?> type : modelClasses()) {
      if (type.isRecord() && Modifier.isPublic(type.getModifiers()) && type.getEnclosingClass() == null) {
        records.add(type.getSimpleName());
      }
    }
    Set<String> full = ModelFixtures.fullInstances().stream().map(o -> o.getClass().getSimpleName())
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> minimal = ModelFixtures.minimalInstances().stream().map(o -> o.getClass().getSimpleName())
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(records, full, "full fixtures");
    assertEquals(records, minimal, "minimal fixtures");
    assertTrue(records.size() >= 25, "found " + records);
  }

  private static Object minimalOf(Class<?> type) {
    return ModelFixtures.minimalInstances().stream().filter(type::isInstance).findFirst().orElseThrow();
  }

  private static List<Class<?>> modelClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(Account.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = classes.resolve(Account.class.getPackageName().replace('.', '/'));
    List<Class<?>> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.equals("package-info.class")) {
          found.add(Class.forName(Account.class.getPackageName() + "." + name.substring(0, name.length() - 6)));
        }
      }
    }
    return found;
  }

  private static void assertFullyPopulated(Object value, String path) {
    if (!value.getClass().isRecord()) {
      return;
    }
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      Object field = read(component, value);
      String where = path + "." + component.getName();
      assertNotNull(field, where);
      if (field instanceof Optional<?> optional) {
        assertTrue(optional.isPresent(), where + " is empty in the full fixture");
        assertFullyPopulated(optional.get(), where);
      } else if (field instanceof List<?> list) {
        assertFalse(list.isEmpty(), where + " is empty in the full fixture");
        list.forEach(element -> assertFullyPopulated(element, where + "[]"));
      } else if (field instanceof Map<?, ?> map) {
        Set<Class<?>> kinds = new HashSet<>();
        map.values().forEach(v -> kinds.add(v.getClass()));
        assertEquals(5, kinds.size(), where + " should hold all five extension kinds, has " + kinds);
      } else if (field instanceof BigDecimal number) {
        assertNotNull(number, where);
      } else {
        assertFullyPopulated(field, where);
      }
    }
  }

  private static void assertNoNulls(Object value, String path) {
    if (!value.getClass().isRecord()) {
      return;
    }
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      Object field = read(component, value);
      assertNotNull(field, path + "." + component.getName() + " is null");
      if (field instanceof Optional<?> optional) {
        optional.ifPresent(v -> assertNoNulls(v, path + "." + component.getName()));
      }
    }
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError("cannot read " + component, e);
    }
  }

  /**
   * Pins a Jackson pitfall for whoever hashes or diffs the model as a JSON tree: with the engine's
   * mapper as configured, the tree model drops a decimal's trailing zeros, so 12.50 comes back as a
   * different (unequal) BigDecimal. Trees need {@code STRIP_TRAILING_BIGDECIMAL_ZEROES} disabled.
   */
  @Test
  void jsonTreesNeedExactDecimalsToKeepScale() throws IOException {
    Money price = ModelFixtures.gbp("12.50");
    String json = ModelJson.write(price);
    assertNotEquals(price, ModelJson.MAPPER.treeToValue(ModelJson.MAPPER.readTree(json), Money.class));
    assertEquals(price, ModelJson.TREE_MAPPER.treeToValue(ModelJson.TREE_MAPPER.readTree(json), Money.class));
  }

  @Test
  void treeRetainKeepsOnlyNamedProperties() {
    // Guards the minimal-JSON test itself: it must really drop the optional properties.
    JsonNode tree = ModelJson.MAPPER.valueToTree(ModelFixtures.fullWarehouse());
    ((ObjectNode) tree).retain(List.of("code"));
    assertEquals(1, tree.size());
  }
}
