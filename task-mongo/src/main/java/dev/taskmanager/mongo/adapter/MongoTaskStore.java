package dev.taskmanager.mongo.adapter;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.descending;
import static dev.taskmanager.mongo.adapter.TaskDocuments.ID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * A {@link TaskStore} on the MongoDB Java Driver, in the tutorial app's format: collection {@code
 * tasks} of {@code {id, title, shortdesc, priority}} and the id sequence in {@code settings}. The same
 * code serves a real MongoDB and the embedded server.
 *
 * <p>Thread-safe, as the driver's client is. Every failure of the driver surfaces as a {@link
 * TaskStoreException}; the client's timeouts bound how long an unreachable server makes a call wait.
 */
public final class MongoTaskStore implements TaskStore {

  public static final String TASKS = "tasks";
  public static final String SETTINGS = "settings";

  /** MongoDB's code for a hint that names no index, among other bad values. */
  private static final int BAD_VALUE = 2;
  /** Each create that collides with a stored id moves the sequence past all of them; more is a storm. */
  private static final int CREATE_ATTEMPTS = 10;
  private static final int IDS_PER_QUERY = 1_000;
  /**
   * Tasks per write command of an import. Each command is a commit on the embedded store (and
   * a few more when its changes outgrow the store's write buffer), and each commit rewrites the
   * index pages it touched: 10,000 a command made a 200,000-task import 20 % faster than 1,000.
   * Each still ends well within the socket timeout (about 1 s here).
   */
  private static final int TASKS_PER_WRITE = 10_000;

  private final MongoCollection<Document> tasks;
  private final MongoCollection<Document> settings;
  private final IdSequence sequence;
  private final DeletedTasks deleted;

  private MongoTaskStore(MongoDatabase database) {
    this.tasks = database.getCollection(TASKS);
    this.settings = database.getCollection(SETTINGS);
    this.sequence = new IdSequence(settings);
    this.deleted = new DeletedTasks(database, tasks);
  }

  /**
   * A store on this database, made ready for use: the indexes created if missing, the sequence's
   * document seeded, missing priorities stored as the default they stand for.
   *
   * @throws DuplicateTaskIdsException when stored tasks share ids; then nothing was changed
   * @throws TaskStoreException when the database cannot be reached or fails
   */
  public static MongoTaskStore open(MongoDatabase database) {
    MongoTaskStore store = new MongoTaskStore(database);
    MongoFailures.translate("preparing the database " + database.getName(), () -> {
      TaskIndexes.ensure(store.tasks, store.settings);
      store.deleted.ensureIndexes();
      store.sequence.seedIfMissing();
      TaskIndexes.fillMissingPriorities(store.tasks);
    });
    return store;
  }

  @Override
  public Task create(TaskDraft draft, Instant now) {
    return MongoFailures.translate("creating a task", () -> {
      for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
        IdSequence.Taken taken = sequence.take();
        if (taken.fresh()) {
          // The sequence was gone: another program may have dropped the collections, indexes and all.
          TaskIndexes.ensure(tasks, settings);
        }
        Task task = draft.toTask(taken.id(), now);
        if (insertIfFree(task)) {
          return task;
        }
        // ID rule 5: another program stored this id. Jump past every stored id at once.
        sequence.moveToAtLeast(largestStoredId() + 1);
      }
      throw new TaskStoreException("no free id found in " + CREATE_ATTEMPTS
          + " attempts: other programs keep storing tasks under the ids the sequence offers");
    });
  }

  /**
   * Stores the task unless its id is taken, as an upsert on the id that the unique index must serve:
   * it names the index as its hint, so when another program has dropped the index (the tutorial
   * app's reset drops the collection) the server refuses the write instead of storing a second task
   * under the id. The indexes are then put back and the write tried again.
   */
  private boolean insertIfFree(Task task) {
    UpdateOptions upsertByIndex = new UpdateOptions().upsert(true).hint(TaskIndexes.BY_ID);
    for (int attempt = 0; ; attempt++) {
      try {
        return tasks.updateOne(eq(ID, task.id()), TaskDocuments.insertionOf(task), upsertByIndex).getUpsertedId() != null;
      } catch (MongoException refused) {
        if (ErrorCategory.fromErrorCode(refused.getCode()) == ErrorCategory.DUPLICATE_KEY) {
          return false;
        }
        if (refused.getCode() != BAD_VALUE || attempt > 0) {
          throw refused;
        }
        TaskIndexes.ensure(tasks, settings);
      }
    }
  }

  @Override
  public Optional<Task> get(long id) {
    return MongoFailures.translate("reading a task",
        () -> Optional.ofNullable(tasks.find(eq(ID, id)).first()).map(TaskDocuments::toTask));
  }

  @Override
  public List<Task> find(TaskQuery query) {
    return MongoFailures.translate("listing tasks", () -> {
      List<Task> page = new ArrayList<>(Math.min(query.limit(), 64));
      for (TaskQueries.Step step : TaskQueries.steps(query)) {
        tasks.find(step.filter()).sort(step.sort()).limit(query.limit() - page.size())
            .map(TaskDocuments::toTask).into(page);
        if (page.size() == query.limit()) {
          break;
        }
      }
      return page;
    });
  }

  @Override
  public Optional<Task> update(long id, TaskPatch patch, Instant now) {
    if (patch.isEmpty()) {
      return get(id);
    }
    return MongoFailures.translate("updating a task", () -> Optional.ofNullable(
        tasks.findOneAndUpdate(eq(ID, id), TaskDocuments.changes(patch, now),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
        .map(TaskDocuments::toTask));
  }

  @Override
  public Optional<Task> delete(long id, Instant now) {
    return MongoFailures.translate("deleting a task", () -> deleted.delete(id, now));
  }

  @Override
  public long deleteByTitle(String title, Instant now) {
    // An equality filter on a string: the title is compared, never read as a pattern or operator.
    return MongoFailures.translate("deleting tasks by title", () -> deleted.deleteByTitle(title, now));
  }

  @Override
  public Optional<Task> restore(long id) {
    return MongoFailures.translate("restoring a task", () -> deleted.restore(id));
  }

  @Override
  public List<DeletedTask> deleted(int limit) {
    return MongoFailures.translate("listing deleted tasks", () -> deleted.list(limit));
  }

  @Override
  public long purgeDeleted(Instant before) {
    return MongoFailures.translate("forgetting old deleted tasks", () -> deleted.purge(before));
  }

  @Override
  public void reset() {
    MongoFailures.translate("resetting the store", () -> {
      // Deleting the documents rather than dropping the collection keeps the unique index in place,
      // so no create or import can slip a duplicate in while it would be rebuilt.
      tasks.deleteMany(new Document());
      deleted.clear();
      sequence.reset();
    });
  }

  @Override
  public Set<Long> existingIds(Collection<Long> ids) {
    return MongoFailures.translate("looking up task ids", () -> {
      List<Long> distinct = List.copyOf(new HashSet<>(ids));
      Set<Long> existing = new HashSet<>();
      for (List<Long> part : partsOf(distinct, IDS_PER_QUERY)) {
        tasks.find(in(ID, part)).projection(include(ID)).map(TaskDocuments::idOf).into(existing);
      }
      return existing;
    });
  }

  @Override
  public long importTasks(List<Task> imported, boolean replace) {
    if (imported.isEmpty()) {
      return 0;
    }
    return MongoFailures.translate("importing tasks", () -> {
      // Explicit ids are safe only where the unique index refuses a second task under one.
      TaskIndexes.ensure(tasks, settings);
      long written = replace ? replaceOrInsert(imported) : insertWhereFree(imported);
      sequence.moveToAtLeast(imported.stream().mapToLong(Task::id).max().orElseThrow() + 1);
      return written;
    });
  }

  @Override
  public long count() {
    // Exact on the embedded server (its collection size) and on a standalone MongoDB; constant time.
    return MongoFailures.translate("counting tasks", () -> tasks.estimatedDocumentCount());
  }

  @Override
  public long nextId() {
    return MongoFailures.translate("reading the id sequence", sequence::peek);
  }

  private long largestStoredId() {
    Document largest = tasks.find().sort(descending(ID)).projection(include(ID)).limit(1).first();
    return largest == null ? -1 : TaskDocuments.idOf(largest);
  }

  /**
   * Inserts in commands of {@value #TASKS_PER_WRITE} tasks, each well within the socket timeout (one
   * command of 100,000 took longer than that on the embedded server, which then kept a part of it).
   * When a command fails, the tasks this import inserted are deleted again, so that it leaves nothing
   * behind: ImportTasks checked just before that none of these ids was stored, and an id another
   * writer took meanwhile is left to it.
   */
  private long insertWhereFree(List<Task> imported) {
    long written = 0;
    Set<Long> takenMeanwhile = new HashSet<>();
    try {
      for (List<Task> part : partsOf(imported, TASKS_PER_WRITE)) {
        written += insertChunkWhereFree(part, takenMeanwhile);
      }
      return written;
    } catch (RuntimeException failed) {
      try {
        List<Long> ids = imported.stream().map(Task::id).filter(id -> !takenMeanwhile.contains(id))
            .collect(Collectors.toList());
        for (List<Long> part : partsOf(ids, IDS_PER_QUERY)) {
          tasks.deleteMany(in(ID, part));
        }
      } catch (RuntimeException undoFailed) {
        failed.addSuppressed(undoFailed);
      }
      throw failed;
    }
  }

  private long insertChunkWhereFree(List<Task> chunk, Set<Long> takenMeanwhile) {
    List<Document> documents = chunk.stream().map(TaskDocuments::toDocument).collect(Collectors.toList());
    try {
      tasks.insertMany(documents, new InsertManyOptions().ordered(false));
      return documents.size();
    } catch (MongoBulkWriteException partly) {
      // Its inserted count is wrong on the embedded server: count what failed instead.
      for (BulkWriteError error : partly.getWriteErrors()) {
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw partly;
        }
        takenMeanwhile.add(chunk.get(error.getIndex()).id());
      }
      return documents.size() - partly.getWriteErrors().size();
    }
  }

  /** Replaces in commands of {@value #TASKS_PER_WRITE} tasks; a failure part way leaves those before it replaced. */
  private long replaceOrInsert(List<Task> imported) {
    List<WriteModel<Document>> replacements = imported.stream()
        .map(task -> new ReplaceOneModel<>(eq(ID, task.id()), TaskDocuments.toDocument(task), new ReplaceOptions().upsert(true)))
        .collect(Collectors.toList());
    for (List<WriteModel<Document>> part : partsOf(replacements, TASKS_PER_WRITE)) {
      tasks.bulkWrite(part, new BulkWriteOptions().ordered(false));
    }
    return replacements.size();
  }

  /** The list in consecutive views of at most {@code size} elements, for commands of bounded size. */
  private static <T> List<List<T>> partsOf(List<T> list, int size) {
    List<List<T>> parts = new ArrayList<>();
    for (int from = 0; from < list.size(); from += size) {
      parts.add(list.subList(from, Math.min(list.size(), from + size)));
    }
    return parts;
  }
}
