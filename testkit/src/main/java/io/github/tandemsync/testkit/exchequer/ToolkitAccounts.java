package io.github.tandemsync.testkit.exchequer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Customer and supplier accounts through the emulated Toolkit ({@code Customer.Add}, {@code Update},
 * {@code Save}). Properties use COM Toolkit names: {@code acCode}, {@code acCustSupp},
 * {@code acCompany}, {@code acAddress} (list of 5 lines), {@code acCurrency}, ...
 * Saving stamps {@code acLastUsed}/{@code acTimeStamp} from the sandbox clock.
 */
public final class ToolkitAccounts {
  private final ToolkitEngine engine;
  private final String operator;

  ToolkitAccounts(ToolkitEngine engine, String operator) {
    this.engine = engine;
    this.operator = operator;
  }

  /**
   * Adds an account. Fails with 30003 (blank code), 30001 (type not C/S), 30005, 30007, 30010,
   * 30018/30031, 30020, 30024/30025, 5 (duplicate code), 84/85 (locked), -100 (too long).
   *
   * @param properties COM properties of the new account
   * @return the Toolkit's result with the stored account
   */
  public ToolkitResult add(Map<String, ?> properties) {
    Objects.requireNonNull(properties, "properties");
    return engine.call(connection -> engine.accounts.add(connection, properties, operator, engine.now()));
  }

  /**
   * Changes some properties of an account, as a user editing it in Exchequer or the Toolkit's
   * {@code Update}. Fails with 4 (unknown account), 30032 (anonymised), 84/85 (locked) and the
   * validation codes of {@link #add(Map)}.
   *
   * @param accountCode the account to change
   * @param properties only the properties to change
   * @return the Toolkit's result with the stored account
   */
  public ToolkitResult update(String accountCode, Map<String, ?> properties) {
    Objects.requireNonNull(accountCode, "accountCode");
    Objects.requireNonNull(properties, "properties");
    return engine.call(connection -> engine.accounts.update(connection, accountCode, properties, operator, engine.now()));
  }

  /**
   * Changes the credit limit.
   *
   * @param accountCode the account
   * @param creditLimit the new limit in the account's currency
   * @return the Toolkit's result
   */
  public ToolkitResult setCreditLimit(String accountCode, BigDecimal creditLimit) {
    return update(accountCode, Map.of("acCreditLimit", creditLimit.doubleValue()));
  }

  /**
   * Changes the account status: 0 open, 1 see notes, 2 on hold ("on stop"), 3 closed.
   *
   * @param accountCode the account
   * @param status 0..3
   * @return the Toolkit's result
   */
  public ToolkitResult setStatus(String accountCode, int status) {
    return update(accountCode, Map.of("acAccStatus", status));
  }

  /**
   * Reads an account as the Toolkit returns it.
   *
   * @param accountCode the account code (trailing blanks and case are ignored)
   * @return the account's COM properties, or empty when there is none
   */
  public Optional<Map<String, Object>> get(String accountCode) {
    return engine.read(connection -> engine.accounts.find(connection, accountCode).map(Accounts::record));
  }

  /**
   * Accounts whose {@code acAltCode} equals the given value (the bridge keeps idempotency keys there).
   *
   * @param altCode the alternative code
   * @return the matching accounts, oldest first
   */
  public List<Map<String, Object>> findByAltCode(String altCode) {
    return engine.read(connection -> engine.accounts.findByAltCode(connection, altCode));
  }
}
