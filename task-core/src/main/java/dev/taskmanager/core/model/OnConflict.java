package dev.taskmanager.core.model;

import java.util.Locale;

/** What an import does with a task whose id is already stored. */
public enum OnConflict {
  /** Import nothing at all and report every conflicting id. */
  FAIL,
  /** Keep the stored task and leave the imported one out. */
  SKIP,
  /** Overwrite the stored task with the imported one. */
  REPLACE;

  /** As a person types it: {@code fail}, {@code skip}, {@code replace}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
