package dev.taskmanager.core.port;

import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.query.TaskFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A slice of the tasks in a total order: the tasks that match the filter, strictly after a
 * position, at most {@code limit} of them. Paging by position (keyset paging) keeps each page as
 * cheap as the first and never shows a task twice while others are created or deleted.
 *
 * @param filter which tasks
 * @param sortBy the order; ties are broken by id
 * @param descending whether the order is reversed
 * @param after start strictly after this position; {@code null} to start at the beginning
 * @param limit the most tasks to return, at least 1
 */
public record TaskQuery(TaskFilter filter, SortBy sortBy, boolean descending, Position after, int limit) {

  /**
   * A place in an order: the sort keys of a task that was (or still is) stored. Only the keys of
   * the order in use matter; the others may be anything.
   *
   * @param id always used, to break ties
   * @param priority used by {@link SortBy#PRIORITY} and {@link SortBy#DUE}
   * @param due used by {@link SortBy#DUE}; {@code null} for a task without one
   * @param createdAt used by {@link SortBy#CREATED}; {@code null} when unknown
   * @param doneAt used by {@link SortBy#DONE}; {@code null} for an open task
   */
  public record Position(long id, int priority, LocalDate due, Instant createdAt, Instant doneAt) {

    public static Position of(Task task) {
      return new Position(task.id(), task.priority(), task.due(), task.createdAt(), task.doneAt());
    }

    /** A task that sorts exactly where this position lies, in any order. */
    public Task asTask() {
      return new Task(id, "", "", priority, doneAt, createdAt, null, due, List.of());
    }
  }

  public TaskQuery {
    Objects.requireNonNull(filter, "filter");
    if (sortBy == null) {
      throw new IllegalArgumentException("sortBy is required");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
  }

  /** The order of this query as a comparator. */
  public Comparator<Task> order() {
    return sortBy.comparator(descending);
  }

  /** Whether a task passes the filter and lies after the position: what a store returns, in order. */
  public boolean matches(Task task) {
    return filter.matches(task) && isAfterPosition(task);
  }

  /** Whether the task lies strictly after the position in this query's order. */
  public boolean isAfterPosition(Task task) {
    return after == null || order().compare(task, after.asTask()) > 0;
  }
}
