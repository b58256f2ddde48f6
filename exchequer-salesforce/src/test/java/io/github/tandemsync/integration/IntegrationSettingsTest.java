package io.github.tandemsync.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IntegrationSettingsTest {

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void defaultsEnableEveryCapabilityInItsSeedDirection() {
    IntegrationSettings s = IntegrationSettings.defaults();
    for (SyncCapability c : SyncCapability.values()) {
      assertEquals(c.defaultDirection(), s.direction(c), c.flowName());
    }
    assertEquals(FlowDirection.BOTH, s.direction(SyncCapability.ACCOUNTS));
    assertEquals(FlowDirection.ERP_TO_CRM, s.direction(SyncCapability.BALANCES));
    assertEquals(FlowDirection.CRM_TO_ERP, s.direction(SyncCapability.QUOTES));
    assertFalse(s.suppliers());
    assertEquals(Duration.ofMinutes(5), s.runEvery());
  }

  @Test
  void aPropertiesFileSetsDirectionsOwnershipAndSchedule() {
    IntegrationSettings s = IntegrationSettings.fromProperties(props(
        "flows.jobs", "off",
        "flows.accounts", "erp-to-crm",
        "accounts.suppliers", "true",
        "ownership.accounts.phone", "exchequer",
        "prices.currencies", "gbp, EUR",
        "tandem.runEvery", "PT10M",
        "tandem.batchSize", "500",
        "tandem.originTag", "tandem-acme",
        "exchequer.jdbcUrl", "ignored here",
        "salesforce.auth", "ignored here",
        "stateStore", "memory"));
    assertEquals(FlowDirection.OFF, s.direction(SyncCapability.JOBS));
    assertFalse(s.enabled(SyncCapability.JOBS));
    assertEquals(FlowDirection.ERP_TO_CRM, s.direction(SyncCapability.ACCOUNTS));
    assertTrue(s.suppliers());
    assertEquals(Map.of("phone", "exchequer"), s.ownershipOverrides().get(SyncCapability.ACCOUNTS));
    assertEquals(Set.of("GBP", "EUR"), s.priceCurrencies());
    assertEquals(Duration.ofMinutes(10), s.runEvery());
    assertEquals(500, s.batchSize());
    assertEquals("tandem-acme", s.originTag());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "flows.widgets|both|flows.widgets",
      "flows.jobs|sideways|flows.jobs",
      "flows.balances|crm-to-erp|flows.balances",
      "flows.quotes|both|flows.quotes",
      "accounts.suppliers|yes|accounts.suppliers",
      "ownership.accounts.phone|hubspot|ownership.accounts.phone",
      "ownership.gadgets.phone|exchequer|ownership.gadgets.phone",
      "ownership.accounts.phoen|exchequer|ownership.accounts.phoen",
      "ownership.accounts.extensions.|salesforce|ownership.accounts.extensions.",
      "ownership.accounts.billingAddress.nonsense|exchequer|has no field 'nonsense'",
      "ownership.orders.lines.quantity|exchequer|synced as one value",
      "ownership.orders.lines[0].quantity|exchequer|synced as one value",
      "ownership.accounts.phone.number|exchequer|synced as one value",
      "ownership.accounts.creditLimit.amount|salesforce|synced as one value",
      "tandem.runEvery|5 minutes|tandem.runEvery",
      "tandem.batchSize|0|tandem.batchSize",
      "tandem.batchSize|many|tandem.batchSize",
      "tandem.originTag|has spaces|tandem.originTag",
      "prices.currencies|pounds|prices.currencies",
      "tandem.colour|blue|tandem.colour"})
  void badConfigurationNamesTheKey(String key, String value, String named) {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> IntegrationSettings.fromProperties(props(key, value)));
    assertTrue(e.getMessage().contains(named), e.getMessage());
  }

  @Test
  void flowDirectionsParseTheirConfigValues() {
    for (FlowDirection d : FlowDirection.values()) {
      assertEquals(d, FlowDirection.parse("k", " " + d.configValue().toUpperCase() + " "));
    }
    assertTrue(FlowDirection.BOTH.erpToCrm() && FlowDirection.BOTH.crmToErp());
    assertFalse(FlowDirection.ERP_TO_CRM.crmToErp());
  }

  @Test
  void ownershipOverridesTakeNestedPathsAndExtensions() {
    IntegrationSettings s = IntegrationSettings.fromProperties(props("ownership.accounts.billingAddress.postcode", "exchequer"));
    assertEquals("exchequer", s.ownershipOverrides().get(SyncCapability.ACCOUNTS).get("billingAddress.postcode"));
    s = IntegrationSettings.fromProperties(props("ownership.accounts.extensions.Region", "exchequer"));
    assertEquals("exchequer", s.ownershipOverrides().get(SyncCapability.ACCOUNTS).get("extensions.Region"));
  }
}
