package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.TaskStats;
import dev.taskmanager.core.port.TaskStore;
import java.util.Objects;

/** How many tasks there are and which id comes next. */
public final class GetTaskStats {

  private final TaskStore store;

  public GetTaskStats(TaskStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** @throws dev.taskmanager.core.model.TaskStoreException when the store fails */
  public TaskStats stats() {
    return new TaskStats(store.count(), store.nextId());
  }

  /** Only how many tasks there are: what a page shows, one question to the store instead of two. */
  public long count() {
    return store.count();
  }
}
