package dev.taskmanager.core.contract;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.core.query.TaskFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs a sequence of operations on a store beside a model of what it should hold, and checks the
 * ID rules after every step: a created id was never issued or imported since the last reset, is at
 * least the sequence's value before the create, and advances it, also when the sequence starts
 * behind ids another program stored; a reset starts again at 0; an import moves the sequence past
 * its largest id; the store holds exactly what the model holds.
 */
public final class IdRulesChecker {

  private final TaskStore store;
  private final TreeMap<Long, Task> model = new TreeMap<>();
  private final Set<Long> usedSinceReset = new HashSet<>();
  /**
   * Ids another program stored. Rule 5 protects them while they are stored; one deleted before the
   * store ever saw it is unknown to any store, so it may be issued later.
   */
  private final Set<Long> writtenElsewhere = new HashSet<>();
  /** Nothing was created or imported since the store was made empty or reset. */
  private boolean fresh;

  /**
   * @param store the store under test
   * @param alreadyStored what the store holds at the start, as another program may have written it
   *     (its sequence possibly behind these ids)
   */
  public IdRulesChecker(TaskStore store, List<Task> alreadyStored) {
    this.store = store;
    alreadyStored.forEach(task -> model.put(task.id(), task));
    usedSinceReset.addAll(model.keySet());
    writtenElsewhere.addAll(model.keySet());
    fresh = alreadyStored.isEmpty() && store.nextId() == 0;
  }

  public void run(List<StoreOperation> operations) {
    for (StoreOperation operation : operations) {
      apply(operation);
      assertThat(store.count()).describedAs("count after %s", operation).isEqualTo(model.size());
    }
    List<Task> stored = store.find(new TaskQuery(TaskFilter.ANY, SortBy.ID, false, null, Math.max(1, model.size() + 1)));
    assertThat(stored).isEqualTo(new ArrayList<>(model.values()));
  }

  private void apply(StoreOperation operation) {
    if (operation instanceof StoreOperation.Create create) {
      long sequenceBefore = store.nextId();
      Task task = store.create(new TaskDraft(create.title()), NOW);
      assertThat(usedSinceReset).describedAs("rules 2, 3, 5: a new id is never a used one").doesNotContain(task.id());
      assertThat(task.id()).describedAs("rule 2: the sequence's value").isGreaterThanOrEqualTo(sequenceBefore);
      if (fresh) {
        assertThat(task.id()).describedAs("rule 4: a fresh or reset store starts at 0").isZero();
      }
      assertThat(store.nextId()).describedAs("rule 2: the sequence advances").isEqualTo(task.id() + 1);
      usedSinceReset.add(task.id());
      model.put(task.id(), task);
      fresh = false;
    } else if (operation instanceof StoreOperation.Update update && !model.isEmpty()) {
      Task target = pick(update.pick());
      Task updated = store.update(target.id(), TaskPatch.none().withPriority(update.priority()), NOW).orElseThrow();
      model.put(updated.id(), updated);
    } else if (operation instanceof StoreOperation.Delete delete && !model.isEmpty()) {
      Task target = pick(delete.pick());
      assertThat(store.delete(target.id(), NOW)).contains(target);
      forget(target.id());
    } else if (operation instanceof StoreOperation.DeleteByTitle byTitle) {
      List<Long> matching = model.values().stream().filter(task -> task.title().equals(byTitle.title()))
          .map(Task::id).collect(Collectors.toList());
      assertThat(store.deleteByTitle(byTitle.title(), NOW)).isEqualTo(matching.size());
      matching.forEach(this::forget);
    } else if (operation instanceof StoreOperation.Reset) {
      store.reset();
      model.clear();
      usedSinceReset.clear();
      writtenElsewhere.clear();
      fresh = true;
      assertThat(store.nextId()).describedAs("rule 4").isZero();
    } else if (operation instanceof StoreOperation.Import imported) {
      List<Task> tasks = imported.ids().stream().distinct().map(id -> new Task(id, "imported " + id, "", 1))
          .collect(Collectors.toList());
      store.importTasks(tasks, imported.replace());
      fresh = fresh && tasks.isEmpty();
      for (Task task : tasks) {
        if (imported.replace() || !model.containsKey(task.id())) {
          model.put(task.id(), task);
        }
        usedSinceReset.add(task.id());
        writtenElsewhere.remove(task.id());
      }
      tasks.stream().mapToLong(Task::id).max().ifPresent(largest ->
          assertThat(store.nextId()).describedAs("rule 6").isGreaterThan(largest));
    }
  }

  private void forget(long id) {
    model.remove(id);
    if (writtenElsewhere.remove(id)) {
      usedSinceReset.remove(id);
    }
  }

  private Task pick(int index) {
    List<Task> tasks = new ArrayList<>(model.values());
    return tasks.get(Math.floorMod(index, tasks.size()));
  }
}
