package io.github.tandemsync.exchequer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Splits Exchequer's single free-text contact ({@code acContact}, 25 characters) into title,
 * forename and surname, and joins them back. The surname is the last word (or the part before a
 * comma in "Surname, Forename"); a leading courtesy title is recognised from a fixed list.
 */
public final class ContactNames {
  private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir",
      "dame", "lady", "lord", "rev", "revd", "reverend", "fr", "capt", "captain", "col", "major", "maj", "cllr", "hon");

  /** A parsed name; the surname is always present for a non-blank input. */
  public record Parts(Optional<String> title, Optional<String> forename, String surname, String salutation) {}

  private ContactNames() {}

  /** Parses a contact text; empty for blank text. */
  public static Optional<Parts> parse(String text) {
    String full = text.strip().replaceAll("\\s+", " ");
    if (full.isEmpty()) {
      return Optional.empty();
    }
    String body = full;
    Optional<String> title = Optional.empty();
    int space = body.indexOf(' ');
    if (space > 0 && TITLES.contains(body.substring(0, space).replace(".", "").toLowerCase(Locale.ROOT))) {
      title = Optional.of(body.substring(0, space));
      body = body.substring(space + 1).strip();
    }
    int comma = body.indexOf(',');
    if (comma > 0) {
      String surname = body.substring(0, comma).strip();
      String forename = body.substring(comma + 1).strip();
      return Optional.of(new Parts(title, forename.isEmpty() ? Optional.empty() : Optional.of(forename), surname, full));
    }
    int last = body.lastIndexOf(' ');
    if (last < 0) {
      return Optional.of(new Parts(title, Optional.empty(), body, full));
    }
    return Optional.of(new Parts(title, Optional.of(body.substring(0, last).strip()), body.substring(last + 1), full));
  }

  /** The contact text for a title, forename and surname: the non-blank parts joined by spaces. */
  public static String join(Optional<String> title, Optional<String> forename, String surname) {
    List<String> parts = new ArrayList<>(3);
    title.filter(t -> !t.isBlank()).ifPresent(parts::add);
    forename.filter(f -> !f.isBlank()).ifPresent(parts::add);
    if (!surname.isBlank()) {
      parts.add(surname.strip());
    }
    return String.join(" ", parts);
  }
}
