package io.github.tandemsync.integration;

import io.github.tandemsync.core.ConfigurationException;
import java.util.Locale;

/** Which way a capability syncs between Exchequer (the ERP) and Salesforce (the CRM). */
public enum FlowDirection {
  /** Switched off: nothing is read or written for it. */
  OFF("off"),
  /** From Exchequer to Salesforce only. */
  ERP_TO_CRM("erp-to-crm"),
  /** From Salesforce to Exchequer only. */
  CRM_TO_ERP("crm-to-erp"),
  /** Both ways. */
  BOTH("both");

  private final String configValue;

  FlowDirection(String configValue) {
    this.configValue = configValue;
  }

  /** The value used in configuration files, e.g. {@code erp-to-crm}. */
  public String configValue() {
    return configValue;
  }

  public boolean erpToCrm() {
    return this == ERP_TO_CRM || this == BOTH;
  }

  public boolean crmToErp() {
    return this == CRM_TO_ERP || this == BOTH;
  }

  /**
   * Parses a configuration value ({@code off}, {@code erp-to-crm}, {@code crm-to-erp}, {@code both}).
   *
   * @throws ConfigurationException naming {@code key} when the value is none of them
   */
  public static FlowDirection parse(String key, String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (FlowDirection d : values()) {
      if (d.configValue.equals(v)) {
        return d;
      }
    }
    throw new ConfigurationException(key + " must be off, erp-to-crm, crm-to-erp or both, was '" + value + "'");
  }
}
