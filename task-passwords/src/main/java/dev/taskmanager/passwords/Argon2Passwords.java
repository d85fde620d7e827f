package dev.taskmanager.passwords;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.SecureString;
import com.password4j.types.Argon2;
import dev.taskmanager.core.account.Passwords;
import java.nio.CharBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The core's {@link Passwords} on libraries made for the job: Argon2id hashes through Password4j,
 * with the parameters OWASP recommends (19 MiB of memory, 2 passes, 1 lane, a 16-byte random salt),
 * written in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so that a hash
 * made with other parameters still checks; and how easy a password is to guess through zxcvbn4j,
 * which knows the common passwords, words, names, keyboard patterns and dates people choose.
 */
public final class Argon2Passwords implements Passwords {

  /** zxcvbn's score is 0 to 4; 3 means more than 10^10 guesses, beyond an attacker who stole the hashes. */
  static final int MIN_SCORE = 3;

  private static final int SALT_BYTES = 16;
  /** zxcvbn's name for the dictionary of the hints it is given. */
  private static final String USER_INPUTS = "user_inputs";

  /**
   * The function new hashes are made with. Password4j's Argon2 function keeps a zeroed copy of its
   * whole memory (19 MiB, copied at each hash) for as long as the process lives, and Password4j
   * keeps every function it made: this one is made at the first hash, not when this class loads, so
   * that a process that never hashes or checks a password (every {@code task} command but those on
   * users, a web app nobody signs in to) never holds it. {@link #matches} gets the same function
   * from Password4j's cache, by the parameters in the hash.
   */
  private static final class NewHashes {
    static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
  }

  @Override
  public String hash(char[] password) {
    SecureString copy = new SecureString(password);
    try {
      return Password.hash(copy).addRandomSalt(SALT_BYTES).with(NewHashes.ARGON2ID).getResult();
    } finally {
      copy.clear();
    }
  }

  @Override
  public boolean matches(char[] password, String hash) {
    Argon2Function function;
    try {
      function = Argon2Function.getInstanceFromHash(hash);
    } catch (RuntimeException notArgon2) {
      return false;
    }
    SecureString copy = new SecureString(password);
    try {
      return Password.check(copy, hash).with(function);
    } finally {
      copy.clear();
    }
  }

  @Override
  public Optional<String> weakness(char[] password, List<String> hints) {
    // A CharBuffer, not Password4j's SecureString: zxcvbn reads toString(), which that one masks (and
    // so the password is in a String until the collector takes it: zxcvbn works on nothing else).
    Strength strength = Judge.ZXCVBN.measure(CharBuffer.wrap(password), hints);
    if (strength.getScore() >= MIN_SCORE) {
      return Optional.empty();
    }
    if (strength.getSequence().stream().anyMatch(match -> USER_INPUTS.equals(match.dictionaryName))) {
      return Optional.of("it is built on the user's name");
    }
    // zxcvbn's advice ("add another word or two") is left out: the rule's "accepted" says as much.
    String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
    return Optional.of(warning == null || warning.isBlank() ? "it follows a pattern guessed early" : sentence(warning));
  }

  /** zxcvbn's "This is a top-10 common password." as a clause: "this is a top-10 common password". */
  private static String sentence(String text) {
    String clause = text.strip();
    if (clause.endsWith(".")) {
      clause = clause.substring(0, clause.length() - 1);
    }
    return clause.isEmpty() ? clause : Character.toLowerCase(clause.charAt(0)) + clause.substring(1);
  }

  /** zxcvbn's dictionaries take a few megabytes: loaded on the first password judged, not at start-up. */
  private static final class Judge {
    static final Zxcvbn ZXCVBN = new Zxcvbn();
  }
}
