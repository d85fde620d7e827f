package dev.taskmanager.mongo.adapter;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static dev.taskmanager.mongo.adapter.TaskDocuments.CREATED_AT;
import static dev.taskmanager.mongo.adapter.TaskDocuments.DONE_AT;
import static dev.taskmanager.mongo.adapter.TaskDocuments.DUE;
import static dev.taskmanager.mongo.adapter.TaskDocuments.ID;
import static dev.taskmanager.mongo.adapter.TaskDocuments.PRIORITY;
import static dev.taskmanager.mongo.adapter.TaskDocuments.SHORTDESC;
import static dev.taskmanager.mongo.adapter.TaskDocuments.TAGS;
import static dev.taskmanager.mongo.adapter.TaskDocuments.TITLE;

import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskQuery.Position;
import dev.taskmanager.core.query.TaskFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A {@link TaskQuery} as MongoDB finds: filters and sorts in shapes the indexes of
 * {@link TaskIndexes} serve, pages found by position (keyset), so no page scans or counts the tasks
 * before it.
 *
 * <p>MongoDB sorts a missing value first; the order by due day puts tasks without one last. That
 * order is therefore two finds, one per part ({@link #steps}): the tasks with a due day, then those
 * without, or the reverse when descending.
 */
final class TaskQueries {

  /** Before any time a task can carry: "has a time" as a range an index can bound. */
  private static final Date EARLIEST = new Date(-62_135_596_800_000L);
  /** Before any due day: "has a due day" as a range on strings. */
  private static final String NO_DAY = "";

  /** One find: the filter and the sort of one part of the order. */
  record Step(Bson filter, Bson sort) {}

  /**
   * A key of an order, as it runs when the order ascends.
   *
   * @param nullable whether tasks may lack it (they sort first, as MongoDB sorts them)
   */
  private record Key(String field, boolean ascending, boolean nullable, Function<Position, Object> value) {}

  private static final Key BY_ID = new Key(ID, true, false, Position::id);
  private static final Key BY_PRIORITY = new Key(PRIORITY, true, false, Position::priority);
  private static final Key BY_PRIORITY_FIRST = new Key(PRIORITY, false, false, Position::priority);
  private static final Key BY_DUE = new Key(DUE, true, false, position -> dayOf(position));
  private static final Key BY_CREATED = new Key(CREATED_AT, true, true, position -> dateOf(position.createdAt()));
  private static final Key BY_DONE = new Key(DONE_AT, true, true, position -> dateOf(position.doneAt()));

  private TaskQueries() {}

  /** The finds that together return the query's page, in order: read each until the limit is met. */
  static List<Step> steps(TaskQuery query) {
    Bson filter = filter(query.filter());
    switch (query.sortBy()) {
      case ID:
        return present(step(query, filter, List.of(BY_ID), query.after()));
      case PRIORITY:
        return present(step(query, filter, List.of(BY_PRIORITY, BY_ID), query.after()));
      case CREATED:
        return present(step(query, filter, List.of(BY_CREATED, BY_ID), query.after()));
      case DONE:
        return present(step(query, filter, List.of(BY_DONE, BY_ID), query.after()));
      default:
        return dueSteps(query, filter);
    }
  }

  /** The tasks with a due day by day, then those without (reversed when descending). */
  private static List<Step> dueSteps(TaskQuery query, Bson filter) {
    TaskFilter wanted = query.filter();
    boolean withDay = !wanted.dueNone();
    boolean withoutDay = wanted.dueFrom() == null && wanted.dueTo() == null;
    Position after = query.after();
    // A position in one part leaves the other part wholly before or after it.
    boolean afterInWithDay = after != null && after.due() != null;
    boolean afterInWithout = after != null && after.due() == null;
    List<Step> steps = new ArrayList<>(2);
    Step dated = withDay && !(afterInWithout && !query.descending())
        ? step(query, and(filter, gt(DUE, NO_DAY)), List.of(BY_DUE, BY_PRIORITY_FIRST, BY_ID),
            afterInWithDay ? after : null)
        : null;
    Step undated = withoutDay && !(afterInWithDay && query.descending())
        ? step(query, and(filter, eq(DUE, null)), List.of(BY_PRIORITY_FIRST, BY_ID), afterInWithout ? after : null)
        : null;
    for (Step step : query.descending() ? new Step[] {undated, dated} : new Step[] {dated, undated}) {
      if (step != null) {
        steps.add(step);
      }
    }
    return steps;
  }

  private static List<Step> present(Step step) {
    return step == null ? List.of() : List.of(step);
  }

  /** The find of one part in the keys' order after the position; {@code null} when nothing lies beyond. */
  private static Step step(TaskQuery query, Bson filter, List<Key> keys, Position position) {
    List<Bson> conditions = new ArrayList<>(2);
    Document sort = new Document();
    for (Key key : keys) {
      sort.append(key.field(), key.ascending() != query.descending() ? 1 : -1);
    }
    if (position != null) {
      Bson beyond = beyond(keys, position, query.descending());
      if (beyond == null) {
        return null;
      }
      // First, so that the index bounds come from it rather than from the words' disjunctions.
      conditions.add(beyond);
    }
    conditions.add(filter);
    return new Step(conditions.size() == 1 ? filter : and(conditions), sort);
  }

  /**
   * The tasks strictly after the position in the keys' order: beyond it on the first key, or equal
   * on it and beyond on the next, and so on; {@code null} when nothing can lie beyond.
   */
  private static Bson beyond(List<Key> keys, Position position, boolean descending) {
    List<Bson> branches = new ArrayList<>(keys.size());
    List<Bson> equalSoFar = new ArrayList<>(keys.size());
    for (Key key : keys) {
      Object value = key.value().apply(position);
      Bson next = beyondOn(key, value, key.ascending() != descending);
      if (next != null) {
        List<Bson> branch = new ArrayList<>(equalSoFar);
        branch.add(next);
        branches.add(branch.size() == 1 ? branch.get(0) : and(branch));
      }
      equalSoFar.add(eq(key.field(), value));
    }
    if (branches.isEmpty()) {
      return null;
    }
    return branches.size() == 1 ? branches.get(0) : or(branches);
  }

  /** Values beyond {@code value} on one key in the direction the scan runs; {@code null}: none. */
  private static Bson beyondOn(Key key, Object value, boolean ascending) {
    if (value == null) {
      // Missing values come first when ascending: beyond them is every value, before them none.
      return ascending ? gte(key.field(), EARLIEST) : null;
    }
    if (ascending) {
      return gt(key.field(), value);
    }
    return key.nullable() ? or(lt(key.field(), value), eq(key.field(), null)) : lt(key.field(), value);
  }

  /** The filter alone, in shapes the indexes bound: the state and due day as ranges and equalities. */
  static Bson filter(TaskFilter filter) {
    List<Bson> conditions = new ArrayList<>();
    switch (filter.status()) {
      case OPEN -> conditions.add(eq(DONE_AT, null));
      case DONE -> conditions.add(gte(DONE_AT, EARLIEST));
      default -> { }
    }
    for (String tag : filter.tags()) {
      conditions.add(eq(TAGS, tag));
    }
    if (!filter.withoutTags().isEmpty()) {
      conditions.add(nin(TAGS, filter.withoutTags()));
    }
    if (filter.dueNone()) {
      conditions.add(eq(DUE, null));
    }
    if (filter.dueFrom() != null) {
      conditions.add(gte(DUE, filter.dueFrom().toString()));
    }
    if (filter.dueTo() != null) {
      conditions.add(lte(DUE, filter.dueTo().toString()));
    }
    if (filter.priorityMin() != null) {
      conditions.add(gte(PRIORITY, filter.priorityMin()));
    }
    if (filter.priorityMax() != null) {
      conditions.add(lte(PRIORITY, filter.priorityMax()));
    }
    for (String word : filter.words()) {
      // Quoted, so the user's text is matched literally and never read as a pattern or an operator.
      String literal = Pattern.quote(word);
      conditions.add(or(regex(TITLE, literal, "i"), regex(SHORTDESC, literal, "i")));
    }
    return conditions.isEmpty() ? new Document() : and(conditions);
  }

  private static Object dayOf(Position position) {
    return position.due() == null ? null : position.due().toString();
  }

  private static Object dateOf(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
