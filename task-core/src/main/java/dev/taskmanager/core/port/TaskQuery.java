package dev.taskmanager.core.port;

import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import java.util.Comparator;
import java.util.Locale;

/**
 * A slice of the tasks in a total order: the tasks that match the filter, strictly after a
 * position, at most {@code limit} of them. Paging by position (keyset paging) keeps each page as
 * cheap as the first and never shows a task twice while others are created or deleted.
 *
 * @param sortBy the order; ties are broken by id
 * @param descending whether the order is reversed
 * @param titleContains keep only tasks whose title contains this, ignoring case; {@code null} for all
 * @param after start strictly after this position; {@code null} to start at the beginning
 * @param limit the most tasks to return, at least 1
 */
public record TaskQuery(
    SortBy sortBy, boolean descending, String titleContains, Position after, int limit) {

  /**
   * A place in the order: the sort key of a task that was (or still is) stored.
   *
   * @param priority used when sorting by priority
   * @param id always used, to break ties
   */
  public record Position(int priority, long id) {

    public static Position of(Task task) {
      return new Position(task.priority(), task.id());
    }
  }

  public TaskQuery {
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
    return matchesTitle(task) && isAfterPosition(task);
  }

  /** Whether the title contains the filter, ignoring case. */
  public boolean matchesTitle(Task task) {
    return titleContains == null
        || task.title().toLowerCase(Locale.ROOT).contains(titleContains.toLowerCase(Locale.ROOT));
  }

  private boolean isAfterPosition(Task task) {
    if (after == null) {
      return true;
    }
    Task anchor = new Task(after.id(), "", "", after.priority());
    return order().compare(task, anchor) > 0;
  }
}
