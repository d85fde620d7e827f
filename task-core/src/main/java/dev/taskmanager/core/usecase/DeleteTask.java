package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.port.TaskStore;
import java.util.Objects;

/** Deletes one task by id. Its id is never given to another task. */
public final class DeleteTask {

  private final TaskStore store;

  public DeleteTask(TaskStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * @return the task as it was before it was deleted
   * @throws TaskNotFoundException when no task has this id
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public Task delete(long id) {
    return store.delete(id).orElseThrow(() -> new TaskNotFoundException(id));
  }
}
