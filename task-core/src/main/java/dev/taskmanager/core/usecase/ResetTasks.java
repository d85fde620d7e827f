package dev.taskmanager.core.usecase;

import dev.taskmanager.core.port.TaskStore;
import java.util.Objects;

/** Deletes every task and starts the ids again at 0. */
public final class ResetTasks {

  private final TaskStore store;

  public ResetTasks(TaskStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** @throws dev.taskmanager.core.model.TaskStoreException when the store fails */
  public void reset() {
    store.reset();
  }
}
