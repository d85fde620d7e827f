package dev.taskmanager.cli.store;

import java.util.List;

/**
 * Checks a store's health and repairs what it can, for {@code task doctor}. Each store brings its
 * own: the checks are about how the store keeps tasks (MongoDB: the unique index on {@code tasks.id},
 * the one {@code settings} document and its sequence, duplicate ids left by the tutorial app's race).
 *
 * <p>Every method throws {@link dev.taskmanager.core.model.TaskStoreException} when the store cannot
 * be reached.
 */
public interface StoreDoctor {

  /** Every check with its outcome, in a stable order; problems have {@code ok == false}. */
  List<Finding> check();

  /** What {@link #repair(List)} would change now, one entry per change; empty when nothing is to be fixed. */
  List<Change> plannedRepairs();

  /**
   * Applies these changes, as {@link #plannedRepairs()} gave them, and nothing else.
   *
   * @throws IllegalStateException when the store no longer matches the plan (changed meanwhile)
   */
  void repair(List<Change> changes);

  /**
   * One check and its outcome.
   *
   * @param check what was checked, e.g. {@code unique index on tasks.id}
   * @param ok whether it passed
   * @param detail what was found, one line
   */
  record Finding(String check, boolean ok, String detail) {}

  /**
   * One change a repair makes, described for a person before it is made.
   *
   * @param description e.g. {@code set settings.task_id from 12 to 40}
   */
  record Change(String description) {}
}
