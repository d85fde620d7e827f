package dev.taskmanager.mongo.adapter;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.TaskStoreException;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The one place that knows how a task looks in the {@code tasks} collection: the tutorial app's
 * {@code {id, title, shortdesc, priority}}.
 *
 * <p>Writing uses int64 ids and int32 priorities. Reading tolerates what the tutorial app wrote:
 * ids as int32, int64 or whole doubles, and a missing or {@code null} description or priority.
 */
public final class TaskDocuments {

  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String SHORTDESC = "shortdesc";
  public static final String PRIORITY = "priority";
  private static final String MONGO_ID = "_id";

  private TaskDocuments() {}

  static Document toDocument(Task task) {
    return new Document(ID, task.id())
        .append(TITLE, task.title())
        .append(SHORTDESC, task.shortdesc())
        .append(PRIORITY, task.priority());
  }

  /**
   * The fields of a new task's document but its id, as an update that sets them only when it
   * inserts: with a filter on the id, an upsert stores the whole document, or finds the id taken.
   *
   * <p>The {@code _id} is made here, as the driver makes it for an insert: time-ordered, so new
   * documents go to the end of the collection and of its {@code _id} index. The embedded server
   * gives an upserted document a random one, which scattered every create over the whole file:
   * a page read from disk per create and the file four times its size.
   */
  static Bson insertionOf(Task task) {
    return combine(setOnInsert(MONGO_ID, new ObjectId()), setOnInsert(TITLE, task.title()),
        setOnInsert(SHORTDESC, task.shortdesc()), setOnInsert(PRIORITY, task.priority()));
  }

  /** @throws TaskStoreException when the document's id is not a whole non-negative number */
  static Task toTask(Document document) {
    return new Task(
        idOf(document),
        textOf(document, TITLE),
        textOf(document, SHORTDESC),
        priorityOf(document));
  }

  /** @throws TaskStoreException when the document's id is not a whole non-negative number */
  public static long idOf(Document document) {
    Object id = document.get(ID);
    if (id instanceof Integer || id instanceof Long) {
      long whole = ((Number) id).longValue();
      if (whole >= 0) {
        return whole;
      }
    } else if (id instanceof Double) {
      double value = (Double) id;
      if (value >= 0 && value == Math.rint(value) && value < 0x1p63) {
        return (long) value;
      }
    }
    throw new TaskStoreException("the task stored with _id " + document.get("_id") + " has the id " + id
        + ", which is not a whole number from 0 to " + Long.MAX_VALUE + "; correct or delete it");
  }

  /** The update that applies a patch's fields and leaves every other field as stored. */
  static Bson changes(TaskPatch patch) {
    List<Bson> changes = new ArrayList<>(3);
    if (patch.title() != null) {
      changes.add(set(TITLE, patch.title()));
    }
    if (patch.shortdesc() != null) {
      changes.add(set(SHORTDESC, patch.shortdesc()));
    }
    if (patch.priority() != null) {
      changes.add(set(PRIORITY, patch.priority()));
    }
    return combine(changes);
  }

  private static String textOf(Document document, String field) {
    Object value = document.get(field);
    return value == null ? "" : value.toString();
  }

  private static int priorityOf(Document document) {
    Object value = document.get(PRIORITY);
    if (!(value instanceof Number)) {
      return TaskRules.DEFAULT_PRIORITY;
    }
    // The tutorial app stored whatever whole number it was given; clamp rather than wrap around.
    double priority = ((Number) value).doubleValue();
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, priority));
  }
}
