package dev.taskmanager.core.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: failed sign-ins are counted per account and per client address.
 * After {@value #FREE_FAILURES} in a row, the next try must wait 1 s, and each failure after that
 * doubles the wait, up to {@link #LONGEST_WAIT}. A success clears the account's and the address's
 * count. Kept in memory for the {@value #MAX_KEYS} most recent keys: per replica, and gone at a
 * restart, which is enough to turn an online guess into a slow one.
 *
 * <p>A try is counted as a failure when it starts ({@link #reserve}), before its password check, and
 * forgiven when it succeeds: a burst of tries sent at once gets no more free ones than tries sent
 * one after another.
 */
public final class SignInThrottle {

  static final int FREE_FAILURES = 5;
  static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  static final int MAX_KEYS = 10_000;

  private final Clock clock;
  private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
      return size() > MAX_KEYS;
    }
  };

  public SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  private record Failures(int count, Instant blockedUntil) {}

  /**
   * Lets a sign-in to this account from this address go now, counting it as failed until it
   * {@link #succeeded}; or, when it must wait, how long (and counts nothing).
   */
  public synchronized Optional<Duration> reserve(String account, String address) {
    Instant now = clock.instant();
    Instant until = later(blockedUntil(accountKey(account)), blockedUntil(addressKey(address)));
    if (until.isAfter(now)) {
      return Optional.of(Duration.between(now, until));
    }
    count(accountKey(account));
    count(addressKey(address));
    return Optional.empty();
  }

  /** The reserved try succeeded: the account's and the address's counts start again. */
  public synchronized void succeeded(String account, String address) {
    failures.remove(accountKey(account));
    failures.remove(addressKey(address));
  }

  private void count(String key) {
    int count = Optional.ofNullable(failures.get(key)).map(Failures::count).orElse(0) + 1;
    Duration wait = count < FREE_FAILURES ? Duration.ZERO
        : Duration.ofSeconds(1L << Math.min(count - FREE_FAILURES, 20));
    if (wait.compareTo(LONGEST_WAIT) > 0) {
      wait = LONGEST_WAIT;
    }
    failures.put(key, new Failures(count, clock.instant().plus(wait)));
  }

  private Instant blockedUntil(String key) {
    Failures counted = failures.get(key);
    return counted == null ? Instant.MIN : counted.blockedUntil();
  }

  private static Instant later(Instant one, Instant other) {
    return one.isAfter(other) ? one : other;
  }

  private static String accountKey(String account) {
    return "account " + account;
  }

  private static String addressKey(String address) {
    return "address " + address;
  }
}
