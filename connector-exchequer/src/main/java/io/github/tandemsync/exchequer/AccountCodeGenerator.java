package io.github.tandemsync.exchequer;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.exchequer.internal.DefaultAccountCodes;
import java.util.function.Predicate;

/**
 * Chooses the Exchequer account code ({@code acCode}, at most 6 characters in keys and the
 * Importer) for a new account that arrives without one. Register your own on
 * {@link ExchequerConnector.Builder#accountCodeGenerator(AccountCodeGenerator)} when the
 * company has its own scheme.
 */
@FunctionalInterface
public interface AccountCodeGenerator {

  /**
   * A code for {@code account} that {@code isTaken} reports free.
   *
   * @param account the new account (its {@code code} is empty)
   * @param isTaken whether a candidate code is already used in Exchequer (or earlier in the same
   *     batch); compare upper-case
   * @return a free code of 1 to 6 characters, upper case
   * @throws io.github.tandemsync.core.InvalidRecordException when no code can be made (names the
   *     field, e.g. {@code name})
   */
  String generate(Account account, Predicate<String> isTaken);

  /**
   * The default scheme: the first four letters or digits of the name, upper-cased (padded with
   * {@code X}), then two digits from 01 to 99, the first that is free: "Abbey Plumbing Ltd" →
   * {@code ABBE01}.
   *
   * @return the default generator
   */
  static AccountCodeGenerator defaultGenerator() {
    return DefaultAccountCodes.INSTANCE;
  }
}
