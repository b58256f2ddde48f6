package io.github.tandemsync.core.example;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.NativeRecord;
import java.util.Locale;
import java.util.Set;

/** How the example system stores accounts: columns {@code code}, {@code name}, {@code type}, {@code email}. */
final class AccountRows {
  private AccountRows() {}

  /** Account code is the natural key, kept in the {@code code} column. */
  static final InMemoryConnector.Mapping<Account> MAPPING = new InMemoryConnector.Mapping<>(AccountRows::read, AccountRows::write,
      FieldSet.of("code", "name", "role", "email"), "code", "code");

  static Account read(NativeRecord row) {
    Account.Builder account = Account.builder().code(row.text("code")).email(row.text("email"));
    row.text("name").ifPresent(account::name); // build() names the field when it is missing
    String type = row.text("type").orElse("C");
    account.role(switch (type) {
      case "C" -> AccountRole.CUSTOMER;
      case "S" -> AccountRole.SUPPLIER;
      case "P" -> AccountRole.PROSPECT;
      default -> throw new InvalidRecordException("Account", row.text("code").orElse(null), "type", "is '" + type + "', expected C, S or P");
    });
    return account.build();
  }

  static void write(Account account, NativeRecord row) {
    row.put("code", account.code().orElse(null));
    row.put("name", account.name());
    row.put("type", account.role().name().substring(0, 1).toUpperCase(Locale.ROOT));
    row.put("email", account.email().orElse(null));
  }

  /** A partner's bespoke field: the store's {@code region} column travels as extension {@code Region__c}. */
  static final class RegionCustomizer implements MappingCustomizer<Account> {
    @Override
    public Account afterRead(NativeRecord source, Account mapped) {
      return source.text("region").map(region -> mapped.toBuilder().extension("Region__c", region).build()).orElse(mapped);
    }

    @Override
    public void beforeWrite(Account value, NativeRecord target) {
      target.put("region", value.extensions().containsKey("Region__c") ? value.extensions().get("Region__c").raw() : null);
    }

    @Override
    public Set<String> fields() {
      return Set.of("extensions.Region__c");
    }
  }
}
