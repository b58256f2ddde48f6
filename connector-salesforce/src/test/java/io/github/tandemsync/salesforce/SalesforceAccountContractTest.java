package io.github.tandemsync.salesforce;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.testkit.ConnectorContractKit;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The connector compatibility kit, for accounts (sObject Collections path). */
class SalesforceAccountContractTest extends ConnectorContractKit<Account> {
  private static SandboxFixture fixture;
  private static SalesforceConnector connector;

  @BeforeAll
  static void start() {
    fixture = new SandboxFixture(31_337L);
    connector = fixture.started(fixture.connector().entities(EntityTypes.ACCOUNT));
  }

  @AfterAll
  static void stop() {
    connector.close();
    fixture.close();
  }

  @Override
  protected Connector connector() {
    return connector;
  }

  @Override
  protected EntityType<Account> entityType() {
    return EntityTypes.ACCOUNT;
  }

  @Override
  protected Account newRecord(int n) {
    return Account.builder().code("K" + n).role(AccountRole.CUSTOMER).name("Contract customer " + n).phone("0161 000 " + n)
        .priceBand("A").onStop(false).build();
  }

  @Override
  protected Account changed(Account record) {
    return record.toBuilder().phone("0161 999 999").onStop(true).build();
  }

  @Override
  protected Optional<Runnable> deleteInSystem(String nativeId) {
    return Optional.of(() -> fixture.sandbox.data().delete(nativeId));
  }

  @Override
  protected Optional<Account> invalidRecord() {
    return Optional.of(newRecord(1).toBuilder().code("INVALID1").name("N".repeat(300)).build());
  }

  @Override
  protected Optional<String> naturalKeyField() {
    return Optional.of("code");
  }

  @Override
  protected void beforeRead() {
    fixture.clock.advance(Duration.ofSeconds(3));
  }

  /** getDeleted is polled at most every deletePollInterval (5 minutes by default). */
  @Override
  protected void beforeReadingDeletes() {
    fixture.clock.advance(Duration.ofMinutes(6));
  }
}
