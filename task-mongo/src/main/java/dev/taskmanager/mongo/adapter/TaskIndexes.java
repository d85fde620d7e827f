package dev.taskmanager.mongo.adapter;

import static com.mongodb.client.model.Accumulators.sum;
import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.limit;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Aggregates.sort;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import dev.taskmanager.core.model.TaskRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The indexes the store relies on: the unique one on {@code tasks.id} that ID rule 2 leans on; those
 * the listings are read from, each serving a filter's equalities and ranges on its first fields and
 * the order on the rest ({@code (priority, id)}; {@code (done_at, due, priority desc, id)} for open
 * or done tasks by due day, today's, overdue or in a range of days; the same behind {@code tags} for
 * a tag's; {@code (done_at, id)} for tasks by completion); and the unique one on {@code
 * settings.name} that keeps two first creates from both inserting a sequence document. Another
 * program may drop them (the tutorial app's reset drops both collections): {@link #ensure} puts back
 * whatever is missing and does nothing, beyond one read per collection, when all are there.
 */
final class TaskIndexes {

  private static final int DUPLICATES_SHOWN = 20;
  /** The unique index on the task id, by key pattern: also the hint of every create. */
  static final Document BY_ID = new Document(TaskDocuments.ID, 1);
  private static final Document BY_PRIORITY = new Document(TaskDocuments.PRIORITY, 1).append(TaskDocuments.ID, 1);
  private static final Document BY_STATE_AND_DUE = new Document(TaskDocuments.DONE_AT, 1)
      .append(TaskDocuments.DUE, 1).append(TaskDocuments.PRIORITY, -1).append(TaskDocuments.ID, 1);
  private static final Document BY_TAG = new Document(TaskDocuments.TAGS, 1).append(TaskDocuments.DONE_AT, 1)
      .append(TaskDocuments.DUE, 1).append(TaskDocuments.PRIORITY, -1).append(TaskDocuments.ID, 1);
  private static final Document BY_COMPLETION = new Document(TaskDocuments.DONE_AT, 1).append(TaskDocuments.ID, 1);
  private static final List<Document> LISTINGS = List.of(BY_PRIORITY, BY_STATE_AND_DUE, BY_TAG, BY_COMPLETION);
  private static final Document BY_NAME = new Document(IdSequence.NAME, 1);
  private static final String COUNT = "count";

  private TaskIndexes() {}

  /**
   * Creates the indexes that are missing. Looks before it writes: a store already prepared opens
   * with reads alone, so a command that only reads works on a full disk.
   *
   * @throws DuplicateTaskIdsException when stored tasks share ids; then nothing was changed
   */
  static void ensure(MongoCollection<Document> tasks, MongoCollection<Document> settings) {
    Set<Document> taskIndexes = indexKeysOf(tasks);
    if (!taskIndexes.contains(unique(BY_ID))) {
      createUniqueIdIndex(tasks);
    }
    for (Document listing : LISTINGS) {
      if (!taskIndexes.contains(listing)) {
        tasks.createIndex(listing);
      }
    }
    if (!indexKeysOf(settings).contains(unique(BY_NAME))) {
      settings.createIndex(BY_NAME, new IndexOptions().unique(true));
    }
  }

  /**
   * Stores the priority the tutorial app left out as the 0 it means: sorting puts a missing priority
   * before 0 while the store reads it as 0, and pages by priority would skip such tasks. A query the
   * index on {@code (priority, id)} answers, so it costs nothing when there are none.
   */
  static void fillMissingPriorities(MongoCollection<Document> tasks) {
    Bson noPriority = eq(TaskDocuments.PRIORITY, null);
    if (tasks.find(noPriority).limit(1).first() != null) {
      tasks.updateMany(noPriority, set(TaskDocuments.PRIORITY, TaskRules.DEFAULT_PRIORITY));
    }
  }

  /** The key patterns of a collection's indexes, unique ones marked as such by {@link #unique}. */
  private static Set<Document> indexKeysOf(MongoCollection<Document> collection) {
    Set<Document> keys = new HashSet<>();
    for (Document index : collection.listIndexes()) {
      Document key = index.get("key", Document.class);
      keys.add(Boolean.TRUE.equals(index.get("unique")) ? unique(key) : key);
    }
    return keys;
  }

  private static Document unique(Document key) {
    return new Document("unique", key);
  }

  private static void createUniqueIdIndex(MongoCollection<Document> tasks) {
    try {
      tasks.createIndex(BY_ID, new IndexOptions().unique(true));
    } catch (MongoException failed) {
      // A real MongoDB reports it as a failed command, the embedded server as a failed write.
      if (ErrorCategory.fromErrorCode(failed.getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw failed;
      }
      List<Long> shared = new ArrayList<>();
      for (Document group : tasks.aggregate(List.of(
          group("$" + TaskDocuments.ID, sum(COUNT, 1)),
          match(gt(COUNT, 1)),
          sort(new Document("_id", 1)),
          limit(DUPLICATES_SHOWN + 1)))) {
        shared.add(((Number) group.get("_id")).longValue());
      }
      boolean more = shared.size() > DUPLICATES_SHOWN;
      throw new DuplicateTaskIdsException(
          tasks.getNamespace().getFullName(), more ? shared.subList(0, DUPLICATES_SHOWN) : shared, more);
    }
  }
}
