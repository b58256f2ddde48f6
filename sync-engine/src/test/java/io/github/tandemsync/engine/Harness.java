package io.github.tandemsync.engine;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.engine.state.StateStore;
import io.github.tandemsync.engine.state.StateStores;
import io.github.tandemsync.testkit.fake.FakeSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Two fake systems, "erp" (left) and "crm" (right), an accounts flow and an engine between them. */
final class Harness implements AutoCloseable {
  static final String ERP = "erp";
  static final String CRM = "crm";

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
  final FakeSystem erp;
  final FakeSystem crm;
  StateStore store;
  final List<RunReport> reports = new ArrayList<>();
  final List<Conflict> conflicts = new ArrayList<>();
  final List<FailedRecord> failures = new ArrayList<>();
  private UnaryOperator<Flow.Builder<Account>> flowSettings = b -> b;
  private SyncEngine engine;

  Harness() {
    this(FieldSet.all(), FieldSet.all());
  }

  Harness(FieldSet crmReads, FieldSet crmWrites) {
    erp = FakeSystem.named(ERP, clock).supports(EntityTypes.ACCOUNT);
    crm = FakeSystem.named(CRM, clock).supports(EntityTypes.ACCOUNT, crmReads, crmWrites);
    store = StateStores.inMemory(clock);
  }

  Harness flow(UnaryOperator<Flow.Builder<Account>> settings) {
    this.flowSettings = settings;
    closeEngine();
    return this;
  }

  Flow<Account> buildFlow() {
    return flowSettings.apply(Flow.builder("accounts", EntityTypes.ACCOUNT).between(ERP, CRM).matchOn("code").batchSize(50)).build();
  }

  SyncEngine engine() {
    if (engine == null) {
      engine = SyncEngine.builder()
          .connector(erp.connector())
          .connector(crm.connector())
          .stateStore(new UnclosableStore(store))
          .flow(buildFlow())
          .clock(clock)
          .retry(RetrySettings.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build())
          .listener(new SyncListener() {
            @Override
            public void conflict(Conflict conflict) {
              conflicts.add(conflict);
            }

            @Override
            public void recordFailed(FailedRecord failure) {
              failures.add(failure);
            }
          })
          .build();
    }
    return engine;
  }

  /** Throws the engine away (a restart); the store and the systems keep their data. */
  void restart() {
    closeEngine();
  }

  private void closeEngine() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  RunReport run() {
    clock.advance(Duration.ofSeconds(1));
    RunReport report = engine().runOnce("accounts");
    reports.add(report);
    return report;
  }

  static Account account(String code, String name) {
    return Account.builder().code(code).role(AccountRole.CUSTOMER).name(name).build();
  }

  static Account prospect(String name) {
    return Account.builder().role(AccountRole.PROSPECT).name(name).build();
  }

  Map<String, Account> erpAccounts() {
    return erp.all(EntityTypes.ACCOUNT);
  }

  Map<String, Account> crmAccounts() {
    return crm.all(EntityTypes.ACCOUNT);
  }

  Optional<Account> crmByCode(String code) {
    return crmAccounts().values().stream().filter(a -> a.code().equals(Optional.of(code))).findFirst();
  }

  Optional<Account> erpByCode(String code) {
    return erpAccounts().values().stream().filter(a -> a.code().equals(Optional.of(code))).findFirst();
  }

  String crmIdOf(String code) {
    return crmAccounts().entrySet().stream().filter(e -> e.getValue().code().equals(Optional.of(code))).findFirst().orElseThrow().getKey();
  }

  String erpIdOf(String code) {
    return erpAccounts().entrySet().stream().filter(e -> e.getValue().code().equals(Optional.of(code))).findFirst().orElseThrow().getKey();
  }

  @Override
  public void close() {
    closeEngine();
  }

  /** Keeps the store open across engine restarts (the engine closes its store on stop). */
  static final class UnclosableStore extends ForwardingStateStore {
    UnclosableStore(StateStore delegate) {
      super(delegate);
    }

    @Override
    public void close() {
      // the harness owns the store
    }
  }
}
