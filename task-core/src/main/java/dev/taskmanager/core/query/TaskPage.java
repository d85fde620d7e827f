package dev.taskmanager.core.query;

import dev.taskmanager.core.model.Task;
import java.util.List;
import java.util.Objects;

/**
 * One page of a listing, with the cursors of its neighbours.
 *
 * @param tasks the tasks in order; empty when nothing matches
 * @param nextCursor the cursor of the following page, {@code null} when this is the last
 * @param previousCursor the cursor of the page before, {@code null} when this is the first
 */
public record TaskPage(List<Task> tasks, String nextCursor, String previousCursor) {

  public TaskPage {
    tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
  }

  public boolean hasNext() {
    return nextCursor != null;
  }

  public boolean hasPrevious() {
    return previousCursor != null;
  }
}
