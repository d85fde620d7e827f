package dev.taskmanager.web.access;

import dev.taskmanager.core.account.Passwords;
import dev.taskmanager.web.http.HttpException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Password checks, a few at a time. Each Argon2id check takes about 19 MiB and a CPU core for a
 * moment; a burst of sign-ins on every worker thread at once would take the heap of a small
 * container. The others wait their turn, in order, for up to {@link #LONGEST_WAIT}; after that the
 * sign-in gets a 503 with {@code Retry-After}, and the worker thread is free for the other pages.
 */
public final class BoundedPasswords implements Passwords {

  /** Password checks at once: enough for people signing in, few enough for a 128 MiB heap. */
  static final int AT_ONCE = 2;
  static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

  private final Passwords passwords;
  private final Semaphore turns = new Semaphore(AT_ONCE, true);

  public BoundedPasswords(Passwords passwords) {
    this.passwords = passwords;
  }

  @Override
  public String hash(char[] password) {
    awaitTurn();
    try {
      return passwords.hash(password);
    } finally {
      turns.release();
    }
  }

  @Override
  public boolean matches(char[] password, String hash) {
    awaitTurn();
    try {
      return passwords.matches(password, hash);
    } finally {
      turns.release();
    }
  }

  private void awaitTurn() {
    boolean turn;
    try {
      turn = turns.tryAcquire(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      turn = false;
    }
    if (!turn) {
      throw HttpException.busy("Too many sign-ins at once; try again in a few seconds.");
    }
  }

  @Override
  public Optional<String> weakness(char[] password, List<String> hints) {
    return passwords.weakness(password, hints);
  }
}
