package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.ImportResult;
import dev.taskmanager.core.model.InvalidImportException;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.OnConflict;
import dev.taskmanager.core.model.RecordViolation;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.port.TaskStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores tasks that come with their own ids, from an export or another program. The whole input is
 * checked before anything is written: one bad record and nothing is imported.
 */
public final class ImportTasks {

  private final TaskStore store;

  public ImportTasks(TaskStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Checks every task against the rules and the store, then (unless {@code dryRun}) writes them
   * under their ids and moves the sequence past the largest.
   *
   * @param tasks the tasks in input order; their position is what problems refer to
   * @param onConflict what to do with an id that is already stored
   * @param dryRun check and count only, write nothing
   * @throws InvalidImportException listing every record that breaks a rule, repeats an id of the
   *     input, or (with {@link OnConflict#FAIL}) takes a stored id; nothing was written
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public ImportResult importTasks(List<Task> tasks, OnConflict onConflict, boolean dryRun) {
    Objects.requireNonNull(onConflict, "onConflict");
    List<RecordViolation> problems = new ArrayList<>();
    List<Task> checked = checkRecords(tasks, problems);
    if (!problems.isEmpty()) {
      throw new InvalidImportException(problems);
    }
    Set<Long> taken = store.existingIds(checked.stream().map(Task::id).collect(Collectors.toList()));
    if (onConflict == OnConflict.FAIL && !taken.isEmpty()) {
      for (int index = 0; index < checked.size(); index++) {
        long id = checked.get(index).id();
        if (taken.contains(id)) {
          problems.add(new RecordViolation(index, new Violation("id", id + " is already used by a stored task",
              "an id no stored task has, or an import that skips or replaces conflicting tasks")));
        }
      }
      throw new InvalidImportException(problems);
    }
    int conflicts = taken.size();
    ImportResult result = new ImportResult(
        checked.size() - conflicts,
        onConflict == OnConflict.REPLACE ? conflicts : 0,
        onConflict == OnConflict.SKIP ? conflicts : 0,
        dryRun);
    if (!dryRun && !checked.isEmpty()) {
      List<Task> toWrite = onConflict == OnConflict.SKIP
          ? checked.stream().filter(task -> !taken.contains(task.id())).collect(Collectors.toList())
          : checked;
      store.importTasks(toWrite, onConflict == OnConflict.REPLACE);
    }
    return result;
  }

  /** The tasks as the rules normalise them (trimmed titles…), collecting what is wrong with each. */
  private static List<Task> checkRecords(List<Task> tasks, List<RecordViolation> problems) {
    List<Task> checked = new ArrayList<>(tasks.size());
    Map<Long, Integer> firstIndexOfId = new HashMap<>();
    for (int index = 0; index < tasks.size(); index++) {
      Task task = Objects.requireNonNull(tasks.get(index), "tasks must not contain null");
      try {
        checked.add(new TaskDraft(task.title(), task.shortdesc(), task.priority()).toTask(task.id()));
      } catch (InvalidTaskException invalid) {
        for (Violation violation : invalid.violations()) {
          problems.add(new RecordViolation(index, violation));
        }
      }
      Integer first = firstIndexOfId.putIfAbsent(task.id(), index);
      if (first != null) {
        problems.add(new RecordViolation(index, new Violation("id",
            task.id() + " is also the id of record " + (first + 1), "each id once in the input")));
      }
    }
    return checked;
  }
}
