package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.ImportRecord;
import dev.taskmanager.core.model.ImportResult;
import dev.taskmanager.core.model.InvalidImportException;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.OnConflict;
import dev.taskmanager.core.model.RecordViolation;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.port.TaskStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
  private final Clock clock;

  /** Dates a task marked done without a time of completion or last change by the clock. */
  public ImportTasks(TaskStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Dates a task marked done without a time of completion or last change by the system's clock. */
  public ImportTasks(TaskStore store) {
    this(store, Clock.systemUTC());
  }

  /**
   * Checks every record against the rules, the rest of the input and the store, then (unless
   * {@code dryRun}) writes the tasks under their ids and moves the sequence past the largest.
   *
   * @param records every record of the input in order, unreadable ones included, so that the
   *     numbers in messages ("the id of record 3") are those of the input
   * @param onConflict what to do with an id that is already stored
   * @param dryRun check and count only, write nothing
   * @throws InvalidImportException listing, by record, every problem: what the adapter found
   *     reading it, a broken rule, an id that an earlier record has, and (with {@link
   *     OnConflict#FAIL}) an id already stored; nothing was written
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public ImportResult importTasks(List<ImportRecord> records, OnConflict onConflict, boolean dryRun) {
    Objects.requireNonNull(onConflict, "onConflict");
    Checked checked = check(records, Clocks.now(clock));
    List<RecordViolation> problems = checked.problems;
    Set<Long> taken = store.existingIds(checked.tasks.stream().map(Task::id).collect(Collectors.toList()));
    if (onConflict == OnConflict.FAIL) {
      for (int i = 0; i < checked.tasks.size(); i++) {
        long id = checked.tasks.get(i).id();
        if (taken.contains(id)) {
          problems.add(new RecordViolation(checked.indexes.get(i), new Violation(TaskRules.ID,
              id + " is already used by a stored task",
              "an id no stored task has, or an import that skips or replaces conflicting tasks")));
        }
      }
    }
    if (!problems.isEmpty()) {
      // Stable: a record's own problems stay in the order found.
      problems.sort(Comparator.comparingInt(RecordViolation::index));
      throw new InvalidImportException(problems);
    }
    int conflicts = taken.size();
    ImportResult result = new ImportResult(
        checked.tasks.size() - conflicts,
        onConflict == OnConflict.REPLACE ? conflicts : 0,
        onConflict == OnConflict.SKIP ? conflicts : 0,
        dryRun);
    if (!dryRun && !checked.tasks.isEmpty()) {
      List<Task> toWrite = onConflict == OnConflict.SKIP
          ? checked.tasks.stream().filter(task -> !taken.contains(task.id())).collect(Collectors.toList())
          : checked.tasks;
      store.importTasks(toWrite, onConflict == OnConflict.REPLACE);
    }
    return result;
  }

  /** The good records as tasks (as the rules normalise them: trimmed titles…), and every problem. */
  private static Checked check(List<ImportRecord> records, Instant now) {
    Checked checked = new Checked();
    Map<Long, Integer> firstIndexOfId = new HashMap<>();
    for (int index = 0; index < records.size(); index++) {
      ImportRecord record = Objects.requireNonNull(records.get(index), "records must not contain null");
      if (!record.readable()) {
        checked.addAll(index, record.fields().shapeProblems());
        continue;
      }
      Task task = null;
      Long id;
      try {
        task = record.fields().toTask(record.id(), now);
        id = task.id();
      } catch (InvalidTaskException invalid) {
        checked.addAll(index, invalid.violations());
        // A record wrong in another field still claims its id: a later record repeating it is told.
        boolean goodId = invalid.violations().stream().noneMatch(violation -> violation.field().equals(TaskRules.ID));
        id = goodId ? TaskInput.parseId(record.id()) : null;
      }
      Integer first = id == null ? null : firstIndexOfId.putIfAbsent(id, index);
      if (first != null) {
        checked.problems.add(new RecordViolation(index, new Violation(TaskRules.ID,
            id + " is also the id of record " + (first + 1), "each id once in the input")));
      } else if (task != null) {
        checked.tasks.add(task);
        checked.indexes.add(index);
      }
    }
    return checked;
  }

  /** What checking the records found: the good ones as tasks, each with its record's index. */
  private static final class Checked {
    final List<Task> tasks = new ArrayList<>();
    final List<Integer> indexes = new ArrayList<>();
    final List<RecordViolation> problems = new ArrayList<>();

    void addAll(int index, List<Violation> violations) {
      violations.forEach(violation -> problems.add(new RecordViolation(index, violation)));
    }
  }
}
