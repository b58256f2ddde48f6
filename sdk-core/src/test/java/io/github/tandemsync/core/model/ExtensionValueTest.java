package io.github.tandemsync.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExtensionValueTest {

  static Stream<Arguments> acceptedRawValues() {
    LocalDate date = LocalDate.of(2026, 3, 15);
    Instant instant = Instant.parse("2026-03-15T10:15:30Z");
    return Stream.of(
        Arguments.of("North", ExtensionValue.Text.class, "North"),
        Arguments.of(new BigDecimal("12.50"), ExtensionValue.Number.class, new BigDecimal("12.50")),
        Arguments.of(42, ExtensionValue.Number.class, new BigDecimal("42")),
        Arguments.of(7L, ExtensionValue.Number.class, new BigDecimal("7")),
        Arguments.of(0.1d, ExtensionValue.Number.class, new BigDecimal("0.1")),
        Arguments.of(new BigInteger("12345678901234567890"), ExtensionValue.Number.class, new BigDecimal("12345678901234567890")),
        Arguments.of(true, ExtensionValue.Flag.class, true),
        Arguments.of(date, ExtensionValue.Date.class, date),
        Arguments.of(instant, ExtensionValue.Timestamp.class, instant));
  }

  @ParameterizedTest(name = "{1} from {0}")
  @MethodSource("acceptedRawValues")
  void ofRawAcceptsTheFiveKinds(Object raw, Class<?> kind, Object expected) {
    ExtensionValue value = ExtensionValue.ofRaw(raw);
    assertEquals(kind, value.getClass());
    assertEquals(expected, value.raw());
  }

  @Test
  void ofRawKeepsAnExtensionValue() {
    ExtensionValue value = ExtensionValue.of("North");
    assertSame(value, ExtensionValue.ofRaw(value));
  }

  static Stream<Object> rejectedRawValues() {
    return Stream.of(
        LocalDateTime.of(2026, 3, 15, 10, 0),
        List.of("a", "b"),
        Map.of("k", "v"),
        'x',
        new Object(),
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY);
  }

  @ParameterizedTest
  @MethodSource("rejectedRawValues")
  void ofRawRejectsOtherTypes(Object raw) {
    assertThrows(IllegalArgumentException.class, () -> ExtensionValue.ofRaw(raw));
  }

  @Test
  void ofRawRejectsNull() {
    Object nothing = null;
    assertThrows(IllegalArgumentException.class, () -> ExtensionValue.ofRaw(nothing));
  }

  @Test
  void builderExtensionUsesOfRaw() {
    Contact contact = Contact.builder().lastName("Abbey").extension("Visits__c", 3).extension("VIP__c", true).build();
    assertEquals(ExtensionValue.of(new BigDecimal("3")), contact.extensions().get("Visits__c"));
    assertEquals(ExtensionValue.of(true), contact.extensions().get("VIP__c"));
    assertThrows(IllegalArgumentException.class, () -> Contact.builder().extension("When__c", LocalDateTime.now()));
    Contact without = contact.toBuilder().removeExtension("VIP__c").build();
    assertEquals(Map.of("Visits__c", ExtensionValue.of(new BigDecimal("3"))), without.extensions());
  }

  @Test
  void jsonShapeIsOneKeyNamingTheKind() {
    assertEquals("{\"text\":\"North\"}", ModelJson.write(ExtensionValue.of("North")));
    assertEquals("{\"number\":12.50}", ModelJson.write(ExtensionValue.of(new BigDecimal("12.50"))));
    assertEquals("{\"flag\":false}", ModelJson.write(ExtensionValue.of(false)));
    assertEquals("{\"date\":\"2026-03-15\"}", ModelJson.write(ExtensionValue.of(LocalDate.of(2026, 3, 15))));
    assertEquals("{\"timestamp\":\"2026-03-15T10:15:30Z\"}", ModelJson.write(ExtensionValue.of(Instant.parse("2026-03-15T10:15:30Z"))));
  }
}
