package dev.taskmanager.core.account;

import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.text.Excerpts;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules for users' names and passwords, in one place for the page, the API and the command line. */
public final class AccountRules {

  public static final int NAME_MAX_LENGTH = 64;
  public static final int PASSWORD_MIN_LENGTH = 10;
  /** Enough for any passphrase; bounded so that nobody makes the server hash megabytes. */
  public static final int PASSWORD_MAX_LENGTH = 256;

  static final String NAME_ACCEPTED = "1 to " + NAME_MAX_LENGTH
      + " of a-z, 0-9, '.', '_' and '-', beginning with a letter or a digit";
  static final String PASSWORD_ACCEPTED = PASSWORD_MIN_LENGTH + " to " + PASSWORD_MAX_LENGTH
      + " characters, hard to guess (a few unrelated words do well)";

  /** Lower case only, so that "Ann" and "ann" can never be two people. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private AccountRules() {}

  /** What is wrong with this name, if anything. */
  public static Optional<Violation> checkName(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of(new Violation("name", "is empty", NAME_ACCEPTED));
    }
    if (name.length() > NAME_MAX_LENGTH) {
      return Optional.of(new Violation("name", "has " + name.length() + " characters", NAME_ACCEPTED));
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of(new Violation("name", "is " + Excerpts.quote(name), NAME_ACCEPTED));
    }
    return Optional.empty();
  }

  /**
   * What is wrong with this password for the user of this name, if anything: its length, a control
   * character, or what {@link Passwords#weakness} finds. The password itself is never quoted.
   */
  public static Optional<Violation> checkPassword(char[] password, String name, Passwords passwords) {
    int length = Character.codePointCount(password, 0, password.length);
    if (length < PASSWORD_MIN_LENGTH) {
      return Optional.of(new Violation("password", length == 0 ? "is empty" : "has " + length
          + (length == 1 ? " character" : " characters"), PASSWORD_ACCEPTED));
    }
    if (length > PASSWORD_MAX_LENGTH) {
      return Optional.of(new Violation("password", "has " + length + " characters", PASSWORD_ACCEPTED));
    }
    for (char c : password) {
      if (Character.isISOControl(c)) {
        return Optional.of(new Violation("password", "has a control character (such as a line break)",
            PASSWORD_ACCEPTED + ", without control characters"));
      }
    }
    return passwords.weakness(password, name == null ? List.of() : List.of(name))
        .map(weakness -> new Violation("password", "is easy to guess: " + weakness, PASSWORD_ACCEPTED));
  }
}
