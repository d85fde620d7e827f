package dev.taskmanager.embeddedmongo.storage;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.h2.mvstore.MVStore;

/**
 * Reclaims the space that commits leave behind in the file, without ever giving up the retention
 * time the file was opened with.
 *
 * <p>That time (counted from a chunk's writing) keeps the blocks of chunks just written from being
 * reused at once: at 0, H2 may reuse a chunk's blocks while the chunk map on disk still lists it
 * (h2database#2752, #4083), and a crash then may cost writes or leave a file that does not open.
 * H2's {@code compactFile} sets it to 0 for its own rounds (100 ms here) and leaves it there; here
 * it is restored at once. Compaction on close runs with it too, as the process may be killed while
 * it closes; only H2's own last commit in {@code close()} runs at 0.
 */
final class Compaction {

  /**
   * Rewrite the live pages of chunks while they fill less than half the file's chunks, so that the
   * space commits leave behind is reclaimed: at most 1 MiB a round while writers wait (compaction
   * holds them up: it commits), 4 MiB when the store is idle. A million inserts in random index
   * order left the chunks 18 % full (1.7 GB for 270 MB of live data) with 1 MiB rounds alone.
   */
  private static final int FILL_RATE = 50;
  private static final int BYTES_BUSY = 1 << 20;
  private static final int BYTES_IDLE = 4 << 20;
  /**
   * Reclaimed space is reused by later commits but stays in the file; when less than 40 % of the
   * file is used and the store idle, chunks move to its start and it shrinks, 100 ms a round. Not
   * at half: an import leaves the file about half used (compaction on close appends the pages it
   * rewrites), and moving its chunks kept the app busy through its first minute for space that
   * later writes reuse anyway.
   */
  private static final int FILE_FILL_RATE = 40;
  private static final int SHRINK_MILLIS = 100;
  /** The first seconds after opening belong to the clients starting up: compaction waits. */
  static final long SETTLING_NANOS = TimeUnit.SECONDS.toNanos(5);
  /**
   * A process that wrote much (an import: two hundred commits of a few megabytes each for 200,000
   * tasks) leaves the space of its commits behind, most of its chunks: 1.7 GB holding 380 MB after
   * a million imported tasks. Closing then rewrites the live pages until the chunks are 60 % live
   * (2 to 3 s for 200,000 tasks), so that the next process (the web app) opens a file it need not
   * compact through its first half minute. Bounded in time: what is left, the next process's
   * maintenance reclaims.
   */
  private static final long ON_CLOSE_AFTER_WRITES = 100;
  private static final int ON_CLOSE_MILLIS = 5_000;
  private static final int BYTES_ON_CLOSE = 16 << 20;
  private static final int CLOSED_FILL_RATE = 60;

  private final MVStore mvStore;
  private final int retentionMillis;
  private final LongSupplier nanoClock;
  private final long opened;
  private final long writesAtOpen;
  /** When a round last saw writes come in (at most a maintenance interval after the write). */
  private volatile long lastWrites;

  /** For a store opened with the retention time it must keep. */
  Compaction(MVStore mvStore) {
    this(mvStore, System::nanoTime);
  }

  /** @param nanoClock the time as {@link System#nanoTime} counts it; tests move their own */
  Compaction(MVStore mvStore, LongSupplier nanoClock) {
    this.mvStore = mvStore;
    this.nanoClock = nanoClock;
    this.opened = nanoClock.getAsLong();
    this.lastWrites = opened;
    this.retentionMillis = mvStore.getRetentionTime();
    this.writesAtOpen = mvStore.getFileStore().getWriteCount();
  }

  /** Whether there is space to reclaim. */
  boolean due() {
    return mvStore.getFileStore().getChunksFillRate() < FILL_RATE || mvStore.getFillRate() < FILE_FILL_RATE;
  }

  /**
   * One round: a little while writes come in, more when the store is idle, and the file shrunk
   * only then. The caller holds writes off: compaction commits.
   */
  void step(boolean busyWithWrites) {
    long now = nanoClock.getAsLong();
    if (busyWithWrites) {
      lastWrites = now;
    }
    boolean busy = busyWithWrites || now - opened < SETTLING_NANOS;
    mvStore.compact(FILL_RATE, busy ? BYTES_BUSY : BYTES_IDLE);
    if (!busy && mvStore.getFillRate() < FILE_FILL_RATE) {
      try {
        mvStore.compactFile(SHRINK_MILLIS);
      } finally {
        mvStore.setRetentionTime(retentionMillis);
      }
    }
  }

  /**
   * After many writes by this process, rewrites the live pages of sparse chunks into dense ones,
   * within {@link #ON_CLOSE_MILLIS}, until {@link #CLOSED_FILL_RATE} or no further gain: each round's
   * commit also rewrites the pages above those it moved, so in a small file the rate can settle
   * below the goal.
   *
   * <p>H2 rewrites only chunks older than the retention time, and frees an emptied chunk only after
   * {@code versionsToKeep} (5) more commits, which a closing store will not make. So when nothing
   * could be rewritten and writes came in less than the retention time ago (an import closing),
   * this waits until their chunks are old enough, once; and it keeps no old versions: no reader is
   * left that needs them (H2's own database keeps none), and the retention time still guards the
   * file against a kill while it closes.
   */
  void beforeClosing() {
    if (mvStore.isClosed() || mvStore.getFileStore().getWriteCount() - writesAtOpen < ON_CLOSE_AFTER_WRITES) {
      return;
    }
    long deadline = nanoClock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(ON_CLOSE_MILLIS);
    mvStore.setVersionsToKeep(0);
    int best = mvStore.getFileStore().getChunksFillRate();
    int roundsWithoutGain = 0;
    boolean waited = false;
    while (best < CLOSED_FILL_RATE && roundsWithoutGain < 3 && nanoClock.getAsLong() < deadline) {
      if (!mvStore.compact(CLOSED_FILL_RATE, BYTES_ON_CLOSE)) {
        if (waited || !waitForRecentChunks(deadline)) {
          return;
        }
        waited = true;
        continue;
      }
      mvStore.commit();
      int fillRate = mvStore.getFileStore().getChunksFillRate();
      roundsWithoutGain = fillRate > best ? 0 : roundsWithoutGain + 1;
      best = Math.max(best, fillRate);
    }
  }

  /**
   * Waits until chunks written by the last writes this process saw are older than the retention
   * time, within the deadline. False when there were none that recent, when the deadline leaves no
   * time, or when interrupted: the file must close now.
   */
  private boolean waitForRecentChunks(long deadline) {
    long now = nanoClock.getAsLong();
    long sinceWrites = TimeUnit.NANOSECONDS.toMillis(now - lastWrites);
    long wait = Math.min(retentionMillis + GroupCommit.MAINTENANCE_INTERVAL_MILLIS - sinceWrites,
        TimeUnit.NANOSECONDS.toMillis(deadline - now));
    if (wait <= 0) {
      return false;
    }
    try {
      Thread.sleep(wait);
      return true;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
