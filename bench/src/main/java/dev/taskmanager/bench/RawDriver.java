package dev.taskmanager.bench;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.inc;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import dev.taskmanager.core.model.Task;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The MongoDB driver doing by hand what the adapter does, in the same data format and with the same
 * queries, and nothing else: no mapping to tasks, no retries, no cursors. Its figures are the store's
 * own ceiling, so the adapter's overhead shows as a ratio.
 */
final class RawDriver {

  private static final Bson THE_SEQUENCE = eq("name", "task_id");
  private static final Bson BY_ID = ascending("id");
  private static final Bson BY_PRIORITY = ascending("priority", "id");
  private static final FindOneAndUpdateOptions TAKE = new FindOneAndUpdateOptions()
      .upsert(true).returnDocument(ReturnDocument.BEFORE);

  private final MongoCollection<Document> tasks;
  private final MongoCollection<Document> settings;

  RawDriver(MongoDatabase database) {
    this.tasks = database.getCollection("tasks");
    this.settings = database.getCollection("settings");
  }

  /** The sequence's increment, then the insert: the two round trips of every create. */
  long create(String title, String shortdesc, int priority) {
    Document before = settings.findOneAndUpdate(THE_SEQUENCE, inc("value", 1L), TAKE);
    long id = before == null ? 0 : before.get("value", Number.class).longValue();
    tasks.insertOne(new Document("id", id).append("title", title).append("shortdesc", shortdesc)
        .append("priority", priority));
    return id;
  }

  Document get(long id) {
    return tasks.find(eq("id", id)).first();
  }

  /** Up to {@code limit} tasks in order of id, after {@code lastBefore} unless it is null. */
  List<Document> pageById(Task lastBefore, int limit) {
    Bson filter = lastBefore == null ? new Document() : gt("id", lastBefore.id());
    return tasks.find(filter).sort(BY_ID).limit(limit).into(new ArrayList<>(limit));
  }

  /** Up to {@code limit} tasks in order of priority then id, after {@code lastBefore} unless it is null. */
  List<Document> pageByPriority(Task lastBefore, int limit) {
    Bson filter = lastBefore == null ? new Document() : or(
        gt("priority", lastBefore.priority()),
        and(eq("priority", lastBefore.priority()), gt("id", lastBefore.id())));
    return tasks.find(filter).sort(BY_PRIORITY).limit(limit).into(new ArrayList<>(limit));
  }
}
