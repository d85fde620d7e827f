package dev.taskmanager.embeddedmongo.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * commits do not keep old chunks and bloat the file ({@link Compaction} keeps it).
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

  private final CommitGate gate;
  private final GroupCommit groupCommit;
  private final String fileName;
  private final Compaction compaction;

  /**
   * Opens every database in the file, building any index that is not complete (a file of an older
   * format has none: {@link FileFormat}).
   */
  public DurableBackend(MVStore mvStore) {
    super(mvStore);
    this.fileName = mvStore.getFileStore().getFileName();
    this.compaction = new Compaction(mvStore);
    this.gate = new CommitGate();
    this.groupCommit = new GroupCommit("embedded-mongo-committer", () -> gate.alone(mvStore::commit),
        busyWithWrites -> gate.alone(() -> {
          if (mvStore.hasUnsavedChanges()) {
            mvStore.commit();
          }
          compaction.step(busyWithWrites);
        }),
        () -> mvStore.hasUnsavedChanges() || compaction.due());
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
    try {
      compaction.beforeClosing();
    } finally {
      // Compaction is a saving of space: its failure (a full disk) must not keep the file open.
      super.close();
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
