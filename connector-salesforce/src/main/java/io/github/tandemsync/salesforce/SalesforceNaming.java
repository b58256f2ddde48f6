package io.github.tandemsync.salesforce;

import io.github.tandemsync.core.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * API names of the Salesforce objects and fields the connector uses, when an org's differ from the
 * documented defaults (the table in {@code docs/salesforce.md}), for example because the fields
 * come from a managed package ({@code acme__ERP_Id__c}) or already existed under other names.
 *
 * <pre>{@code
 * SalesforceNaming naming = SalesforceNaming.builder()
 *     .renameObject("ERP_Invoice__c", "Acme_Invoice__c")
 *     .renameField("Account", "ERP_Id__c", "Acme_Customer_Code__c")
 *     .build();
 * }</pre>
 *
 * <p>Fields are named by their <em>default</em> object name, even when the object itself is
 * renamed.
 *
 * @param objects default object API name to the org's name
 * @param fields {@code "<defaultObject>.<defaultField>"} to the org's field name
 */
public record SalesforceNaming(Map<String, String> objects, Map<String, String> fields) {
  private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final SalesforceNaming DEFAULTS = new SalesforceNaming(Map.of(), Map.of());

  /** Copies the maps. */
  public SalesforceNaming {
    objects = Map.copyOf(objects);
    fields = Map.copyOf(fields);
  }

  /** The documented default names. */
  public static SalesforceNaming defaults() {
    return DEFAULTS;
  }

  /** Starts a naming configuration from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The org's API name of the object documented as {@code defaultObject}. */
  public String object(String defaultObject) {
    return objects.getOrDefault(defaultObject, defaultObject);
  }

  /** The org's API name of the field documented as {@code defaultObject.defaultField}. */
  public String field(String defaultObject, String defaultField) {
    return fields.getOrDefault(defaultObject + "." + defaultField, defaultField);
  }

  /** Builds a {@link SalesforceNaming}. */
  public static final class Builder {
    private final Map<String, String> objects = new LinkedHashMap<>();
    private final Map<String, String> fields = new LinkedHashMap<>();

    private Builder() {}

    /** Uses {@code actual} wherever the defaults say {@code defaultObject}. */
    public Builder renameObject(String defaultObject, String actual) {
      objects.put(check(defaultObject), check(actual));
      return this;
    }

    /** Uses {@code actual} for the field documented as {@code defaultObject.defaultField}. */
    public Builder renameField(String defaultObject, String defaultField, String actual) {
      fields.put(check(defaultObject) + "." + check(defaultField), check(actual));
      return this;
    }

    public SalesforceNaming build() {
      return new SalesforceNaming(objects, fields);
    }

    private static String check(String name) {
      if (name == null || !API_NAME.matcher(name).matches()) {
        throw new ConfigurationException("'" + name + "' is not a Salesforce API name");
      }
      return name;
    }
  }
}
