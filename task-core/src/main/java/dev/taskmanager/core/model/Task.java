package dev.taskmanager.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A stored task: the Flask tutorial app's four fields, under their names, and the lifecycle a task
 * manager adds to them.
 *
 * <p>Immutable. A {@code Task} describes what a store holds, which may predate our rules (data the
 * tutorial app wrote can have an empty title and has none of the newer fields), so it only requires
 * what every stored task has: a non-negative id and non-null text. New content passes the rules
 * through {@link TaskDraft} and {@link TaskPatch}.
 *
 * @param id assigned by the store, never reused (see {@code TaskStore})
 * @param title the task's name
 * @param shortdesc a description, possibly empty, never {@code null}
 * @param priority larger means more important
 * @param doneAt when the task was completed; {@code null} while it is open. A task is done exactly
 *     when it has this instant: the store keeps no second flag that could disagree with it.
 * @param createdAt when it was created; {@code null} when unknown (the tutorial app kept no times)
 * @param updatedAt when it last changed; {@code null} when unknown
 * @param due the calendar day it is due, no time of day; {@code null} for none
 * @param tags its tags, sorted, without repeats; empty for none
 * @param createdBy who created it, as {@link TaskDraft#by} named them; {@code null} when unknown
 *     (nobody signed in, or written before this was kept)
 * @param updatedBy who changed it last, as {@link TaskPatch#by} named them; {@code null} when unknown
 */
public record Task(long id, String title, String shortdesc, int priority, Instant doneAt, Instant createdAt,
    Instant updatedAt, LocalDate due, List<String> tags, String createdBy, String updatedBy) {

  public Task {
    if (id < 0) {
      throw new IllegalArgumentException("a task id is never negative: " + id);
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(shortdesc, "shortdesc");
    tags = Tags.sorted(tags == null ? List.of() : tags);
  }

  /** An open task with no due date, no tags and no known times, as the tutorial app stored it. */
  public Task(long id, String title, String shortdesc, int priority) {
    this(id, title, shortdesc, priority, null, null, null, null, List.of());
  }

  /** A task of no known author, as tasks written before authors were kept are. */
  public Task(long id, String title, String shortdesc, int priority, Instant doneAt, Instant createdAt,
      Instant updatedAt, LocalDate due, List<String> tags) {
    this(id, title, shortdesc, priority, doneAt, createdAt, updatedAt, due, tags, null, null);
  }

  /** Whether the task has been completed. */
  public boolean done() {
    return doneAt != null;
  }

  /** Whether it is open and its due day lies before {@code today}. */
  public boolean isOverdue(LocalDate today) {
    return !done() && due != null && due.isBefore(today);
  }

  /**
   * This task with the patch's fields changed and the others kept, as changed at {@code now} by the
   * patch's author (unknown when it names none): completing sets {@link #doneAt()} to {@code now}
   * unless the task was done already, reopening clears it.
   */
  public Task apply(TaskPatch patch, Instant now) {
    Instant newDoneAt = doneAt;
    if (patch.done() != null) {
      newDoneAt = patch.done() ? (doneAt != null ? doneAt : now) : null;
    }
    return new Task(
        id,
        patch.title() != null ? patch.title() : title,
        patch.shortdesc() != null ? patch.shortdesc() : shortdesc,
        patch.priority() != null ? patch.priority() : priority,
        newDoneAt,
        createdAt,
        now,
        patch.due() != null ? patch.due().orElse(null) : due,
        patch.tags() != null ? patch.tags() : tags,
        createdBy,
        patch.updatedBy());
  }
}
