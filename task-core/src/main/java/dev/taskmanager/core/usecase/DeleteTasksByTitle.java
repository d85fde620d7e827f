package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.port.TaskStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Deletes every task with a given title, as the tutorial app's delete form did. */
public final class DeleteTasksByTitle {

  private final TaskStore store;
  private final Clock clock;

  public DeleteTasksByTitle(TaskStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public DeleteTasksByTitle(TaskStore store) {
    this(store, Clock.systemUTC());
  }

  /**
   * Deletes the tasks whose title equals {@code title} once trimmed, exactly (case included),
   * keeping them aside for {@link DeletedTask#KEPT} as {@link DeleteTask} does.
   *
   * @return how many were deleted, possibly 0
   * @throws InvalidTaskException when the title is blank: the tutorial app then deleted every task
   *     with an empty title, which is never what the person meant
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public long delete(String title) {
    String trimmed = title == null ? "" : TaskRules.trim(title);
    if (trimmed.isEmpty()) {
      throw new InvalidTaskException(new Violation("title", "is empty", "the exact title of the tasks to delete"));
    }
    Instant now = Clocks.now(clock);
    long deleted = store.deleteByTitle(trimmed, now);
    store.purgeDeleted(now.minus(DeletedTask.KEPT));
    return deleted;
  }
}
