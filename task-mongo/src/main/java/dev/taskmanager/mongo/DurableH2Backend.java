package dev.taskmanager.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend made durable: a write command is answered only once a commit covering it is on
 * disk, so a write the client saw acknowledged survives {@code kill -9}. The library alone commits
 * about once a second in the background and loses the writes of that second.
 *
 * <p>Commits are grouped ({@link GroupCommit}); the MVStore must be opened with auto-commit
 * disabled, so that no background commit makes ours return before its chunk is written, and with
 * a retention time of 0, so that frequent commits do not keep old chunks and bloat the file.
 *
 * <p>Waiting blocks the netty event loop that runs the command; the server is bound with enough
 * loops that this stalls little else.
 */
final class DurableH2Backend extends H2Backend {

  /** Commands that change nothing; every other one, unknown ones included, waits for its commit. */
  private static final Set<String> READS = Set.of(
      "ismaster", "hello", "buildinfo", "ping", "whatsmyuri", "serverstatus", "getlasterror",
      "find", "getmore", "killcursors", "count", "distinct", "listcollections", "listindexes",
      "listdatabases", "dbstats", "collstats", "endsessions", "getparameter", "hostinfo");

  /** Rewrite chunks under half full, at most 1 MiB per round: keeps the file from growing per commit. */
  private static final int COMPACTION_FILL_RATE = 50;
  private static final int COMPACTION_BYTES = 1 << 20;

  private final GroupCommit groupCommit;
  private final String fileName;

  DurableH2Backend(MVStore mvStore) {
    super(mvStore);
    this.fileName = mvStore.getFileStore().getFileName();
    this.groupCommit = new GroupCommit("task-mongo-committer", mvStore::commit,
        () -> mvStore.compact(COMPACTION_FILL_RATE, COMPACTION_BYTES));
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    if (READS.contains(command.toLowerCase(Locale.ROOT))) {
      return super.handleCommand(channel, database, command, query);
    }
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      // Also after a failed command: an unordered insert can fail part way, having written the rest.
      awaitDurable();
    }
  }

  @Override
  public void close() {
    groupCommit.close();
    super.close();
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
