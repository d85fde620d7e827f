package dev.taskmanager.embeddedmongo.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * The library's H2 backend with real indexes ({@link IndexedDatabase}) and durability by write
 * concern: a write command is answered only once a commit covering it is on disk, unless its write
 * concern says {@code j: false} (or {@code w: 0}); those are saved with the next commit, within a
 * fraction of a second. The library alone commits about once a second in the background and loses
 * the writes of that second to a {@code kill -9}.
 *
 * <p>Commits are grouped ({@link GroupCommit}) and never fall inside a write command ({@link
 * CommitGate}). The MVStore must be opened with auto-commit disabled, so that no background commit
 * makes ours return before its chunk is written, and with a short retention time, so that frequent
 * commits do not keep old chunks and bloat the file.
 *
 * <p>Waiting blocks the netty event loop that runs the command; the server is bound with enough
 * loops that this stalls little else.
 */
public final class DurableBackend extends H2Backend {

  /** Commands that change nothing; every other one, unknown ones included, is a write. */
  private static final Set<String> READS = Set.of(
      "ismaster", "hello", "buildinfo", "ping", "whatsmyuri", "serverstatus", "getlasterror",
      "find", "getmore", "killcursors", "count", "distinct", "listcollections", "listindexes",
      "listdatabases", "dbstats", "collstats", "endsessions", "getparameter", "hostinfo", "explain");

  /** Writes that may build an index, which commits as it goes: no other write may be half done then. */
  private static final Set<String> ALONE = Set.of(
      "createindexes", "dropindexes", "deleteindexes", "drop", "dropdatabase", "renamecollection", "create");

  /**
   * Rewrite the live pages of chunks while they fill less than half the file's chunks, so that the
   * space commits leave behind is reclaimed: at most 1 MiB a round while writers wait (compaction
   * holds them up: it commits), 16 MiB when the store is idle. A million inserts in random index
   * order left the chunks 18 % full (1.7 GB for 270 MB of live data) with 1 MiB rounds alone.
   */
  private static final int COMPACTION_FILL_RATE = 50;
  private static final int COMPACTION_BYTES_BUSY = 1 << 20;
  private static final int COMPACTION_BYTES_IDLE = 4 << 20;
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
  private static final long SETTLING_NANOS = TimeUnit.SECONDS.toNanos(5);
  /**
   * A process that wrote much (an import: two hundred commits of a few megabytes each for 200,000
   * tasks) leaves the space of its commits behind, most of its chunks: 1.7 GB holding 380 MB after
   * a million imported tasks. Closing then rewrites the live pages until the chunks are 60 % live
   * (2 to 3 s for 200,000 tasks), so that the next process (the web app) opens a file it need not
   * compact through its first half minute. Bounded in time: what is left, the next process's
   * maintenance reclaims.
   */
  private static final long COMPACT_ON_CLOSE_AFTER_WRITES = 100;
  private static final int COMPACT_ON_CLOSE_MILLIS = 5_000;
  private static final int COMPACTION_BYTES_ON_CLOSE = 16 << 20;
  private static final int CLOSED_FILL_RATE = 60;

  private final CommitGate gate;
  private final GroupCommit groupCommit;
  private final String fileName;
  private final long writesAtOpen;

  /**
   * Opens every database in the file, building any index that is not complete (a file of an older
   * format has none: {@link FileFormat}).
   */
  public DurableBackend(MVStore mvStore) {
    super(mvStore);
    this.fileName = mvStore.getFileStore().getFileName();
    this.writesAtOpen = mvStore.getFileStore().getWriteCount();
    long opened = System.nanoTime();
    this.gate = new CommitGate();
    this.groupCommit = new GroupCommit("embedded-mongo-committer", () -> gate.alone(mvStore::commit),
        busyWithWrites -> gate.alone(() -> {
          if (mvStore.hasUnsavedChanges()) {
            mvStore.commit();
          }
          boolean busy = busyWithWrites || System.nanoTime() - opened < SETTLING_NANOS;
          mvStore.compact(COMPACTION_FILL_RATE, busy ? COMPACTION_BYTES_BUSY : COMPACTION_BYTES_IDLE);
          if (!busy && mvStore.getFillRate() < FILE_FILL_RATE) {
            mvStore.compactFile(SHRINK_MILLIS);
          }
        }),
        () -> mvStore.hasUnsavedChanges() || mvStore.getFileStore().getChunksFillRate() < COMPACTION_FILL_RATE
            || mvStore.getFillRate() < FILE_FILL_RATE);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    // Called from the library's constructor too, before this class's fields are set: the database
    // reaches the file through getMvStore() alone.
    return new IndexedDatabases(getMvStore()).open(databaseName, getCursorRegistry());
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    String name = command.toLowerCase(Locale.ROOT);
    if (READS.contains(name)) {
      return super.handleCommand(channel, database, command, query);
    }
    Supplier<Document> write = () -> super.handleCommand(channel, database, command, query);
    try {
      return runsAlone(name, query) ? gate.alone(write) : gate.write(write);
    } finally {
      // Also after a failed command: an unordered insert can fail part way, having written the rest.
      if (WriteConcerns.waitsForDisk(query)) {
        awaitDurable();
      }
    }
  }

  /**
   * Whether a command may commit part way, so that no other write may be half done meanwhile: it may
   * build an index, or change many documents ({@code deleteMany}, an update with {@code multi}).
   */
  private static boolean runsAlone(String name, Document query) {
    if (ALONE.contains(name)) {
      return true;
    }
    String statements = name.equals("delete") ? "deletes" : name.equals("update") ? "updates" : null;
    if (statements == null || !(query.get(statements) instanceof List<?> list)) {
      return false;
    }
    for (Object statement : list) {
      if (statement instanceof Document each
          && (name.equals("delete") ? each.get("limit") instanceof Number limit && limit.intValue() == 0
              : Boolean.TRUE.equals(each.get("multi")))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    groupCommit.close();
    MVStore mvStore = getMvStore();
    try {
      if (!mvStore.isClosed() && mvStore.getFileStore().getWriteCount() - writesAtOpen >= COMPACT_ON_CLOSE_AFTER_WRITES) {
        compactBeforeClosing(mvStore);
      }
    } finally {
      // Compaction is a saving of space: its failure (a full disk) must not keep the file open.
      super.close();
    }
  }

  /**
   * Rewrites the live pages of sparse chunks into dense ones, within {@link #COMPACT_ON_CLOSE_MILLIS},
   * until {@link #CLOSED_FILL_RATE} or no further gain: each round's commit also rewrites the pages
   * above those it moved, so in a small file the rate can settle below the goal.
   */
  private static void compactBeforeClosing(MVStore mvStore) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COMPACT_ON_CLOSE_MILLIS);
    // No reader is left that needs old versions: the chunks compaction empties may go at once.
    mvStore.setRetentionTime(0);
    int best = mvStore.getFileStore().getChunksFillRate();
    int roundsWithoutGain = 0;
    while (best < CLOSED_FILL_RATE && roundsWithoutGain < 3 && System.nanoTime() < deadline
        && mvStore.compact(CLOSED_FILL_RATE, COMPACTION_BYTES_ON_CLOSE)) {
      mvStore.commit();
      int fillRate = mvStore.getFileStore().getChunksFillRate();
      roundsWithoutGain = fillRate > best ? 0 : roundsWithoutGain + 1;
      best = Math.max(best, fillRate);
    }
  }

  /** Stops committing, for a file that failed to open: its caller closes the file without saving. */
  public void abandon() {
    groupCommit.close();
  }

  private void awaitDurable() {
    try {
      groupCommit.awaitDurable();
    } catch (GroupCommit.NotDurableException notSaved) {
      // The client gets an error instead of an acknowledgement, saying why in the system's words.
      String why = notSaved.getCause() == null ? "" : ": " + FileFailures.reason(notSaved);
      throw new MongoServerException(notSaved.getMessage() + " (" + fileName + why + ")", notSaved);
    }
  }
}
