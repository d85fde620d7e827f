package dev.taskmanager.core.model;

import java.util.Objects;

/**
 * A stored task: the Flask tutorial app's four fields, under their names.
 *
 * <p>Immutable. A {@code Task} describes what a store holds, which may predate our rules (data the
 * tutorial app wrote can have an empty title), so it only requires what every stored task has: a
 * non-negative id and non-null text. New content passes the rules through {@link TaskDraft} and
 * {@link TaskPatch}.
 *
 * @param id assigned by the store, never reused (see {@code TaskStore})
 * @param title the task's name
 * @param shortdesc a description, possibly empty, never {@code null}
 * @param priority larger means more important
 */
public record Task(long id, String title, String shortdesc, int priority) {

  public Task {
    if (id < 0) {
      throw new IllegalArgumentException("a task id is never negative: " + id);
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(shortdesc, "shortdesc");
  }

  /** This task with the patch's fields changed and the others kept. */
  public Task apply(TaskPatch patch) {
    return new Task(
        id,
        patch.title() != null ? patch.title() : title,
        patch.shortdesc() != null ? patch.shortdesc() : shortdesc,
        patch.priority() != null ? patch.priority() : priority);
  }
}
