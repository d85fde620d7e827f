package dev.taskmanager.core.contract;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static dev.taskmanager.core.contract.TestTimes.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.core.query.PageRequest;
import dev.taskmanager.core.query.SearchParser;
import dev.taskmanager.core.query.TaskFilter;
import dev.taskmanager.core.query.TaskPage;
import dev.taskmanager.core.query.TaskSearch;
import dev.taskmanager.core.usecase.ListTasks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link TaskStore} must do with the fields a task manager adds to the tutorial's four
 * (completion, times, due day, tags) and with every filter and order of the query language: a
 * store returns exactly the tasks {@link TaskFilter#matches} admits, in the order of {@link
 * SortBy}, page after page in both directions.
 */
public abstract class TaskQueryContract {

  /** A new, empty store, its sequence at 0. Called before every test. */
  protected abstract TaskStore newStore();

  protected TaskStore store;

  @BeforeEach
  void freshStore() {
    store = newStore();
  }

  @Test
  void createStampsTheTimesAndKeepsTheDueDayAndTags() {
    LocalDate christmas = LocalDate.of(2026, 12, 24);
    Task created = store.create(new TaskDraft("Wrap presents", "", 3, christmas, List.of("home", "family")), NOW);

    assertThat(created.createdAt()).isEqualTo(NOW);
    assertThat(created.updatedAt()).isEqualTo(NOW);
    assertThat(created.done()).isFalse();
    assertThat(created.due()).isEqualTo(christmas);
    assertThat(created.tags()).containsExactly("family", "home");
    assertThat(store.get(created.id())).contains(created);
  }

  @Test
  void completingStampsTheTimeOnceAndReopeningClearsIt() {
    Task task = store.create(new TaskDraft("Pay rent"), NOW);
    Instant later = NOW.plusSeconds(90);
    Instant latest = NOW.plusSeconds(180);

    Task done = store.update(task.id(), TaskPatch.none().withDone(true), later).orElseThrow();
    Task doneAgain = store.update(task.id(), TaskPatch.none().withDone(true), latest).orElseThrow();
    Task reopened = store.update(task.id(), TaskPatch.none().withDone(false), latest).orElseThrow();

    assertThat(done.doneAt()).isEqualTo(later);
    assertThat(done.updatedAt()).isEqualTo(later);
    assertThat(doneAgain.doneAt()).describedAs("completing a done task keeps its time").isEqualTo(later);
    assertThat(reopened.done()).isFalse();
    assertThat(reopened.createdAt()).isEqualTo(NOW);
    assertThat(store.get(task.id())).contains(reopened);
  }

  @Test
  void anUpdateSetsAndRemovesTheDueDayAndReplacesTheTags() {
    Task task = store.create(new TaskDraft("Plan trip", "", 0, LocalDate.of(2027, 1, 5), List.of("travel")), NOW);

    Task changed = store.update(task.id(), TaskPatch.none().withTags(List.of("work", "q1")).withDue(null), NOW)
        .orElseThrow();
    Task untagged = store.update(task.id(), TaskPatch.none().withTags(List.of()), NOW).orElseThrow();

    assertThat(changed.due()).isNull();
    assertThat(changed.tags()).containsExactly("q1", "work");
    assertThat(untagged.tags()).isEmpty();
    assertThat(store.get(task.id())).contains(untagged);
  }

  @Test
  void importKeepsEveryField() {
    Task full = new Task(40, "Imported", "with all", 7, NOW.minusSeconds(5), NOW.minusSeconds(500),
        NOW.minusSeconds(5), LocalDate.of(2026, 11, 30), List.of("a", "b"));
    Task legacy = new Task(41, "From the tutorial app", "", 0);

    store.importTasks(List.of(full, legacy), false);

    assertThat(store.get(40)).contains(full);
    assertThat(store.get(41)).contains(legacy);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "is:any", "is:done", "sort:-due", "is:any sort:due", "is:any sort:-due",
    "is:any sort:created", "is:any sort:-created", "is:any sort:done", "is:any sort:-done", "is:done sort:done",
    "is:any sort:priority", "sort:-priority", "is:any sort:-id", "sort:id",
    "tag:home", "tag:home tag:work", "is:any -tag:work", "tag:home is:done", "is:any tag:x-1 sort:-due",
    "due:today", "overdue", "is:any overdue", "due:none", "is:any due:none sort:-due", "due>=today due<=+3d",
    "due>today sort:-due", "priority>=4", "priority<2 is:any sort:-priority", "milk", "\"about mum\" is:any",
    "is:any report sort:-due", "tag:home due:none", "milk report", "tag:nothing", "due<1999-01-01",
  })
  void everyQueryListsExactlyItsTasksInOrderPageByPageBothWays(String query) {
    List<Task> all = storeVariedTasks();
    TaskSearch search = SearchParser.parse(query, TODAY);
    List<Task> expected = all.stream().filter(search.filter()::matches)
        .sorted(search.sortBy().comparator(search.descending())).toList();

    PageRequest first = new PageRequest(search, null, 4);
    ListTasks list = new ListTasks(store);
    List<TaskPage> pages = new ArrayList<>();
    TaskPage page = list.list(first);
    pages.add(page);
    while (page.hasNext() && pages.size() < 100) {
      page = list.list(first.at(page.nextCursor()));
      pages.add(page);
    }
    List<Task> forward = pages.stream().flatMap(each -> each.tasks().stream()).toList();
    assertThat(forward).describedAs("forward through " + query).isEqualTo(expected);

    List<Task> backward = new ArrayList<>(page.tasks());
    int steps = 0;
    while (page.hasPrevious() && steps++ < 100) {
      page = list.list(first.at(page.previousCursor()));
      List<Task> before = new ArrayList<>(page.tasks());
      before.removeAll(backward);
      backward.addAll(0, before);
    }
    assertThat(backward).describedAs("backward through " + query).isEqualTo(expected);
  }

  @Test
  void aPageEndsAtTheLimitEvenWhenTheOrderHasTwoParts() {
    storeVariedTasks();
    TaskQuery query = new TaskQuery(TaskFilter.ANY, SortBy.DUE, false, null, 45);

    assertThat(store.find(query)).hasSize(45);
  }

  /**
   * Tasks that differ in every field a query looks at, with ties in every order, some completed and
   * some as the tutorial app wrote them; returns them as stored.
   */
  private List<Task> storeVariedTasks() {
    List<Task> legacy = List.of(new Task(500, "legacy milk", "", 2), new Task(501, "legacy", "about mum", 0));
    store.importTasks(legacy, false);
    List<String> tagSets = List.of("", "home", "work", "home work", "x-1", "home x-1");
    for (int i = 0; i < 48; i++) {
      String title = "task " + i + (i % 5 == 0 ? " milk" : "") + (i % 7 == 0 ? " Report" : "");
      String shortdesc = i % 6 == 0 ? "about MUM" : "";
      LocalDate due = i % 3 == 0 ? null : TODAY.plusDays(i % 9 - 4);
      String tags = tagSets.get(i % tagSets.size());
      List<String> tagList = tags.isEmpty() ? List.of() : List.of(tags.split(" "));
      Task task = store.create(new TaskDraft(title, shortdesc, i % 4 * 2, due, tagList), NOW.plusSeconds(i % 10));
      if (i % 4 == 1) {
        store.update(task.id(), TaskPatch.none().withDone(true), NOW.plusSeconds(100 + i % 8));
      }
    }
    List<Task> all = new ArrayList<>(store.find(new TaskQuery(TaskFilter.ANY, SortBy.ID, false, null, 500)));
    assertThat(all).hasSize(50);
    Collections.shuffle(all);
    return all;
  }
}
