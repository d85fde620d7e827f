package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.port.TaskStore;
import java.util.Objects;

/** Creates a task under the next free id. */
public final class CreateTask {

  private final TaskStore store;

  public CreateTask(TaskStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Stores the draft as a new task (the draft was checked when it was built).
   *
   * @return the task with its id
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public Task create(TaskDraft draft) {
    return store.create(Objects.requireNonNull(draft, "draft"));
  }
}
