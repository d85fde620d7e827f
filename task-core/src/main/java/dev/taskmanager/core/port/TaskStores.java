package dev.taskmanager.core.port;

import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.Violation;

/** What every {@link TaskStore} says the same way. */
public final class TaskStores {

  private TaskStores() {}

  /** A deleted task cannot come back: a task stored since has its id. */
  public static InvalidTaskException idTakenSinceDeleted(long id) {
    return new InvalidTaskException(new Violation(TaskRules.ID, id + " is used by a task stored since it was deleted",
        "the id of a deleted task that no stored task has; the deleted one stays aside"));
  }
}
