package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.port.TaskStore;
import java.util.Objects;

/** Deletes every task with a given title, as the tutorial app's delete form did. */
public final class DeleteTasksByTitle {

  private final TaskStore store;

  public DeleteTasksByTitle(TaskStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Deletes the tasks whose title equals {@code title} once trimmed, exactly (case included).
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
    return store.deleteByTitle(trimmed);
  }
}
