package dev.taskmanager.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;

/**
 * The orders a listing can have. Ties are always broken by id, so every order is total; the
 * descending order is the exact reverse of the ascending one.
 */
public enum SortBy {
  /** By id: the order of creation. */
  ID(Comparator.comparingLong(Task::id)),
  /** By priority, then by id. */
  PRIORITY(Comparator.comparingInt(Task::priority).thenComparingLong(Task::id)),
  /** By due day, tasks without one last; on one day the most important first; then by id. */
  DUE(Comparator.comparing(Task::due, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
      .thenComparing(Comparator.comparingInt(Task::priority).reversed())
      .thenComparingLong(Task::id)),
  /** By creation time, tasks of unknown age (the tutorial app's) first; then by id. */
  CREATED(Comparator.comparing(Task::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
      .thenComparingLong(Task::id)),
  /** By completion time, open tasks first; then by id. */
  DONE(Comparator.comparing(Task::doneAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
      .thenComparingLong(Task::id));

  private final Comparator<Task> ascending;

  SortBy(Comparator<Task> ascending) {
    this.ascending = ascending;
  }

  /** The order as a comparator, ascending or descending. */
  public Comparator<Task> comparator(boolean descending) {
    return descending ? ascending.reversed() : ascending;
  }

  /** The lower-case name the query language uses: {@code id}, {@code priority}, {@code due}... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
