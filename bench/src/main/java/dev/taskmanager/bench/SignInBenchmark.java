package dev.taskmanager.bench;

import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.SignIn;
import dev.taskmanager.core.account.SignInThrottle;
import dev.taskmanager.core.account.User;
import dev.taskmanager.core.memory.InMemoryUserStore;
import dev.taskmanager.passwords.Argon2Passwords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A refused sign-in takes as long for a name nobody has as for a real name with a wrong password:
 * each is one Argon2id check (the unknown name's against a decoy hash). The two rows of one run
 * are the peers; their ratio should be 1. The throttle is there, on a clock that moves a day per
 * try, so that it never makes a try wait.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SignInBenchmark {

  private static final char[] WRONG = "not-the-password-9472".toCharArray();

  private SignIn signIn;

  /** A clock a day later at every reading: no failure is recent enough to throttle the next try. */
  private static final class EverLater extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public synchronized Instant instant() {
      now = now.plus(Duration.ofDays(1));
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

  @Setup(Level.Trial)
  public void users() {
    Argon2Passwords passwords = new Argon2Passwords();
    InMemoryUserStore users = new InMemoryUserStore();
    users.add(User.added("ann", Role.EDITOR, passwords.hash("violet-tram-oyster-51".toCharArray()), Instant.EPOCH));
    Clock clock = new EverLater();
    signIn = new SignIn(users, passwords, new SignInThrottle(clock), clock);
  }

  @Benchmark
  public SignIn.Outcome knownNameWrongPassword() {
    return signIn.signIn("ann", WRONG, "192.0.2.1");
  }

  @Benchmark
  public SignIn.Outcome unknownName() {
    return signIn.signIn("nobody", WRONG, "192.0.2.1");
  }
}
