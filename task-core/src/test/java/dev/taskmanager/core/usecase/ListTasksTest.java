package dev.taskmanager.core.usecase;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.contract.TestSearches;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.query.PageRequest;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.query.TaskPage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListTasksTest {

  private final InMemoryTaskStore store = new InMemoryTaskStore();
  private final ListTasks list = new ListTasks(store);

  @BeforeEach
  void twelveTasks() {
    for (int i = 0; i < 12; i++) {
      store.create(aTask().titled("task " + i).withPriority(i % 3).build(), NOW);
    }
  }

  @Test
  void theFirstPageHasANextButNoPreviousPage() {
    TaskPage first = list.list(request(5, null));

    assertThat(ids(first)).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(first.hasNext()).isTrue();
    assertThat(first.hasPrevious()).isFalse();
  }

  @Test
  void theLastPageHasAPreviousButNoNextPage() {
    TaskPage second = list.list(request(5, list.list(request(5, null)).nextCursor()));
    TaskPage last = list.list(request(5, second.nextCursor()));

    assertThat(ids(last)).containsExactly(10L, 11L);
    assertThat(last.hasNext()).isFalse();
    assertThat(last.hasPrevious()).isTrue();
  }

  @Test
  void aPageThatEndsExactlyAtTheLastTaskHasNoNextPage() {
    TaskPage all = list.list(request(12, null));

    assertThat(all.tasks()).hasSize(12);
    assertThat(all.hasNext()).isFalse();
  }

  @Test
  void goingBackFromAPageShowsThePageBeforeIt() {
    TaskPage first = list.list(request(4, null));
    TaskPage second = list.list(request(4, first.nextCursor()));
    TaskPage third = list.list(request(4, second.nextCursor()));

    TaskPage backToSecond = list.list(request(4, third.previousCursor()));
    TaskPage backToFirst = list.list(request(4, backToSecond.previousCursor()));

    assertThat(backToSecond).isEqualTo(second);
    assertThat(ids(backToFirst)).isEqualTo(ids(first));
    assertThat(backToFirst.hasPrevious()).isFalse();
  }

  @Test
  void goingBackNearTheStartShowsAFullFirstPage() {
    TaskPage second = list.list(request(5, list.list(request(5, null)).nextCursor()));
    store.delete(0, NOW);
    store.delete(1, NOW);

    TaskPage back = list.list(request(5, second.previousCursor()));

    assertThat(ids(back)).containsExactly(2L, 3L, 4L, 5L, 6L);
    assertThat(back.hasPrevious()).isFalse();
  }

  @Test
  void aPageWhoseTasksWereAllDeletedStillLeadsBack() {
    TaskPage first = list.list(request(10, null));
    store.delete(10, NOW);
    store.delete(11, NOW);

    TaskPage empty = list.list(request(10, first.nextCursor()));

    assertThat(empty.tasks()).isEmpty();
    assertThat(empty.hasNext()).isFalse();
    assertThat(ids(list.list(request(10, empty.previousCursor())))).isEqualTo(ids(first));
  }

  @Test
  void pagesByPriorityDescendingBreakTiesById() {
    PageRequest byPriority = new PageRequest(TestSearches.every(SortBy.PRIORITY, true, null), null, 5);

    TaskPage first = list.list(byPriority);
    TaskPage second = list.list(byPriority.at(first.nextCursor()));

    assertThat(ids(first)).containsExactly(11L, 8L, 5L, 2L, 10L);
    assertThat(ids(second)).containsExactly(7L, 4L, 1L, 9L, 6L);
  }

  @Test
  void aCursorOfAnotherOrderIsRejected() {
    String byIdCursor = list.list(request(5, null)).nextCursor();

    assertThatThrownBy(() -> list.list(new PageRequest(TestSearches.every(SortBy.PRIORITY, false, null), byIdCursor, 5)))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessage("cursor: belongs to a listing in another order;"
            + " accepted: a cursor from a link of the same listing, or none for the first page");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "%%%", "YWlhOjA6MQ=", "eHl6", "\u0000", "YWlhOjA6OTk5OTk5OTk5OTk5OTk5OTk5OTk5"})
  void aForgedCursorIsRejectedAsInvalid(String cursor) {
    assertThatThrownBy(() -> list.list(request(5, cursor)))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageStartingWith("cursor: is not a valid cursor");
  }

  @Test
  void aHandMadeCursorInTheRightFormatIsJustAPosition() {
    String afterSeven = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("aia:7".getBytes(StandardCharsets.US_ASCII));

    assertThat(ids(list.list(request(3, afterSeven)))).containsExactly(8L, 9L, 10L);
  }

  private static PageRequest request(int limit, String cursor) {
    return new PageRequest(TestSearches.every(SortBy.ID, false, null), cursor, limit);
  }

  private static List<Long> ids(TaskPage page) {
    return page.tasks().stream().map(Task::id).collect(Collectors.toList());
  }
}
