package dev.taskmanager.core.contract;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.port.TaskQuery.Position;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.core.query.PageRequest;
import dev.taskmanager.core.query.TaskFilter;
import dev.taskmanager.core.query.TaskPage;
import dev.taskmanager.core.usecase.CreateTask;
import dev.taskmanager.core.usecase.ListTasks;
import dev.taskmanager.core.usecase.UpdateTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link TaskStore} must do, ID rules first. A store proves it honours the contract by
 * extending this class:
 *
 * <pre>{@code
 * class InMemoryTaskStoreTest extends TaskStoreContract {
 *   protected TaskStore newStore() { return new InMemoryTaskStore(); }
 *   protected TaskStore storeWrittenByAnotherProgram(List<Task> tasks, long nextId) { ... }
 * }
 * }</pre>
 *
 * Each test gets a fresh, empty store from {@link #newStore()}; subclasses close what they open. The
 * lifecycle fields and the listings are {@link TaskQueryContract}'s part.
 */
public abstract class TaskStoreContract extends TaskQueryContract {

  /**
   * A new store holding {@code tasks} as another program wrote them, with its sequence at
   * {@code nextId}, which may be behind the stored ids (ID rule 5).
   */
  protected abstract TaskStore storeWrittenByAnotherProgram(List<Task> tasks, long nextId);

  /**
   * Another program empties the store behind its back, sequence and all, as the tutorial app's
   * reset does (on MongoDB it drops both collections, and their indexes with them).
   */
  protected abstract void anotherProgramResets();

  /** Another program removes every task behind the store's back and leaves the sequence (drops {@code tasks}). */
  protected abstract void anotherProgramDropsTheTasks();

  /**
   * Another program writes this task under its own id, with no sequence of ours, unless the store
   * refuses a second task under that id (a unique index); returns whether it was stored.
   */
  protected abstract boolean anotherProgramWrites(Task task);

  /**
   * Whether the store can notice, before it issues an id, that another program dropped what keeps
   * ids unique. A test double of a server may not allow it (the MongoDB-wire library's memory
   * backend ignores the hint that makes MongoDB refuse a write when its index is gone).
   */
  protected boolean noticesWhatOtherProgramsDrop() {
    return true;
  }


  // ---- ID rules -------------------------------------------------------------------------------

  @Test
  void rule1_theStoreAssignsNonNegativeWholeNumberIds() {
    Task created = store.create(aTask().titled("Write report").build(), NOW);

    assertThat(created.id()).isNotNegative();
    assertThat(created.title()).isEqualTo("Write report");
    assertThat(store.get(created.id())).contains(created);
  }

  @Test
  void rule2_eachCreateTakesTheSequencesValueAndAdvancesItByOne() {
    List<Long> ids = IntStream.range(0, 5).mapToObj(i -> store.create(aTask().build(), NOW).id()).collect(Collectors.toList());

    assertThat(ids).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(store.nextId()).isEqualTo(5);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void rule2_concurrentCreatesNeverShareAnId() throws Exception {
    int threads = 8;
    int perThread = 1000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<Long>>> creators = new ArrayList<>();
      for (int thread = 0; thread < threads; thread++) {
        String title = "thread " + thread;
        creators.add(() -> {
          List<Long> ids = new ArrayList<>(perThread);
          for (int i = 0; i < perThread; i++) {
            ids.add(store.create(aTask().titled(title).build(), NOW).id());
          }
          return ids;
        });
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> result : pool.invokeAll(creators)) {
        all.addAll(result.get());
      }

      assertThat(all).hasSize(threads * perThread).doesNotHaveDuplicates();
      assertThat(new HashSet<>(all))
          .describedAs("with nothing failing, the ids are exactly 0..%d", threads * perThread - 1)
          .isEqualTo(LongStream.range(0, threads * perThread).boxed().collect(Collectors.toSet()));
      assertThat(store.count()).isEqualTo(threads * perThread);
      assertThat(store.nextId()).isEqualTo(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rule3_deletedIdsAreNeverReused() {
    store.create(aTask().titled("first").build(), NOW);
    Task second = store.create(aTask().titled("second").build(), NOW);
    Task third = store.create(aTask().titled("third").build(), NOW);
    store.delete(third.id(), NOW);
    store.delete(second.id(), NOW);
    store.deleteByTitle("first", NOW);

    Task next = store.create(aTask().build(), NOW);

    assertThat(next.id()).isEqualTo(3);
  }

  @Test
  void rule4_aFreshStoreStartsAtZero() {
    assertThat(store.nextId()).isZero();
    assertThat(store.count()).isZero();
    assertThat(store.create(aTask().build(), NOW).id()).isZero();
  }

  @Test
  void rule4_aResetStoreStartsAgainAtZero() {
    for (int i = 0; i < 3; i++) {
      store.create(aTask().build(), NOW);
    }

    store.reset();

    assertThat(store.count()).isZero();
    assertThat(store.nextId()).isZero();
    assertThat(store.find(query(SortBy.ID, null, 10))).isEmpty();
    assertThat(store.create(aTask().build(), NOW).id()).isZero();
  }

  @Test
  void rule5_aSequenceBehindTheStoredIdsNeverIssuesAUsedId() {
    List<Task> writtenElsewhere = List.of(
        aTask().titled("zero").storedAs(0), aTask().titled("one").storedAs(1),
        aTask().titled("two").storedAs(2), aTask().titled("five").storedAs(5));
    store = storeWrittenByAnotherProgram(writtenElsewhere, 1);

    List<Long> created = IntStream.range(0, 4).mapToObj(i -> store.create(aTask().titled("new").build(), NOW).id())
        .collect(Collectors.toList());

    assertThat(created).doesNotHaveDuplicates().doesNotContainAnyElementsOf(List.of(0L, 1L, 2L, 5L));
    assertThat(store.get(5)).map(Task::title).contains("five");
    assertThat(store.count()).isEqualTo(8);
  }

  @Test
  void rule5_aSequenceFarBehindSkipsPastEveryStoredId() {
    List<Task> writtenElsewhere = LongStream.range(0, 300).mapToObj(id -> aTask().storedAs(id))
        .collect(Collectors.toList());
    store = storeWrittenByAnotherProgram(writtenElsewhere, 0);

    Task created = store.create(aTask().titled("new").build(), NOW);

    assertThat(created.id()).isGreaterThanOrEqualTo(300);
    assertThat(store.count()).isEqualTo(301);
  }

  @Test
  void rule2_afterAnotherProgramResetTheStoreNoTwoTasksShareAnId() {
    for (int i = 0; i < 3; i++) {
      store.create(aTask().build(), NOW);
    }
    anotherProgramResets();
    assertThat(anotherProgramWrites(aTask().titled("written elsewhere").storedAs(0))).isTrue();

    Task created = store.create(aTask().titled("after the reset").build(), NOW);

    assertThat(created.id()).describedAs("ID rule 5: the id another program stored is skipped").isEqualTo(1);
    assertThat(anotherProgramWrites(aTask().titled("racing").storedAs(created.id())))
        .describedAs("the store refuses a second task under an id it issued").isFalse();
    assertThat(store.count()).isEqualTo(2);
  }

  @Test
  void rule2_afterAnotherProgramDroppedTheTasksBetweenCreatesTheirIdsStayUnique() {
    assumeTrue(noticesWhatOtherProgramsDrop(), "this server cannot refuse a write whose index is gone");
    store.create(aTask().build(), NOW);
    anotherProgramDropsTheTasks();

    Task created = store.create(aTask().titled("after the drop").build(), NOW);

    assertThat(created.id()).describedAs("the sequence goes on").isEqualTo(1);
    assertThat(anotherProgramWrites(aTask().titled("racing").storedAs(created.id()))).isFalse();
    assertThat(store.get(created.id())).map(Task::title).contains("after the drop");
  }

  @Test
  void rule6_importKeepsTheGivenIdsAndMovesTheSequencePastTheLargest() {
    store.create(aTask().titled("before").build(), NOW);

    long written = store.importTasks(List.of(aTask().titled("ten").storedAs(10), aTask().titled("three").storedAs(3)), false);

    assertThat(written).isEqualTo(2);
    assertThat(store.get(10)).map(Task::title).contains("ten");
    assertThat(store.get(3)).map(Task::title).contains("three");
    assertThat(store.nextId()).isEqualTo(11);
    assertThat(store.create(aTask().build(), NOW).id()).isEqualTo(11);
  }

  @Test
  void rule6_importBelowTheSequenceLeavesTheSequenceAlone() {
    for (int i = 0; i < 5; i++) {
      store.create(aTask().build(), NOW);
    }
    store.delete(2, NOW);

    store.importTasks(List.of(aTask().titled("back").storedAs(2)), false);

    assertThat(store.nextId()).isEqualTo(5);
    assertThat(store.create(aTask().build(), NOW).id()).isEqualTo(5);
  }

  // ---- Round trips ----------------------------------------------------------------------------

  @Test
  void getReturnsWhatCreateStored() {
    Task created = store.create(aTask().titled("Plan trip").describedAs("to Lisbon\nin May").withPriority(7).build(), NOW);

    assertThat(store.get(created.id())).contains(
        new Task(created.id(), "Plan trip", "to Lisbon\nin May", 7, null, NOW, NOW, null, List.of()));
  }

  @Test
  void getOfAnUnknownIdIsEmpty() {
    store.create(aTask().build(), NOW);

    assertThat(store.get(1)).isEmpty();
    assertThat(store.get(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void updateChangesOnlyTheGivenFields() {
    Task created = store.create(aTask().titled("Old").describedAs("keep me").withPriority(1).build(), NOW);

    Task updated = store.update(created.id(), TaskPatch.none().withTitle("New").withPriority(9), NOW).orElseThrow();

    assertThat(updated).isEqualTo(new Task(created.id(), "New", "keep me", 9, null, NOW, NOW, null, List.of()));
    assertThat(store.get(created.id())).contains(updated);
  }

  @Test
  void whoCreatedATaskAndWhoChangedItLastAreKept() {
    Task created = store.create(aTask().titled("Shared").build().by("ann"), NOW);
    assertThat(store.get(created.id())).hasValueSatisfying(task -> {
      assertThat(task.createdBy()).isEqualTo("ann");
      assertThat(task.updatedBy()).isEqualTo("ann");
    });

    store.update(created.id(), TaskPatch.none().withDone(true).by("ed"), NOW.plusSeconds(60));
    assertThat(store.get(created.id())).hasValueSatisfying(task -> {
      assertThat(task.createdBy()).isEqualTo("ann");
      assertThat(task.updatedBy()).isEqualTo("ed");
    });

    store.update(created.id(), TaskPatch.none().withTitle("Shared, renamed"), NOW.plusSeconds(60));
    assertThat(store.get(created.id())).describedAs("a change by nobody known: the last author is unknown")
        .hasValueSatisfying(task -> {
          assertThat(task.createdBy()).isEqualTo("ann");
          assertThat(task.updatedBy()).isNull();
        });
  }

  @Test
  void importKeepsTheAuthorsATaskBrings() {
    Task imported = new Task(4, "From another store", "", 1, null, NOW, NOW.plusSeconds(60), null, List.of(), "ann", "root (command line)");

    store.importTasks(List.of(imported), false);

    assertThat(store.get(4)).contains(imported);
  }

  @Test
  void updateCanEmptyTheDescription() {
    Task created = store.create(aTask().describedAs("something").build(), NOW);

    store.update(created.id(), TaskPatch.none().withShortdesc(""), NOW);

    assertThat(store.get(created.id())).map(Task::shortdesc).contains("");
  }

  @Test
  void updateOfAnUnknownIdIsEmptyAndCreatesNothing() {
    assertThat(store.update(42, TaskPatch.none().withTitle("ghost"), NOW)).isEmpty();
    assertThat(store.count()).isZero();
  }

  @Test
  void deleteReturnsTheTaskAndRemovesIt() {
    Task keep = store.create(aTask().titled("keep").build(), NOW);
    Task gone = store.create(aTask().titled("gone").build(), NOW);

    assertThat(store.delete(gone.id(), NOW)).contains(gone);
    assertThat(store.get(gone.id())).isEmpty();
    assertThat(store.get(keep.id())).contains(keep);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void aDeletedTaskIsKeptAsideAndRestoredUnderItsIdAsItWas() {
    Task kept = store.create(aTask().titled("Keep me").withPriority(4).build(), NOW);
    Task done = store.update(kept.id(), TaskPatch.none().withDone(true).withTags(List.of("home")), NOW).orElseThrow();
    store.create(aTask().build(), NOW);
    Instant later = NOW.plusSeconds(60);

    store.delete(kept.id(), later);

    assertThat(store.get(kept.id())).isEmpty();
    assertThat(store.deleted(10)).containsExactly(new DeletedTask(done, later));
    assertThat(store.restore(kept.id())).contains(done);
    assertThat(store.get(kept.id())).contains(done);
    assertThat(store.deleted(10)).isEmpty();
    assertThat(store.restore(kept.id())).describedAs("restored once").isEmpty();
    assertThat(store.nextId()).describedAs("the sequence did not move back").isEqualTo(2);
  }

  @Test
  void deletedTasksListMostRecentFirstUpToTheLimitAndArePurgedByAge() {
    List<Task> tasks = createNumbered(4);
    for (int i = 0; i < 4; i++) {
      store.delete(tasks.get(i).id(), NOW.plusSeconds(i));
    }
    store.deleteByTitle("nobody has this title", NOW);

    assertThat(store.deleted(3)).extracting(deleted -> deleted.task().id()).containsExactly(3L, 2L, 1L);
    assertThat(store.purgeDeleted(NOW.plusSeconds(2))).isEqualTo(2);
    assertThat(store.deleted(10)).extracting(deleted -> deleted.task().id()).containsExactly(3L, 2L);
    assertThat(store.restore(0)).isEmpty();
  }

  @Test
  void deleteByTitleKeepsEveryDeletedTaskAside() {
    store.create(aTask().titled("Old reminder").build(), NOW);
    store.create(aTask().titled("Other").build(), NOW);
    store.create(aTask().titled("Old reminder").build(), NOW);

    assertThat(store.deleteByTitle("Old reminder", NOW)).isEqualTo(2);

    assertThat(store.deleted(10)).extracting(deleted -> deleted.task().id()).containsExactlyInAnyOrder(0L, 2L);
    assertThat(store.restore(2)).map(Task::title).contains("Old reminder");
    assertThat(store.count()).isEqualTo(2);
  }

  @Test
  void aTaskStoredSinceUnderTheIdOfADeletedOneIsNeverOverwrittenByARestore() {
    Task first = store.create(aTask().titled("first").build(), NOW);
    store.delete(first.id(), NOW);
    store.importTasks(List.of(new Task(first.id(), "imported since", "", 0)), false);

    assertThatThrownBy(() -> store.restore(first.id()))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageStartingWith("id: 0 is used by a task stored since it was deleted");
    assertThat(store.get(first.id())).map(Task::title).contains("imported since");
    assertThat(store.deleted(10)).hasSize(1);
  }

  @Test
  void resetForgetsTheDeletedTasksToo() {
    Task task = store.create(aTask().build(), NOW);
    store.delete(task.id(), NOW);

    store.reset();

    assertThat(store.deleted(10)).isEmpty();
    assertThat(store.restore(task.id())).isEmpty();
  }

  @Test
  void deleteOfAnUnknownIdIsEmpty() {
    store.create(aTask().build(), NOW);

    assertThat(store.delete(99, NOW)).isEmpty();
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void deleteByTitleDeletesExactMatchesOnlyAndCountsThem() {
    store.create(aTask().titled("Buy milk").build(), NOW);
    store.create(aTask().titled("Buy milk").build(), NOW);
    store.create(aTask().titled("buy milk").build(), NOW);
    store.create(aTask().titled("Buy milk and eggs").build(), NOW);

    assertThat(store.deleteByTitle("Buy milk", NOW)).isEqualTo(2);
    assertThat(store.deleteByTitle("Buy milk", NOW)).isZero();
    assertThat(allById()).extracting(Task::title).containsExactly("buy milk", "Buy milk and eggs");
  }

  @Test
  void deleteByTitleTreatsPatternCharactersLiterally() {
    store.create(aTask().titled("a.c").build(), NOW);
    store.create(aTask().titled("abc").build(), NOW);
    store.create(aTask().titled("a*").build(), NOW);

    assertThat(store.deleteByTitle("a.c", NOW)).isEqualTo(1);
    assertThat(store.deleteByTitle(".*", NOW)).isZero();
    assertThat(allById()).extracting(Task::title).containsExactly("abc", "a*");
  }

  @Test
  void countAndNextIdFollowCreatesAndDeletes() {
    for (int i = 0; i < 4; i++) {
      store.create(aTask().build(), NOW);
    }
    store.delete(0, NOW);

    assertThat(store.count()).isEqualTo(3);
    assertThat(store.nextId()).isEqualTo(4);
  }

  @Test
  void existingIdsTellsWhichIdsAreStored() {
    store.create(aTask().build(), NOW);
    store.create(aTask().build(), NOW);
    store.delete(0, NOW);

    assertThat(store.existingIds(List.of(0L, 1L, 2L, 1L))).containsExactly(1L);
    assertThat(store.existingIds(List.of())).isEmpty();
  }

  @Test
  void importWithoutReplaceKeepsTheStoredTask() {
    Task stored = store.create(aTask().titled("original").build(), NOW);

    long written = store.importTasks(
        List.of(aTask().titled("imported").storedAs(stored.id()), aTask().titled("new").storedAs(7)), false);

    assertThat(written).isEqualTo(1);
    assertThat(store.get(stored.id())).contains(stored);
    assertThat(store.get(7)).map(Task::title).contains("new");
  }

  @Test
  void importWithReplaceOverwritesTheStoredTask() {
    Task stored = store.create(aTask().titled("original").withPriority(1).build(), NOW);
    Task replacement = aTask().titled("imported").withPriority(2).storedAs(stored.id());

    long written = store.importTasks(List.of(replacement), true);

    assertThat(written).isEqualTo(1);
    assertThat(store.get(stored.id())).contains(replacement);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void importOfManyTasksStoresThemAll() {
    List<Task> tasks = LongStream.range(0, 2_000).map(i -> i * 3)
        .mapToObj(id -> aTask().titled("task " + id).withPriority((int) (id % 1001)).storedAs(id))
        .collect(Collectors.toList());

    assertThat(store.importTasks(tasks, false)).isEqualTo(2_000);

    assertThat(store.count()).isEqualTo(2_000);
    assertThat(store.nextId()).isEqualTo(5_998);
    assertThat(allById()).isEqualTo(tasks);
  }

  // ---- Paging ---------------------------------------------------------------------------------

  @Test
  void findReturnsTasksStrictlyAfterThePositionInOrder() {
    for (int i = 0; i < 10; i++) {
      store.create(aTask().build(), NOW);
    }

    List<Task> page = store.find(new TaskQuery(TaskFilter.ANY, SortBy.ID, false, position(3, 0), 4));

    assertThat(page).extracting(Task::id).containsExactly(4L, 5L, 6L, 7L);
  }

  @Test
  void findInDescendingOrderReturnsTasksBeforeThePosition() {
    for (int i = 0; i < 10; i++) {
      store.create(aTask().build(), NOW);
    }

    List<Task> page = store.find(new TaskQuery(TaskFilter.ANY, SortBy.ID, true, position(3, 0), 5));

    assertThat(page).extracting(Task::id).containsExactly(2L, 1L, 0L);
  }

  @Test
  void findByPriorityBreaksTiesById() {
    int[] priorities = {5, 1, 5, 0, 1000, 5};
    for (int priority : priorities) {
      store.create(aTask().withPriority(priority).build(), NOW);
    }

    assertThat(store.find(query(SortBy.PRIORITY, null, 10))).extracting(Task::id)
        .containsExactly(3L, 1L, 0L, 2L, 5L, 4L);
    assertThat(store.find(new TaskQuery(TaskFilter.ANY, SortBy.PRIORITY, true, null, 10))).extracting(Task::id)
        .containsExactly(4L, 5L, 2L, 0L, 1L, 3L);
    assertThat(store.find(new TaskQuery(TaskFilter.ANY, SortBy.PRIORITY, false, position(0, 5), 10))).extracting(Task::id)
        .containsExactly(2L, 5L, 4L);
  }

  @Test
  void walkingEveryPageByIdReturnsEveryTaskOnceInOrder() {
    List<Task> created = createNumbered(23);

    assertThat(walk(request(SortBy.ID, false, null, 5))).isEqualTo(created);
    List<Task> reversed = new ArrayList<>(created);
    java.util.Collections.reverse(reversed);
    assertThat(walk(request(SortBy.ID, true, null, 5))).isEqualTo(reversed);
  }

  @Test
  void walkingEveryPageByPriorityReturnsEveryTaskOnceInPriorityThenIdOrder() {
    List<Task> created = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      created.add(store.create(aTask().titled("t" + i).withPriority((i * 7) % 4).build(), NOW));
    }
    created.sort(SortBy.PRIORITY.comparator(false));

    assertThat(walk(request(SortBy.PRIORITY, false, null, 4))).isEqualTo(created);
    created.sort(SortBy.PRIORITY.comparator(true));
    assertThat(walk(request(SortBy.PRIORITY, true, null, 4))).isEqualTo(created);
  }

  @Test
  void walkingPagesWhileTasksAreCreatedAndDeletedSeesEverySurvivorOnce() {
    List<Task> original = createNumbered(40);
    Set<Long> deleted = new HashSet<>();
    List<Task> seen = new ArrayList<>();
    int[] round = {0};

    walk(request(SortBy.ID, false, null, 6), page -> {
      seen.addAll(page.tasks());
      // Between pages: delete a task not yet seen and one already seen, and create two new ones.
      long lastSeen = seen.isEmpty() ? -1 : seen.get(seen.size() - 1).id();
      long notYetSeen = 39 - round[0] * 2L;
      if (notYetSeen > lastSeen) {
        store.delete(notYetSeen, NOW).ifPresent(task -> deleted.add(task.id()));
      }
      page.tasks().stream().findFirst().ifPresent(alreadySeen -> store.delete(alreadySeen.id(), NOW));
      store.create(aTask().titled("created while walking").build(), NOW);
      store.create(aTask().titled("created while walking").build(), NOW);
      round[0]++;
    });

    List<Long> seenIds = seen.stream().map(Task::id).collect(Collectors.toList());
    assertThat(seenIds).doesNotHaveDuplicates().isSorted();
    List<Long> survivors = original.stream().map(Task::id).filter(id -> !deleted.contains(id)).collect(Collectors.toList());
    assertThat(deleted).describedAs("the test deleted unseen tasks").isNotEmpty();
    assertThat(seenIds).containsAll(survivors).doesNotContainAnyElementsOf(deleted);
  }

  @Test
  void walkingPagesByPriorityWhilePrioritiesChangeSeesUntouchedTasksOnce() {
    List<Task> original = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      original.add(store.create(aTask().withPriority(i % 3).build(), NOW));
    }
    UpdateTask update = new UpdateTask(store);
    Set<Long> touched = new HashSet<>();
    List<Long> seen = new ArrayList<>();
    int[] round = {0};

    walk(request(SortBy.PRIORITY, false, null, 5), page -> {
      page.tasks().forEach(task -> seen.add(task.id()));
      long id = 29 - round[0]++;
      touched.add(id);
      update.update(id, TaskPatch.none().withPriority(999));
    });

    Set<Long> untouched = original.stream().map(Task::id).filter(id -> !touched.contains(id)).collect(Collectors.toSet());
    assertThat(seen.stream().filter(untouched::contains).collect(Collectors.toList()))
        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(untouched);
  }

  @Test
  void titleFilterMatchesSubstringsIgnoringCase() {
    store.create(aTask().titled("Buy MILK").build(), NOW);
    store.create(aTask().titled("Call mum").build(), NOW);
    store.create(aTask().titled("milkshake").build(), NOW);
    store.create(aTask().titled("Mil k").build(), NOW);

    assertThat(store.find(query(SortBy.ID, "milk", 10))).extracting(Task::title).containsExactly("Buy MILK", "milkshake");
    assertThat(store.find(query(SortBy.ID, "MUM", 10))).extracting(Task::title).containsExactly("Call mum");
    assertThat(store.find(query(SortBy.ID, "nothing", 10))).isEmpty();
  }

  @Test
  void titleFilterTreatsPatternCharactersLiterally() {
    store.create(aTask().titled("a+b (1)").build(), NOW);
    store.create(aTask().titled("aab 1").build(), NOW);
    store.create(aTask().titled("$where").build(), NOW);

    assertThat(store.find(query(SortBy.ID, "a+b (1", 10))).extracting(Task::title).containsExactly("a+b (1)");
    assertThat(store.find(query(SortBy.ID, ".*", 10))).isEmpty();
    assertThat(store.find(query(SortBy.ID, "$where", 10))).extracting(Task::title).containsExactly("$where");
  }

  @Test
  void walkingFilteredPagesReturnsEveryMatchOnce() {
    List<Task> matching = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Task task = store.create(aTask().titled(i % 3 == 0 ? "report " + i : "other " + i).withPriority(i % 5).build(), NOW);
      if (i % 3 == 0) {
        matching.add(task);
      }
    }
    matching.sort(SortBy.PRIORITY.comparator(false));

    assertThat(walk(request(SortBy.PRIORITY, false, "REPORT", 3))).isEqualTo(matching);
  }

  @Test
  void findNeverReturnsMoreThanTheLimit() {
    createNumbered(12);

    assertThat(store.find(query(SortBy.ID, null, 1))).hasSize(1);
    assertThat(store.find(query(SortBy.PRIORITY, null, 5))).hasSize(5);
    assertThat(store.find(query(SortBy.ID, null, 500))).hasSize(12);
  }

  // ---- Text and limits ------------------------------------------------------------------------

  @Test
  void unicodeTextRoundTripsUnchanged() {
    String[] titles = {
      "🎉 Party 👩‍👩‍👧‍👦", "مرحبا بالعالم", "שלום עולם", "e\u0301te\u0301 cafe\u0301", "漢字かなカナ", "Ωμέγα ß ﬁ", "\uD834\uDD1E clef"
    };
    List<Task> created = new ArrayList<>();
    for (String title : titles) {
      created.add(store.create(aTask().titled(title).describedAs(title + "\n\t" + title).build(), NOW));
    }

    for (Task task : created) {
      assertThat(store.get(task.id())).contains(task);
    }
    assertThat(store.find(query(SortBy.ID, "بالعالم", 10))).extracting(Task::title).containsExactly("مرحبا بالعالم");
    assertThat(store.find(query(SortBy.ID, "👩‍👩‍👧", 10))).extracting(Task::title).containsExactly("🎉 Party 👩‍👩‍👧‍👦");
  }

  @Test
  void textAtItsLimitsRoundTripsAndOneMoreIsRejectedWithNothingStored() {
    CreateTask create = new CreateTask(store);
    String longestTitle = "🙂".repeat(200);
    String longestShortdesc = "é\n\t".repeat(666) + "xy";

    Task created = create.create(aTask().titled(longestTitle).describedAs(longestShortdesc).withPriority(1000).build());

    assertThat(store.get(created.id())).map(task -> List.of(task.title(), task.shortdesc(), task.priority()))
        .contains(List.of(longestTitle, longestShortdesc, 1000));
    assertThatThrownBy(() -> create.create(aTask().titled(longestTitle + "🙂").build()))
        .isInstanceOf(InvalidTaskException.class).hasMessageContaining("title: is 201 characters long");
    assertThatThrownBy(() -> create.create(aTask().describedAs(longestShortdesc + "z").build()))
        .isInstanceOf(InvalidTaskException.class).hasMessageContaining("shortdesc: is 2001 characters long");
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void priorityBoundsRoundTrip() {
    Task lowest = store.create(aTask().withPriority(0).build(), NOW);
    Task highest = store.create(aTask().withPriority(1000).build(), NOW);

    assertThat(store.get(lowest.id())).map(Task::priority).contains(0);
    assertThat(store.get(highest.id())).map(Task::priority).contains(1000);
  }

  // ---- Helpers --------------------------------------------------------------------------------

  private List<Task> createNumbered(int count) {
    List<Task> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      created.add(store.create(aTask().titled("task " + i).withPriority(i % 4).build(), NOW));
    }
    return created;
  }

  private List<Task> allById() {
    return store.find(query(SortBy.ID, null, 10_000));
  }

  private static TaskQuery query(SortBy sortBy, String word, int limit) {
    return new TaskQuery(TestSearches.filter(word), sortBy, false, null, limit);
  }

  private static PageRequest request(SortBy sortBy, boolean descending, String word, int limit) {
    return new PageRequest(TestSearches.every(sortBy, descending, word), null, limit);
  }

  private static Position position(long id, int priority) {
    return new Position(id, priority, null, null, null);
  }

  private List<Task> walk(PageRequest first) {
    List<Task> all = new ArrayList<>();
    walk(first, page -> all.addAll(page.tasks()));
    return all;
  }

  /** Follows the next cursors from the first page to the last, handing each page over. */
  private void walk(PageRequest first, Consumer<TaskPage> eachPage) {
    ListTasks list = new ListTasks(store);
    Set<String> cursors = new LinkedHashSet<>();
    TaskPage page = list.list(first);
    while (true) {
      eachPage.accept(page);
      if (!page.hasNext()) {
        return;
      }
      assertThat(cursors.add(page.nextCursor())).describedAs("a cursor never repeats").isTrue();
      assertThat(cursors).describedAs("walking ends").hasSizeLessThan(10_000);
      page = list.list(first.at(page.nextCursor()));
    }
  }
}
