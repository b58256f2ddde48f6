package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.exchequer.AccountCodeGenerator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** First four letters of the name plus two digits, the first free one. */
public final class DefaultAccountCodes implements AccountCodeGenerator {
  public static final DefaultAccountCodes INSTANCE = new DefaultAccountCodes();

  private DefaultAccountCodes() {}

  @Override
  public String generate(Account account, Predicate<String> isTaken) {
    String letters = Normalizer.normalize(account.name(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    if (letters.isEmpty()) {
      throw new InvalidRecordException("Account", null, "name",
          "has no letters or digits to make an account code from; give the account a code");
    }
    String stem = (letters + "XXXX").substring(0, 4);
    for (int n = 1; n <= 99; n++) {
      String candidate = stem + (n < 10 ? "0" : "") + n;
      if (!isTaken.test(candidate)) {
        return candidate;
      }
    }
    throw new InvalidRecordException("Account", null, "code", "every code " + stem + "01 to " + stem
        + "99 is taken; give the account a code");
  }

  @Override
  public String toString() {
    return "first four letters of the name + 2 digits";
  }
}
