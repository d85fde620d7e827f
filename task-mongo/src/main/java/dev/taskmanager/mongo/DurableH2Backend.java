package dev.taskmanager.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;

/**
 * The H2 backend made durable: a write command is answered only once a commit covering it is on
 * disk, so a write the client saw acknowledged survives {@code kill -9}. The library alone commits
 * about once a second in the background and loses the writes of that second.
 *
 * <p>Commits are grouped ({@link GroupCommit}); the MVStore must be opened with auto-commit
 * disabled, so that no background commit makes ours return before its chunk is written, and with
 * a retention time of 0, so that frequent commits do not keep old chunks and bloat the file.
 *
 * <p>Its maps keep documents, index keys and positions as BSON ({@link BsonDataType}), and
 * collections named {@code tasks} keep their documents in page order ({@link
 * OrderedTaskCollection}).
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
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new TaskDatabase(databaseName);
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    if (READS.contains(command.toLowerCase(Locale.ROOT)) || takesAnId(command, query)) {
      return super.handleCommand(channel, database, command, query);
    }
    try {
      return super.handleCommand(channel, database, command, query);
    } finally {
      // Also after a failed command: an unordered insert can fail part way, having written the rest.
      awaitDurable();
    }
  }

  /**
   * Taking an id from the sequence (ID rule 2's findAndModify on {@code settings}) need not wait for
   * a commit of its own: the insert that stores the task under that id waits for one, and a commit
   * covers every change made before it, the sequence's included. Should the process die in between,
   * the id was never stored nor acknowledged with a task, so handing it out again reuses nothing
   * (ID rule 3). This halves the commits a create waits for.
   */
  private static boolean takesAnId(String command, Document query) {
    // The command's document names the collection under the command's own name.
    return command.equalsIgnoreCase("findAndModify") && MongoTaskStore.SETTINGS.equals(query.get(command));
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

  /**
   * An H2 database whose maps are kept in BSON ({@link BsonDataType}) and whose {@code tasks}
   * collection is ordered. An inner class on purpose: the library opens the stored collections from
   * inside its constructor, before a subclass's own fields are set, and an inner class's reference
   * to its backend (hence the MVStore) is set before that.
   */
  private final class TaskDatabase extends H2Database {

    /** The library's names for a collection's maps, as H2Database opens them. */
    private static final String DOCUMENTS_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";
    private static final String INDEX_MAP_INFIX = "._index_";

    TaskDatabase(String databaseName) {
      super(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      String fullName = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> documents = openInBson(DOCUMENTS_MAP_PREFIX + fullName);
      if (!collectionName.equals(MongoTaskStore.TASKS)) {
        // The library opens the map by its name and gets the one opened here, with its types.
        return super.openOrCreateCollection(collectionName, options);
      }
      return new OrderedTaskCollection(this, collectionName, options, documents,
          getMvStore().openMap(META_MAP_PREFIX + fullName), cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      openInBson(getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName);
      return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    private <K, V> MVMap<K, V> openInBson(String mapName) {
      MVStore mvStore = getMvStore();
      MVMap.Builder<K, V> builder = new MVMap.Builder<K, V>().valueType(bsonType());
      if (StorageFormat.hasBsonKeys(mvStore)) {
        builder.keyType(bsonType());
      }
      return mvStore.openMap(mapName, builder);
    }

    @SuppressWarnings("unchecked")
    private <T> DataType<T> bsonType() {
      return (DataType<T>) new BsonDataType();
    }
  }
}
