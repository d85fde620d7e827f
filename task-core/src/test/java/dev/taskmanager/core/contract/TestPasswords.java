package dev.taskmanager.core.contract;

import dev.taskmanager.core.account.Passwords;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link Passwords} for the core's own tests, which run without the hashing library: a readable
 * "hash" (never for real use) and a two-item list of common passwords. The real one is tested in
 * task-passwords.
 */
public final class TestPasswords implements Passwords {

  @Override
  public String hash(char[] password) {
    return "test$" + new StringBuilder(new String(password)).reverse();
  }

  @Override
  public boolean matches(char[] password, String hash) {
    return hash.equals(hash(password));
  }

  @Override
  public Optional<String> weakness(char[] password, List<String> hints) {
    String text = new String(password).toLowerCase(Locale.ROOT);
    if (text.equals("password123") || text.equals("qwertyuiop")) {
      return Optional.of("it is one of the most common passwords");
    }
    return hints.stream().filter(hint -> text.contains(hint.toLowerCase(Locale.ROOT))).findFirst()
        .map(hint -> "it is built on the user's name");
  }
}
