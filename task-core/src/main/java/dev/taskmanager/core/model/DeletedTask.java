package dev.taskmanager.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A task kept aside when it was deleted, so that it can be restored under its id for {@link #KEPT}.
 *
 * @param task the task as it was when deleted
 * @param deletedAt when it was deleted
 */
public record DeletedTask(Task task, Instant deletedAt) {

  /** How many days a deleted task can be restored: a week, so a mistake found after a weekend is mended. */
  public static final int KEPT_DAYS = 7;
  /** {@link #KEPT_DAYS} as a duration. */
  public static final Duration KEPT = Duration.ofDays(KEPT_DAYS);

  public DeletedTask {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(deletedAt, "deletedAt");
  }
}
