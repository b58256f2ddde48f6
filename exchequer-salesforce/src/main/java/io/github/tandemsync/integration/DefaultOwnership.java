package io.github.tandemsync.integration;

import io.github.tandemsync.engine.FieldPolicy;
import java.util.List;
import java.util.Map;

/**
 * Who owns which field when a capability syncs both ways — the integration's defaults, each
 * overridable in {@link IntegrationSettings} ({@code ownership.<flow>.<field>=exchequer|salesforce}).
 *
 * <table>
 *   <caption>Default ownership</caption>
 *   <tr><th>Capability</th><th>Owned by Exchequer</th><th>Every other field</th></tr>
 *   <tr><td>accounts</td><td>code, role, creditLimit, onStop, closed, currency, vatCode, vatRegistration,
 *       priceBand, overallDiscount, compoundOverallDiscount, settlementDiscount, settlementDays,
 *       salesGlCode, department, costCentre, invoiceTo, defaultWarehouse</td>
 *       <td>preferred Salesforce: the fields its users maintain (name, addresses, phone, fax, e-mail, extensions)</td></tr>
 *   <tr><td>contacts</td><td>accountCode, roleCode</td><td>owned by Salesforce: email, phone (an Exchequer
 *       contact has none of its own: they are its account's, which the accounts flow syncs) and the name
 *       (title, firstName, lastName: Exchequer holds one text, whose split into names is a guess);
 *       preferred Salesforce: the rest, salutation included (it is that one text, and follows a
 *       rename)</td></tr>
 *   <tr><td>quotes</td><td>number</td><td>preferred Salesforce</td></tr>
 *   <tr><td>orders</td><td>every field once the order exists in Exchequer (Salesforce orders are created
 *       there; Exchequer then runs them: status, deliveries, invoicing)</td><td>—</td></tr>
 *   <tr><td>deliveries</td><td>every field (the delivery note is Exchequer's document once it exists)</td><td>—</td></tr>
 *   <tr><td>one-way capabilities from Exchequer</td><td>every field</td><td>—</td></tr>
 * </table>
 *
 * <p>"Owned" means the owner's value wins every conflict and an edit on the other side is
 * overwritten; "preferred" means edits on either side move across and the preferred side wins when
 * both changed the same field (see docs/sync-engine.md).
 */
public final class DefaultOwnership {
  private DefaultOwnership() {}

  private static final Map<SyncCapability, List<String>> EXCHEQUER_FIELDS = Map.of(
      SyncCapability.ACCOUNTS, List.of("code", "role", "creditLimit", "onStop", "closed", "currency", "vatCode", "vatRegistration",
          "priceBand", "overallDiscount", "compoundOverallDiscount", "settlementDiscount", "settlementDays", "salesGlCode", "department",
          "costCentre", "invoiceTo", "defaultWarehouse"),
      SyncCapability.CONTACTS, List.of("accountCode", "roleCode"),
      SyncCapability.QUOTES, List.of("number"));

  private static final Map<SyncCapability, List<String>> SALESFORCE_FIELDS = Map.of(
      SyncCapability.CONTACTS, List.of("email", "phone", "title", "firstName", "lastName"));

  /** The fields Salesforce owns for {@code capability} when it syncs both ways. */
  public static List<String> salesforceFields(SyncCapability capability) {
    return SALESFORCE_FIELDS.getOrDefault(capability, List.of());
  }

  /** The fields Exchequer owns for {@code capability} when it syncs both ways. */
  public static List<String> exchequerFields(SyncCapability capability) {
    return EXCHEQUER_FIELDS.getOrDefault(capability, List.of());
  }

  /** The policy of every field not listed for {@code capability}. */
  public static FieldPolicy defaultPolicy(SyncCapability capability) {
    return switch (capability) {
      case ACCOUNTS, CONTACTS, QUOTES -> FieldPolicy.preferred(ExchequerSalesforceIntegration.SALESFORCE);
      default -> FieldPolicy.ownedBy(ExchequerSalesforceIntegration.EXCHEQUER);
    };
  }
}
