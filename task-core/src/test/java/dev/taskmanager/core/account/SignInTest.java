package dev.taskmanager.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.contract.TestPasswords;
import dev.taskmanager.core.memory.InMemoryUserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInTest {

  private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    Instant now = START;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /** The test passwords, counting the hashes and checks made. */
  private static class CountingPasswords implements Passwords {
    final TestPasswords passwords = new TestPasswords();
    final AtomicInteger hashes = new AtomicInteger();
    final AtomicInteger checks = new AtomicInteger();

    @Override
    public String hash(char[] password) {
      hashes.incrementAndGet();
      return passwords.hash(password);
    }

    @Override
    public boolean matches(char[] password, String hash) {
      checks.incrementAndGet();
      return passwords.matches(password, hash);
    }

    @Override
    public Optional<String> weakness(char[] password, List<String> hints) {
      return passwords.weakness(password, hints);
    }
  }

  private final TestClock clock = new TestClock();
  private final InMemoryUserStore users = new InMemoryUserStore();
  private final CountingPasswords passwords = new CountingPasswords();
  private final SignIn signIn = new SignIn(users, passwords, new SignInThrottle(clock), clock);

  @BeforeEach
  void ann() {
    users.add(User.added("ann", Role.EDITOR, passwords.hash("violet-tram-oyster".toCharArray()), START));
  }

  private SignIn.Outcome attempt(String name, String password, String address) {
    return signIn.signIn(name, password.toCharArray(), address);
  }

  @Test
  void theRightPasswordSignsInAndNotesWhen() {
    clock.now = START.plusSeconds(30);

    SignIn.Outcome outcome = attempt("ann", "violet-tram-oyster", "192.0.2.1");

    assertThat(outcome).isInstanceOfSatisfying(SignIn.SignedIn.class,
        signedIn -> assertThat(signedIn.user().name()).isEqualTo("ann"));
    assertThat(users.find("ann").orElseThrow().lastSignInAt()).contains(START.plusSeconds(30));
  }

  @Test
  void checkingAPasswordNotesNoSignIn() {
    assertThat(signIn.check("ann", "violet-tram-oyster".toCharArray(), "192.0.2.1")).isInstanceOf(SignIn.SignedIn.class);

    assertThat(users.find("ann").orElseThrow().lastSignInAt()).isEmpty();
  }

  @Test
  void theDecoyIsMadeAtTheFirstCheckOfAKnownNameAsOfAnUnknownOne() {
    for (String name : List.of("ann", "nobody")) {
      CountingPasswords counted = new CountingPasswords();
      SignIn fresh = new SignIn(users, counted, new SignInThrottle(clock), clock);
      assertThat(counted.hashes.get()).describedAs("hashes made at start").isZero();

      fresh.signIn(name, "wrong-password".toCharArray(), "192.0.2.1");
      fresh.signIn(name, "wrong-password".toCharArray(), "192.0.2.1");

      assertThat(counted.hashes.get()).describedAs("hashes made by two checks of %s", name).isEqualTo(1);
    }
  }

  @Test
  void aWrongPasswordAndAnUnknownNameAreRefusedAlikeAfterOnePasswordCheckEach() {
    passwords.checks.set(0);
    assertThat(attempt("ann", "wrong-password", "192.0.2.1")).isEqualTo(new SignIn.Refused());
    assertThat(attempt("nobody", "violet-tram-oyster", "192.0.2.1")).isEqualTo(new SignIn.Refused());
    assertThat(attempt("Not A Name", "violet-tram-oyster", "192.0.2.1")).isEqualTo(new SignIn.Refused());

    assertThat(passwords.checks.get()).isEqualTo(3);
    assertThat(users.find("ann").orElseThrow().lastSignInAt()).isEmpty();
  }

  @Test
  void afterFiveFailuresInARowEachTryWaitsTwiceAsLong() {
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      assertThat(attempt("ann", "wrong-" + i, "192.0.2.1")).isEqualTo(new SignIn.Refused());
    }

    assertThat(attempt("ann", "violet-tram-oyster", "192.0.2.1"))
        .isEqualTo(new SignIn.Throttled(Duration.ofSeconds(1)));
    int checks = passwords.checks.get();
    clock.now = clock.now.plusSeconds(1);
    assertThat(attempt("ann", "wrong-6", "192.0.2.1")).isEqualTo(new SignIn.Refused());
    assertThat(attempt("ann", "violet-tram-oyster", "192.0.2.1"))
        .isEqualTo(new SignIn.Throttled(Duration.ofSeconds(2)));
    assertThat(passwords.checks.get()).describedAs("a throttled try checks no password").isEqualTo(checks + 1);
  }

  @Test
  void theAccountIsThrottledFromEveryAddressAndTheAddressForEveryAccount() {
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      attempt("ann", "wrong-" + i, "192.0.2." + i);
    }
    assertThat(attempt("ann", "violet-tram-oyster", "198.51.100.7")).isInstanceOf(SignIn.Throttled.class);

    users.add(User.added("bob", Role.VIEWER, passwords.hash("copper-lake-window".toCharArray()), START));
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      attempt("guess" + i, "wrong", "203.0.113.9");
    }
    assertThat(attempt("bob", "copper-lake-window", "203.0.113.9")).isInstanceOf(SignIn.Throttled.class);
    assertThat(attempt("bob", "copper-lake-window", "203.0.113.10")).isInstanceOf(SignIn.SignedIn.class);
  }

  @Test
  void aSuccessClearsTheCountAndTheWaitNeverPassesFifteenMinutes() {
    SignInThrottle throttle = new SignInThrottle(clock);
    for (int i = 0; i < 40; i++) {
      clock.now = clock.now.plus(SignInThrottle.LONGEST_WAIT);
      assertThat(throttle.reserve("ann", "192.0.2.1")).isEmpty();
    }
    assertThat(throttle.reserve("ann", "192.0.2.1")).contains(SignInThrottle.LONGEST_WAIT);

    throttle.succeeded("ann", "192.0.2.1");

    assertThat(throttle.reserve("ann", "192.0.2.1")).isEmpty();
  }

  @Test
  void triesSentAllAtOnceGetNoMoreFreeOnesThanTriesInARow() throws Exception {
    CountingPasswords slow = new CountingPasswords() {
      @Override
      public boolean matches(char[] password, String hash) {
        try {
          Thread.sleep(20); // a real check takes a while: the others arrive before it fails
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        return super.matches(password, hash);
      }
    };
    SignIn burst = new SignIn(users, slow, new SignInThrottle(clock), clock);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch ready = new CountDownLatch(1);
    List<Future<SignIn.Outcome>> outcomes = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      String guess = "guess-" + i;
      outcomes.add(pool.submit(() -> {
        ready.await();
        return burst.signIn("ann", guess.toCharArray(), "192.0.2.1");
      }));
    }
    ready.countDown();
    int refused = 0;
    for (Future<SignIn.Outcome> outcome : outcomes) {
      refused += outcome.get() instanceof SignIn.Refused ? 1 : 0;
    }
    pool.shutdown();

    assertThat(refused).isEqualTo(SignInThrottle.FREE_FAILURES);
    assertThat(slow.checks.get()).isEqualTo(SignInThrottle.FREE_FAILURES);
  }

  @Test
  void junkNamesShareOneAccountInTheThrottle() {
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      attempt("Junk " + i + "x".repeat(1000), "wrong", "192.0.2." + i);
    }

    assertThat(attempt("Other Junk", "wrong", "198.51.100.1")).isInstanceOf(SignIn.Throttled.class);
    assertThat(attempt("ann", "violet-tram-oyster", "198.51.100.1")).isInstanceOf(SignIn.SignedIn.class);
  }
}
