package dev.taskmanager.embeddedmongo.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  private static final long MAINTENANCE_INTERVAL = TimeUnit.MILLISECONDS.toNanos(GroupCommit.MAINTENANCE_INTERVAL_MILLIS);

  /** Stands for the store: writes raise {@code made}; a commit copies it to {@code onDisk}. */
  private final AtomicLong made = new AtomicLong();
  private final AtomicLong onDisk = new AtomicLong();
  private final AtomicInteger commits = new AtomicInteger();

  private void slowCommit() {
    long covered = made.get();
    sleep(2);
    onDisk.set(covered);
    commits.incrementAndGet();
  }

  @Test
  void acknowledgesEveryWriteOnlyOnceACommitCoversItAndSharesCommitsAmongWriters() throws Exception {
    int writers = 8;
    int writesEach = 100;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (GroupCommit groupCommit = new GroupCommit("test-committer", this::slowCommit, busy -> {}, () -> false)) {
      List<Callable<Boolean>> work = new ArrayList<>();
      for (int writer = 0; writer < writers; writer++) {
        work.add(() -> {
          for (int i = 0; i < writesEach; i++) {
            long mine = made.incrementAndGet();
            groupCommit.awaitDurable();
            if (onDisk.get() < mine) {
              return false;
            }
          }
          return true;
        });
      }
      for (Future<Boolean> result : pool.invokeAll(work)) {
        assertThat(result.get()).describedAs("every acknowledged write was on disk").isTrue();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(commits.get()).describedAs("writers waiting together share a commit").isLessThan(writers * writesEach);
  }

  @Test
  void tellsTheWritersAFailedCommitCoveredAndRecoversWithTheNext() {
    AtomicBoolean diskFull = new AtomicBoolean(true);
    Runnable commit = () -> {
      if (diskFull.get()) {
        throw new IllegalStateException("No space left on device");
      }
    };
    try (GroupCommit groupCommit = new GroupCommit("test-committer", commit, busy -> {}, () -> false)) {
      assertThatThrownBy(groupCommit::awaitDurable)
          .isInstanceOf(GroupCommit.NotDurableException.class)
          .hasRootCauseMessage("No space left on device");

      diskFull.set(false);
      groupCommit.awaitDurable();
    }
  }

  @Test
  void runsMaintenanceOnceItsIntervalHasPassedTellingWhetherWritesCameIn() throws Exception {
    AtomicLong clock = new AtomicLong();
    AtomicBoolean due = new AtomicBoolean();
    BlockingQueue<Boolean> rounds = new LinkedBlockingQueue<>();
    try (GroupCommit groupCommit = new GroupCommit("test-committer", () -> {}, rounds::add, due::get, clock::get)) {
      for (int write = 0; write < 3; write++) {
        groupCommit.awaitDurable();
      }
      assertThat(rounds).describedAs("no round before the interval has passed").isEmpty();

      groupCommit.awaitDurable();
      clock.addAndGet(MAINTENANCE_INTERVAL);
      assertThat(rounds.poll(10, TimeUnit.SECONDS)).describedAs("a round after writes came in: busy").isTrue();

      due.set(true);
      clock.addAndGet(MAINTENANCE_INTERVAL);
      assertThat(rounds.poll(10, TimeUnit.SECONDS)).describedAs("a round with work but no write since the last: idle")
          .isFalse();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
