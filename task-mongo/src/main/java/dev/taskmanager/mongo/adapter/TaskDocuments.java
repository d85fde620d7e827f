package dev.taskmanager.mongo.adapter;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static com.mongodb.client.model.Updates.unset;

import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.TaskStoreException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The one place that knows how a task looks in the {@code tasks} collection: the tutorial app's
 * {@code {id, title, shortdesc, priority}}, and beside them, only where they have a value, {@code
 * due} (the day as {@code "YYYY-MM-DD"}, which sorts as the days do), {@code tags} (an array of
 * strings), the times {@code done_at}, {@code created_at} and {@code updated_at} (dates), and who
 * created and last changed it, {@code created_by} and {@code updated_by} (strings). A task is done
 * exactly when it has {@code done_at}.
 *
 * <p>Writing uses int64 ids and int32 priorities. Reading tolerates what the tutorial app wrote:
 * ids as int32, int64 or whole doubles, and a missing or {@code null} description or priority; and
 * what another program may have left in the newer fields: a value of another type reads as none.
 */
public final class TaskDocuments {

  public static final String ID = "id";
  public static final String TITLE = "title";
  public static final String SHORTDESC = "shortdesc";
  public static final String PRIORITY = "priority";
  public static final String DUE = "due";
  public static final String TAGS = "tags";
  public static final String DONE_AT = "done_at";
  public static final String CREATED_AT = "created_at";
  public static final String UPDATED_AT = "updated_at";
  public static final String CREATED_BY = "created_by";
  public static final String UPDATED_BY = "updated_by";
  private static final String MONGO_ID = "_id";

  private TaskDocuments() {}

  static Document toDocument(Task task) {
    Document document = new Document(ID, task.id())
        .append(TITLE, task.title())
        .append(SHORTDESC, task.shortdesc())
        .append(PRIORITY, task.priority());
    newerFieldsOf(task).forEach(document::append);
    return document;
  }

  /** The newer fields that have a value, in the order a document holds them. */
  private static Map<String, Object> newerFieldsOf(Task task) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (task.due() != null) {
      fields.put(DUE, task.due().toString());
    }
    if (!task.tags().isEmpty()) {
      fields.put(TAGS, task.tags());
    }
    putTime(fields, DONE_AT, task.doneAt());
    putTime(fields, CREATED_AT, task.createdAt());
    putTime(fields, UPDATED_AT, task.updatedAt());
    if (task.createdBy() != null) {
      fields.put(CREATED_BY, task.createdBy());
    }
    if (task.updatedBy() != null) {
      fields.put(UPDATED_BY, task.updatedBy());
    }
    return fields;
  }

  private static void putTime(Map<String, Object> fields, String field, Instant time) {
    if (time != null) {
      fields.put(field, Date.from(time));
    }
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
    List<Bson> fields = new ArrayList<>(List.of(setOnInsert(MONGO_ID, new ObjectId()),
        setOnInsert(TITLE, task.title()), setOnInsert(SHORTDESC, task.shortdesc()),
        setOnInsert(PRIORITY, task.priority())));
    newerFieldsOf(task).forEach((field, value) -> fields.add(setOnInsert(field, value)));
    return combine(fields);
  }

  /** @throws TaskStoreException when the document's id is not a whole non-negative number */
  static Task toTask(Document document) {
    return new Task(
        idOf(document),
        textOf(document, TITLE),
        textOf(document, SHORTDESC),
        priorityOf(document),
        timeOf(document, DONE_AT),
        timeOf(document, CREATED_AT),
        timeOf(document, UPDATED_AT),
        dueOf(document),
        tagsOf(document),
        nameOf(document, CREATED_BY),
        nameOf(document, UPDATED_BY));
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

  /**
   * The update that applies a patch's fields at {@code now} and leaves every other field as stored.
   * Completing keeps an earlier completion time ({@code $min}: a missing field takes the value).
   */
  static Bson changes(TaskPatch patch, Instant now) {
    List<Bson> changes = new ArrayList<>(8);
    if (patch.title() != null) {
      changes.add(set(TITLE, patch.title()));
    }
    if (patch.shortdesc() != null) {
      changes.add(set(SHORTDESC, patch.shortdesc()));
    }
    if (patch.priority() != null) {
      changes.add(set(PRIORITY, patch.priority()));
    }
    if (patch.due() != null) {
      changes.add(patch.due().isPresent() ? set(DUE, patch.due().get().toString()) : unset(DUE));
    }
    if (patch.tags() != null) {
      changes.add(patch.tags().isEmpty() ? unset(TAGS) : set(TAGS, patch.tags()));
    }
    if (patch.done() != null) {
      changes.add(patch.done() ? min(DONE_AT, Date.from(now)) : unset(DONE_AT));
    }
    changes.add(set(UPDATED_AT, Date.from(now)));
    // An unknown author replaces a known one: the last change was not theirs.
    changes.add(patch.updatedBy() == null ? unset(UPDATED_BY) : set(UPDATED_BY, patch.updatedBy()));
    return combine(changes);
  }

  private static String textOf(Document document, String field) {
    Object value = document.get(field);
    return value == null ? "" : value.toString();
  }

  private static String nameOf(Document document, String field) {
    return document.get(field) instanceof String name ? name : null;
  }

  private static Instant timeOf(Document document, String field) {
    return document.get(field) instanceof Date date ? date.toInstant() : null;
  }

  private static LocalDate dueOf(Document document) {
    if (document.get(DUE) instanceof String day) {
      try {
        return LocalDate.parse(day);
      } catch (DateTimeParseException notADay) {
        return null;
      }
    }
    return null;
  }

  private static List<String> tagsOf(Document document) {
    if (!(document.get(TAGS) instanceof List<?> values)) {
      return List.of();
    }
    List<String> tags = new ArrayList<>(values.size());
    for (Object value : values) {
      if (value instanceof String tag) {
        tags.add(tag);
      }
    }
    return tags;
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
