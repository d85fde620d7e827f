package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.port.TaskStore;
import java.util.Objects;

/** Reads one task by id. */
public final class GetTask {

  private final TaskStore store;

  public GetTask(TaskStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * @throws TaskNotFoundException when no task has this id
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public Task get(long id) {
    return store.get(id).orElseThrow(() -> new TaskNotFoundException(id));
  }
}
