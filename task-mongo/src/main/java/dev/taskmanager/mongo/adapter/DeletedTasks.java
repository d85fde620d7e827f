package dev.taskmanager.mongo.adapter;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Sorts.orderBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.port.TaskStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Deleted tasks kept aside, in a collection of their own ({@value #COLLECTION}) that the tutorial
 * app never reads: each the task's document as it was, its {@code _id} included, plus {@code
 * deleted_at}. Without transactions (the embedded server has none), a task is copied aside before
 * it is deleted, so a failure in between leaves it in both places, never in neither; the next
 * delete or restore of it mends that.
 */
public final class DeletedTasks {

  public static final String COLLECTION = "deleted_tasks";
  private static final String DELETED_AT = "deleted_at";
  private static final String MONGO_ID = "_id";
  private static final int TASKS_PER_ROUND = 1_000;
  private static final Document BY_TIME = new Document(DELETED_AT, 1);
  private static final Document BY_TASK_ID = new Document(TaskDocuments.ID, 1);

  private final MongoCollection<Document> tasks;
  private final MongoCollection<Document> deleted;

  DeletedTasks(MongoDatabase database, MongoCollection<Document> tasks) {
    this.tasks = tasks;
    this.deleted = database.getCollection(COLLECTION);
  }

  /** Creates the indexes that are missing: by time (listing, purging) and by task id (restoring). */
  void ensureIndexes() {
    List<Document> keys = new ArrayList<>();
    deleted.listIndexes().forEach(index -> keys.add(index.get("key", Document.class)));
    for (Document key : List.of(BY_TIME, BY_TASK_ID)) {
      if (!keys.contains(key)) {
        deleted.createIndex(key);
      }
    }
  }

  /** Deletes the task with this id, keeping it aside; empty when there is none. */
  Optional<Task> delete(long id, Instant now) {
    Document stored = tasks.find(eq(TaskDocuments.ID, id)).first();
    if (stored == null) {
      return Optional.empty();
    }
    keep(List.of(stored), now);
    Document removed = tasks.findOneAndDelete(eq(MONGO_ID, stored.get(MONGO_ID)));
    if (removed == null) {
      // Deleted meanwhile by another writer, who kept it aside too.
      return Optional.empty();
    }
    if (!removed.equals(stored)) {
      // Changed between the copy and the delete: keep what was deleted.
      keep(List.of(removed), now);
    }
    return Optional.of(TaskDocuments.toTask(removed));
  }

  /** Deletes every task with exactly this title, keeping them aside, a bounded round at a time. */
  long deleteByTitle(String title, Instant now) {
    long total = 0;
    while (true) {
      List<Document> round = tasks.find(eq(TaskDocuments.TITLE, title)).limit(TASKS_PER_ROUND).into(new ArrayList<>());
      if (round.isEmpty()) {
        return total;
      }
      keep(round, now);
      List<Object> ids = round.stream().map(document -> document.get(MONGO_ID)).toList();
      total += tasks.deleteMany(in(MONGO_ID, ids)).getDeletedCount();
    }
  }

  /** Puts the most recently deleted task with this id back; empty when none is kept. */
  Optional<Task> restore(long id) {
    Document latest = deleted.find(eq(TaskDocuments.ID, id)).sort(orderBy(descending(DELETED_AT))).first();
    if (latest == null) {
      return Optional.empty();
    }
    Document task = new Document(latest);
    task.remove(DELETED_AT);
    try {
      tasks.insertOne(task);
    } catch (MongoException refused) {
      if (ErrorCategory.fromErrorCode(refused.getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw refused;
      }
      Document holder = tasks.find(eq(TaskDocuments.ID, id)).first();
      boolean sameDocument = holder != null && holder.get(MONGO_ID).equals(task.get(MONGO_ID));
      if (!sameDocument) {
        throw TaskStores.idTakenSinceDeleted(id);
      }
      // A delete that failed between its two steps left it in place: it is back already.
    }
    deleted.deleteOne(eq(MONGO_ID, latest.get(MONGO_ID)));
    return Optional.of(TaskDocuments.toTask(task));
  }

  List<DeletedTask> list(int limit) {
    List<DeletedTask> found = new ArrayList<>(Math.min(limit, 64));
    for (Document document : deleted.find().sort(orderBy(descending(DELETED_AT), descending(MONGO_ID))).limit(limit)) {
      Date at = document.getDate(DELETED_AT);
      found.add(new DeletedTask(TaskDocuments.toTask(document), at.toInstant()));
    }
    return found;
  }

  long purge(Instant before) {
    return deleted.deleteMany(lt(DELETED_AT, Date.from(before))).getDeletedCount();
  }

  void clear() {
    deleted.deleteMany(new Document());
  }

  /** Copies the documents aside under their own {@code _id}: keeping one twice keeps it once. */
  private void keep(List<Document> documents, Instant now) {
    List<WriteModel<Document>> copies = new ArrayList<>(documents.size());
    for (Document document : documents) {
      Document copy = new Document(document).append(DELETED_AT, Date.from(now));
      copies.add(new ReplaceOneModel<>(eq(MONGO_ID, document.get(MONGO_ID)), copy, new ReplaceOptions().upsert(true)));
    }
    deleted.bulkWrite(copies);
  }
}
