package dev.taskmanager.embeddedmongo.storage;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Makes writes durable in groups: a writer waits until a commit that started after its write has
 * finished, and one committer thread commits for every writer waiting, so concurrent writers share
 * the cost of a commit instead of queueing for one each.
 *
 * <p>Writes are numbered when they are done, before the committer reads the number its commit will
 * cover: a commit covering number {@code n} started after writes 1 to {@code n} were made.
 *
 * <p>Every 200 ms or so the committer also runs maintenance (compaction, and a commit of the writes
 * nobody waits for) when there were commits or {@code due} says there is work, telling it whether
 * the store is busy, so that it does little then and more when the store is idle.
 */
final class GroupCommit implements AutoCloseable {

  /** Why a write cannot be acknowledged. */
  static final class NotDurableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotDurableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static final long MAINTENANCE_INTERVAL_MILLIS = 200;

  /** Keeping the file in shape between commits. */
  @FunctionalInterface
  interface Maintenance {
    /**
     * @param busy whether writes came in since the last round or wait now: do little. Whether a
     *     writer waits at this instant alone says little: under steady load from a few clients
     *     there is often none, and heavy work then (reading and moving chunks) stalled them all.
     */
    void run(boolean busy);
  }

  private final Runnable commit;
  private final Maintenance maintenance;
  private final BooleanSupplier due;
  private final LongSupplier nanoClock;
  private final Thread committer;
  private final Object lock = new Object();
  /** The number of the latest write done. */
  private long done;
  /** Every write numbered up to this has had its commit, successful or not. */
  private long answered;
  /** Every write numbered up to this is on disk. */
  private long durable;
  private RuntimeException lastFailure;
  private boolean closed;
  private boolean stopped;

  /**
   * @param commit writes every change made so far to disk; only ever called by the committer thread
   * @param maintenance called on the committer thread every 200 ms or so while writes come in, to
   *     compact the file and save what is unsaved
   * @param due whether maintenance has work without commits (unsaved changes, space to reclaim)
   */
  GroupCommit(String threadName, Runnable commit, Maintenance maintenance, BooleanSupplier due) {
    this(threadName, commit, maintenance, due, System::nanoTime);
  }

  /**
   * @param nanoClock the time in nanoseconds, as {@link System#nanoTime} counts it, by which
   *     maintenance is found due; tests pass a clock they move themselves
   */
  GroupCommit(String threadName, Runnable commit, Maintenance maintenance, BooleanSupplier due, LongSupplier nanoClock) {
    this.commit = commit;
    this.maintenance = maintenance;
    this.due = due;
    this.nanoClock = nanoClock;
    this.committer = new Thread(this::commitUntilClosed, threadName);
    committer.setDaemon(true);
    committer.start();
  }

  /**
   * Waits until everything written so far, by any thread, is on disk. Call it after a write and
   * before acknowledging it.
   *
   * @throws NotDurableException when the commit failed or the store closed first
   */
  void awaitDurable() {
    synchronized (lock) {
      long write = ++done;
      lock.notifyAll();
      while (answered < write) {
        if (stopped) {
          throw new NotDurableException("the store closed before the write was saved to disk", null);
        }
        try {
          lock.wait();
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new NotDurableException("interrupted before the write was saved to disk", interrupted);
        }
      }
      if (durable < write) {
        throw new NotDurableException("the write could not be saved to disk", lastFailure);
      }
    }
  }

  /** Commits what is waiting, then stops the committer. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    try {
      committer.join();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void commitUntilClosed() {
    long lastMaintenance = nanoClock.getAsLong();
    boolean committedSinceMaintenance = false;
    while (true) {
      long target;
      synchronized (lock) {
        if (done == answered && !closed) {
          waitQuietly(MAINTENANCE_INTERVAL_MILLIS);
        }
        if (done == answered && closed) {
          stopped = true;
          lock.notifyAll();
          return;
        }
        target = done;
      }
      if (target > answered()) {
        commitUpTo(target);
        committedSinceMaintenance = true;
      }
      long now = nanoClock.getAsLong();
      if (now - lastMaintenance >= TimeUnit.MILLISECONDS.toNanos(MAINTENANCE_INTERVAL_MILLIS)) {
        // The interval runs from the round's start: the clock may move while the round runs.
        lastMaintenance = now;
        if (committedSinceMaintenance || due.getAsBoolean()) {
          runMaintenance(committedSinceMaintenance);
        }
        committedSinceMaintenance = false;
      }
    }
  }

  private void commitUpTo(long target) {
    RuntimeException failure = null;
    try {
      commit.run();
    } catch (RuntimeException failed) {
      failure = failed;
    }
    synchronized (lock) {
      answered = target;
      if (failure == null) {
        durable = target;
      } else {
        lastFailure = failure;
      }
      lock.notifyAll();
    }
  }

  private boolean writesWaiting() {
    synchronized (lock) {
      return done > answered;
    }
  }

  private long answered() {
    synchronized (lock) {
      return answered;
    }
  }

  private void waitQuietly(long millis) {
    try {
      lock.wait(millis);
    } catch (InterruptedException ignored) {
      // Nothing interrupts the committer on purpose; close() is how it stops, after a last commit.
    }
  }

  private void runMaintenance(boolean committedSinceLastRound) {
    try {
      maintenance.run(committedSinceLastRound || writesWaiting());
    } catch (RuntimeException ignored) {
      // Compaction only saves space; the next round tries again.
    }
  }
}
