package dev.taskmanager.mongo.backup;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.ReplaceOptions;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.mongo.adapter.DeletedTasks;
import dev.taskmanager.mongo.adapter.IdSequence;
import dev.taskmanager.mongo.adapter.MongoFailures;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.adapter.MongoTokenStore;
import dev.taskmanager.mongo.adapter.MongoUserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * The second half of a restore, which only goes forward. Once the backup is loaded into staging
 * collections of its own beside the live ones, a journal document names them (the commit); then
 * the sequence moves up to the backup's, each staging collection replaces its live one by a rename,
 * and the journal is dropped. Without transactions (the embedded server has none) this is what
 * makes a restore whole: stopped before the commit, it changed nothing live; stopped after, {@link
 * #finish} completes it, and every program calls it when it opens the store.
 */
public final class InterruptedRestore {

  /**
   * The collections a restore replaces (those of them its backup holds: one written before users and
   * tokens existed leaves them alone); the sequence is moved, not replaced.
   */
  static final List<String> RESTORED = List.of(MongoTaskStore.TASKS, DeletedTasks.COLLECTION, MongoUserStore.COLLECTION,
      MongoTokenStore.COLLECTION);
  static final String JOURNAL = "restore_journal";
  static final String STAGING_PREFIX = "restoring_";
  private static final String THE_RESTORE = "restore";
  private static final String SEQUENCE = "sequence";
  private static final String STAGING = "staging";
  /** On a replica set, a restore reported done survives a failover. */
  private static final WriteConcern DURABLE = WriteConcern.MAJORITY.withJournal(true);

  private InterruptedRestore() {}

  /**
   * Completes a restore that was committed and then stopped; does nothing when there is none.
   *
   * @return whether there was one to complete
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public static boolean finish(MongoDatabase database) {
    return MongoFailures.translate("finishing a restore that was interrupted", () -> {
      MongoCollection<Document> journal = journal(database);
      Document committed = journal.find(eq("_id", THE_RESTORE)).first();
      if (committed == null) {
        return false;
      }
      // First, as it only goes up: a task the app creates meanwhile never takes an id the backup holds.
      new IdSequence(database.getCollection(MongoTaskStore.SETTINGS).withWriteConcern(DURABLE))
          .moveToAtLeast(committed.getLong(SEQUENCE));
      for (String staging : committed.getList(STAGING, String.class)) {
        replace(database, staging, liveOf(staging));
      }
      journal.drop();
      return true;
    });
  }

  /**
   * The commit: from here the restore is finished, by this program or the next to open the store.
   *
   * @param staging the staging collections, named by {@link #stagingNames}
   * @param sequence where the sequence goes: past every id in the backup
   */
  static void commit(MongoDatabase database, List<String> staging, long sequence, Instant backupTaken, Instant now) {
    journal(database).replaceOne(eq("_id", THE_RESTORE), new Document("_id", THE_RESTORE)
            .append(STAGING, staging)
            .append(SEQUENCE, sequence)
            .append("backup_created_at", Date.from(backupTaken))
            .append("committed_at", Date.from(now)),
        new ReplaceOptions().upsert(true));
  }

  /**
   * The staging collections a restore named by this token loads into, one for each live collection
   * and named after it: {@code restoring_<token>_<live>}.
   *
   * @param token letters and digits, no underscore
   */
  static List<String> stagingNames(String token, List<String> live) {
    List<String> names = new ArrayList<>();
    for (String collection : live) {
      names.add(STAGING_PREFIX + token + "_" + collection);
    }
    return names;
  }

  /**
   * The live collection a staging collection replaces: {@code tasks} for {@code
   * restoring_<token>_tasks}. Only one a restore replaces: a journal naming anything else (written
   * by hand, or damaged) must not rename over {@code settings} or another program's collection.
   */
  static String liveOf(String staging) {
    int tokenEnd = staging.indexOf('_', STAGING_PREFIX.length());
    String live = staging.startsWith(STAGING_PREFIX) && tokenEnd > 0 ? staging.substring(tokenEnd + 1) : "";
    if (!RESTORED.contains(live)) {
      throw new TaskStoreException("the journal of an interrupted restore (" + JOURNAL + ") names " + staging
          + ", which replaces no collection a restore replaces; check it, then drop " + JOURNAL);
    }
    return live;
  }

  /** Renames staging over live; a staging collection already gone was renamed by another program. */
  private static void replace(MongoDatabase database, String staging, String live) {
    if (!exists(database, staging)) {
      return;
    }
    try {
      database.getCollection(staging).withWriteConcern(DURABLE).renameCollection(
          new MongoNamespace(database.getName(), live), new RenameCollectionOptions().dropTarget(true));
    } catch (MongoCommandException failed) {
      // The servers differ in the code they give a source that is gone (MongoDB 26, the embedded none).
      if (exists(database, staging)) {
        throw failed;
      }
    }
  }

  private static boolean exists(MongoDatabase database, String collection) {
    Set<String> present = database.listCollectionNames().into(new HashSet<>());
    return present.contains(collection);
  }

  private static MongoCollection<Document> journal(MongoDatabase database) {
    return database.getCollection(JOURNAL).withWriteConcern(DURABLE);
  }
}
