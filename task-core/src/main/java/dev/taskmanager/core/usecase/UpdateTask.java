package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.port.TaskStore;
import java.util.Objects;

/** Changes some fields of a task and keeps the others. */
public final class UpdateTask {

  private final TaskStore store;

  public UpdateTask(TaskStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Applies the patch (checked when it was built); an empty patch changes nothing.
   *
   * @return the task as stored afterwards
   * @throws TaskNotFoundException when no task has this id
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public Task update(long id, TaskPatch patch) {
    Objects.requireNonNull(patch, "patch");
    return (patch.isEmpty() ? store.get(id) : store.update(id, patch))
        .orElseThrow(() -> new TaskNotFoundException(id));
  }
}
