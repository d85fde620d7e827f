package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.port.TaskStore;
import java.time.Clock;
import java.util.Objects;

/** Changes some fields of a task and keeps the others; completes and reopens tasks. */
public final class UpdateTask {

  private final TaskStore store;
  private final Clock clock;

  /** Stamps changes with the clock's time. */
  public UpdateTask(TaskStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Stamps changes with the system's time. */
  public UpdateTask(TaskStore store) {
    this(store, Clock.systemUTC());
  }

  /**
   * Applies the patch (checked when it was built); an empty patch changes nothing, not even the
   * time of the last change.
   *
   * @return the task as stored afterwards
   * @throws TaskNotFoundException when no task has this id
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public Task update(long id, TaskPatch patch) {
    Objects.requireNonNull(patch, "patch");
    return (patch.isEmpty() ? store.get(id) : store.update(id, patch, Clocks.now(clock)))
        .orElseThrow(() -> new TaskNotFoundException(id));
  }

  /**
   * Completes the task; one already done keeps the time it was completed.
   *
   * @param actor who completes it, {@code null} when unknown
   * @return the task as stored afterwards
   * @throws TaskNotFoundException when no task has this id
   */
  public Task complete(long id, String actor) {
    return update(id, TaskPatch.none().withDone(true).by(actor));
  }

  /**
   * Reopens the task, forgetting when it was completed.
   *
   * @param actor who reopens it, {@code null} when unknown
   * @return the task as stored afterwards
   * @throws TaskNotFoundException when no task has this id
   */
  public Task reopen(long id, String actor) {
    return update(id, TaskPatch.none().withDone(false).by(actor));
  }
}
