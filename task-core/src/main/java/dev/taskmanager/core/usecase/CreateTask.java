package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.port.TaskStore;
import java.time.Clock;
import java.util.Objects;

/** Creates a task under the next free id. */
public final class CreateTask {

  private final TaskStore store;
  private final Clock clock;

  /** Stamps tasks with the clock's time. */
  public CreateTask(TaskStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Stamps tasks with the system's time. */
  public CreateTask(TaskStore store) {
    this(store, Clock.systemUTC());
  }

  /**
   * Stores the draft as a new, open task (the draft was checked when it was built).
   *
   * @return the task with its id
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public Task create(TaskDraft draft) {
    return store.create(Objects.requireNonNull(draft, "draft"), Clocks.now(clock));
  }
}
