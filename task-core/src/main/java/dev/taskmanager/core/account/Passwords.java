package dev.taskmanager.core.account;

import java.util.List;
import java.util.Optional;

/**
 * How passwords are hashed, checked and judged: a port, since the core uses no library and a
 * password hash is no place for hand-made cryptography. The arrays passed in are the caller's to
 * clear.
 */
public interface Passwords {

  /**
   * A hash to store: salted, deliberately slow, and naming its algorithm and parameters, so that
   * hashes made with other parameters still check.
   */
  String hash(char[] password);

  /** Whether the password is the one this hash was made from; false for a hash it cannot read. */
  boolean matches(char[] password, String hash);

  /**
   * Why the password would be easy to guess, if it would: a common password, a word or a name, a
   * keyboard pattern, a date, or one of the {@code hints} (such as the user's name). Empty when it
   * would not.
   */
  Optional<String> weakness(char[] password, List<String> hints);
}
