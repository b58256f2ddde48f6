package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.testkit.salesforce.internal.Ids;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data() view, record ids and HTTP-level limits. */
class SandboxDataTest extends SandboxFixture {

  @Test
  void uiWritesAreValidatedLikeApiWrites() {
    SandboxWriteException missing = assertThrows(SandboxWriteException.class, () -> sf.data().insert("Account", Map.of("Phone", "1")));
    assertEquals("REQUIRED_FIELD_MISSING", missing.statusCode());
    assertEquals("Account", missing.entity());
    assertEquals("Name", missing.field().orElseThrow());
    SandboxWriteException unknown = assertThrows(SandboxWriteException.class, () -> sf.data().insert("Nope__c", Map.of()));
    assertEquals("INVALID_TYPE", unknown.statusCode());

    String id = sf.data().insert("Account", Map.of("Name", "Acme", "Credit_Limit__c", new BigDecimal("12.345")));
    assertEquals(new BigDecimal("12.35"), sf.data().find(id).orElseThrow().decimal("Credit_Limit__c").orElseThrow());
    Map<String, Object> clear = new HashMap<>();
    clear.put("Credit_Limit__c", null);
    sf.data().update(id, clear);
    assertTrue(sf.data().find(id).orElseThrow().get("credit_limit__c").isEmpty(), "cleared fields are absent; lookups ignore case");
    SandboxWriteException readOnly = assertThrows(SandboxWriteException.class, () -> sf.data().update(id, Map.of("Name", "")));
    assertEquals("REQUIRED_FIELD_MISSING", readOnly.statusCode(), "an empty string is null in Salesforce");
    assertEquals(id, readOnly.recordId().orElseThrow());
  }

  @Test
  void deletedRecordsAreListedSeparatelyAndCanBeRestored() {
    String a = sf.data().insert("Account", Map.of("Name", "A"));
    String contact = sf.data().insert("Contact", Map.of("LastName", "Smith", "AccountId", a));
    clock.advance(Duration.ofMinutes(1));
    sf.data().delete(a);
    assertEquals(0, sf.data().list("Account").size());
    assertEquals(1, sf.data().listIncludingDeleted("Account").size());
    assertTrue(sf.data().find(contact).orElseThrow().deleted(), "contacts go with their account");
    assertThrows(SandboxWriteException.class, () -> sf.data().update(a, Map.of("Name", "B")));
    sf.data().undelete(a);
    assertFalse(sf.data().find(contact).orElseThrow().deleted());
    assertEquals(clock.instant(), sf.data().find(a).orElseThrow().systemModstamp());
    assertThrows(SandboxWriteException.class, () -> sf.data().undelete(a), "not in the recycle bin");
    assertTrue(sf.data().find("001000000000000AAA").isEmpty());
  }

  @Test
  void idsHaveAnEighteenCharacterCaseInsensitiveForm() {
    String id = sf.data().insert("Account", Map.of("Name", "A"));
    assertEquals(18, id.length());
    assertEquals(id, Ids.normalize(id.substring(0, 15)));
    assertEquals(id, Ids.normalize(id.toLowerCase(Locale.ROOT)), "the suffix restores the case");
    assertEquals(id, Ids.normalize(id.toUpperCase(Locale.ROOT)));
    assertNull(Ids.normalize("001"));
    assertNull(Ids.normalize("001-00000000000"));
    assertEquals(id, http.get("/sobjects/Account/" + id.toLowerCase(Locale.ROOT)).json().get("Id").asText());
    assertEquals(sf.data().find(id.substring(0, 15)).orElseThrow().id(), id);
  }

  @Test
  void oversizedRequestHeadersAre431() {
    SfHttp.Response response = http.send("GET", http.data("/limits/"), "", Map.of("X-Padding", "x".repeat(17_000)));
    assertEquals(431, response.status());
  }
}
