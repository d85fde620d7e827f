package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.port.TaskStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes one task by id, keeping it aside for {@link DeletedTask#KEPT} so that {@link RestoreTask}
 * can bring it back. Its id is never given to another task.
 */
public final class DeleteTask {

  private final TaskStore store;
  private final Clock clock;

  public DeleteTask(TaskStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public DeleteTask(TaskStore store) {
    this(store, Clock.systemUTC());
  }

  /**
   * @return the task as it was before it was deleted
   * @throws TaskNotFoundException when no task has this id
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public Task delete(long id) {
    Instant now = Clocks.now(clock);
    Task deleted = store.delete(id, now).orElseThrow(() -> new TaskNotFoundException(id));
    store.purgeDeleted(now.minus(DeletedTask.KEPT));
    return deleted;
  }
}
