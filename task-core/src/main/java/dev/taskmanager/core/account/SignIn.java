package dev.taskmanager.core.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Signing in with a name and a password. The answer never tells which of the two was wrong, and
 * neither does the time it takes: a name nobody has is checked against a decoy hash made with the
 * same parameters, so it costs one password check like any other. The decoy is made at the first
 * check of any name, before the lookup, so that first check too costs the same whatever the name.
 * Failures are throttled per account and per address ({@link SignInThrottle}); text that cannot be
 * a name counts against one shared account, so that junk never crowds the real names out of the
 * throttle's memory.
 */
public final class SignIn {

  /** What a sign-in came to. */
  public sealed interface Outcome permits SignedIn, Refused, Throttled {}

  /** The name and password are right: this user. */
  public record SignedIn(User user) implements Outcome {}

  /** The name or the password is wrong (which, it never says). */
  public record Refused() implements Outcome {}

  /** Too many failures in a row: try again after this long. */
  public record Throttled(Duration retryAfter) implements Outcome {}

  /** The throttle's account for everything that cannot be a name. */
  private static final String NOT_A_NAME = "(not a name)";

  private final UserStore users;
  private final Passwords passwords;
  private final SignInThrottle throttle;
  private final Clock clock;
  /**
   * Made at the first check, not at start: a hash is slow and memory-hard on purpose, and a process
   * nobody signs in to need not pay for one.
   */
  private volatile String decoy;

  public SignIn(UserStore users, Passwords passwords, SignInThrottle throttle, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.throttle = throttle;
    this.clock = clock;
  }

  /** Checks a name and password from a client at {@code address}; notes the time of a success. */
  public Outcome signIn(String name, char[] password, String address) {
    Outcome outcome = check(name, password, address);
    if (outcome instanceof SignedIn) {
      users.signedIn(name, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
    return outcome;
  }

  /**
   * Checks a name and password as {@link #signIn} does, throttled alike, without noting a sign-in:
   * for confirming the password of someone signed in already (before they change it).
   */
  public Outcome check(String name, char[] password, String address) {
    boolean aName = AccountRules.checkName(name).isEmpty();
    String account = aName ? name : NOT_A_NAME;
    Optional<Duration> wait = throttle.reserve(account, address);
    if (wait.isPresent()) {
      return new Throttled(wait.get());
    }
    // Before the lookup, so that the first check costs the same whether the name exists or not.
    String unknownNamesHash = decoy();
    Optional<User> user = aName ? users.find(name) : Optional.empty();
    boolean matches = passwords.matches(password, user.map(User::passwordHash).orElse(unknownNamesHash));
    if (user.isEmpty() || !matches) {
      return new Refused();
    }
    throttle.succeeded(account, address);
    return new SignedIn(user.get());
  }

  /**
   * The decoy, made now if no check has made one yet. Checks that race at the first make one each
   * and one of them is kept: any is as good, and none waits on a lock for another's hash (the web
   * app bounds how long a check may wait for a turn at hashing).
   */
  private String decoy() {
    String made = decoy;
    if (made == null) {
      made = decoyHash(passwords);
      decoy = made;
    }
    return made;
  }

  /** A hash of a random password nobody knows, with the same parameters as the real ones. */
  private static String decoyHash(Passwords passwords) {
    char[] random = new char[32];
    SecureRandom source = new SecureRandom();
    for (int i = 0; i < random.length; i++) {
      random[i] = (char) ('a' + source.nextInt(26));
    }
    return passwords.hash(random);
  }
}
