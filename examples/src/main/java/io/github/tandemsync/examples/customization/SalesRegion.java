package io.github.tandemsync.examples.customization;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.ExtensionValue;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.NativeRecord;
import io.github.tandemsync.exchequer.ExchequerConnector;
import io.github.tandemsync.salesforce.SalesforceConnector;
import java.util.Optional;
import java.util.Set;

/**
 * A bespoke field end to end: the customer's sales region lives in a custom Salesforce field
 * {@code Account.Region__c} and in Exchequer's user-defined field 1 of the account
 * ({@code acUserDef1}). Neither is in the canonical model, so both connectors carry it in the
 * account's {@code extensions} under one key, and the engine syncs it like any other field —
 * conflicts and ownership included ({@code extensions.Region}).
 */
public final class SalesRegion {
  /** The extension key both sides agree on. */
  public static final String KEY = "Region";
  /** The canonical field path of the region, for policies: {@code extensions.Region}. */
  public static final String FIELD = "extensions." + KEY;

  private SalesRegion() {}

  /** Registers the Salesforce side: {@code Account.Region__c} ⇄ {@code extensions.Region}. */
  public static SalesforceConnector.Builder onSalesforce(SalesforceConnector.Builder builder) {
    return builder.customize(EntityTypes.ACCOUNT, new MappingCustomizer<>() {
      @Override
      public Account afterRead(NativeRecord sObject, Account mapped) {
        return withRegion(mapped, sObject.text("Region__c"));
      }

      @Override
      public void beforeWrite(Account value, NativeRecord sObject) {
        sObject.put("Region__c", region(value).orElse(null));
      }

      @Override
      public Set<String> fields() {
        return Set.of(FIELD);
      }
    }, "Region__c");
  }

  /** Registers the Exchequer side: {@code CUSTSUPP.acUserDef1} (Toolkit {@code acUserDef1}) ⇄ {@code extensions.Region}. */
  public static ExchequerConnector.Builder onExchequer(ExchequerConnector.Builder builder) {
    return builder.customize(EntityTypes.ACCOUNT, new MappingCustomizer<>() {
      @Override
      public Account afterRead(NativeRecord row, Account mapped) {
        return withRegion(mapped, row.text("acUserDef1"));
      }

      @Override
      public void beforeWrite(Account value, NativeRecord toolkitAccount) {
        toolkitAccount.put("acUserDef1", region(value).orElse(""));
      }

      @Override
      public Set<String> fields() {
        return Set.of(FIELD);
      }
    });
  }

  private static Account withRegion(Account account, Optional<String> region) {
    return region.map(r -> account.toBuilder().extension(KEY, r).build()).orElse(account.toBuilder().removeExtension(KEY).build());
  }

  /** The region of an account, if it has one. */
  public static Optional<String> region(Account account) {
    return Optional.ofNullable(account.extensions().get(KEY)).map(ExtensionValue::raw).map(Object::toString).filter(s -> !s.isBlank());
  }
}
