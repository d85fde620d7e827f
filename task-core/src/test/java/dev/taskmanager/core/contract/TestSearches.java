package dev.taskmanager.core.contract;

import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.query.TaskFilter;
import dev.taskmanager.core.query.TaskFilter.Status;
import dev.taskmanager.core.query.TaskSearch;
import java.util.List;

/** Searches over every task, open or done, built without the query language. */
public final class TestSearches {

  private TestSearches() {}

  /** Every task in this order, or those holding {@code word} when it is not {@code null}. */
  public static TaskSearch every(SortBy sortBy, boolean descending, String word) {
    return new TaskSearch("", filter(word), sortBy, descending);
  }

  /** Every task, or those holding {@code word} when it is not {@code null}. */
  public static TaskFilter filter(String word) {
    return new TaskFilter(Status.ANY, List.of(), List.of(), null, null, false, null, null,
        word == null ? List.of() : List.of(word));
  }
}
