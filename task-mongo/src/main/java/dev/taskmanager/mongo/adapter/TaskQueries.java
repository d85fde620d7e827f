package dev.taskmanager.mongo.adapter;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Sorts.orderBy;
import static dev.taskmanager.mongo.adapter.TaskDocuments.ID;
import static dev.taskmanager.mongo.adapter.TaskDocuments.PRIORITY;
import static dev.taskmanager.mongo.adapter.TaskDocuments.TITLE;

import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskQuery.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A {@link TaskQuery} as a MongoDB filter and sort. Pages are found by position (keyset), in shapes
 * an index on {@code id} or on {@code (priority, id)} serves, so no page scans or counts the tasks
 * before it.
 */
final class TaskQueries {

  private TaskQueries() {}

  static Bson filter(TaskQuery query) {
    List<Bson> conditions = new ArrayList<>(2);
    if (query.titleContains() != null) {
      // Quoted, so the user's text is matched literally and never read as a pattern or an operator.
      conditions.add(regex(TITLE, Pattern.quote(query.titleContains()), "i"));
    }
    if (query.after() != null) {
      conditions.add(after(query.sortBy(), query.descending(), query.after()));
    }
    return conditions.isEmpty() ? new Document() : and(conditions);
  }

  static Bson sort(TaskQuery query) {
    Bson id = query.descending() ? descending(ID) : ascending(ID);
    if (query.sortBy() == SortBy.ID) {
      return id;
    }
    return orderBy(query.descending() ? descending(PRIORITY) : ascending(PRIORITY), id);
  }

  private static Bson after(SortBy sortBy, boolean descending, Position position) {
    Bson idBeyond = descending ? lt(ID, position.id()) : gt(ID, position.id());
    if (sortBy == SortBy.ID) {
      return idBeyond;
    }
    Bson priorityBeyond = descending ? lt(PRIORITY, position.priority()) : gt(PRIORITY, position.priority());
    return or(priorityBeyond, and(eq(PRIORITY, position.priority()), idBeyond));
  }
}
