package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.port.TaskStore;
import java.util.List;
import java.util.Objects;

/** Brings deleted tasks back under their ids, and lists those that can be. */
public final class RestoreTask {

  /** The most deleted tasks one listing shows. */
  public static final int MAX_LISTED = 500;

  private final TaskStore store;

  public RestoreTask(TaskStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Puts the most recently deleted task with this id back, as it was when deleted.
   *
   * @return the task as stored again
   * @throws TaskNotFoundException when no deleted task with this id is kept
   * @throws dev.taskmanager.core.model.InvalidTaskException when a stored task has the id now
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public Task restore(long id) {
    return store.restore(id).orElseThrow(() -> TaskNotFoundException.notDeleted(id));
  }

  /** The tasks that can be restored, most recently deleted first, at most {@link #MAX_LISTED}. */
  public List<DeletedTask> deleted() {
    return store.deleted(MAX_LISTED);
  }
}
