package dev.taskmanager.core.query;

import dev.taskmanager.core.model.SortBy;
import java.util.Objects;

/**
 * A query in the query language, read: which tasks and in which order.
 *
 * @param text the query as typed, to show back to the person; empty for the default
 * @param filter which tasks
 * @param sortBy the order; ties are broken by id
 * @param descending whether the order is reversed
 */
public record TaskSearch(String text, TaskFilter filter, SortBy sortBy, boolean descending) {

  /** The default listing: open tasks, due first, then by priority, tasks without a due day last. */
  public static final TaskSearch DEFAULT = new TaskSearch("", TaskFilter.OPEN, SortBy.DUE, false);

  public TaskSearch {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(sortBy, "sortBy");
  }

  /** Every task in the given order, as programs that walk all tasks want it. */
  public static TaskSearch all(SortBy sortBy, boolean descending) {
    return new TaskSearch("is:any sort:" + (descending ? "-" : "") + sortBy.key(), TaskFilter.ANY, sortBy,
        descending);
  }
}
