package dev.taskmanager.core.model;

import java.util.Comparator;
import java.util.Locale;

/** The orders a listing can have. Ties are always broken by id, so every order is total. */
public enum SortBy {
  /** By id: the order of creation. */
  ID(Comparator.comparingLong(Task::id)),
  /** By priority, then by id. */
  PRIORITY(Comparator.comparingInt(Task::priority).thenComparingLong(Task::id));

  private final Comparator<Task> ascending;

  SortBy(Comparator<Task> ascending) {
    this.ascending = ascending;
  }

  /** The order as a comparator, ascending or descending. */
  public Comparator<Task> comparator(boolean descending) {
    return descending ? ascending.reversed() : ascending;
  }

  /** The lower-case name used in URLs and on the command line: {@code id}, {@code priority}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
