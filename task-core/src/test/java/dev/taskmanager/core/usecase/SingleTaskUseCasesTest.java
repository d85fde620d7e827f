package dev.taskmanager.core.usecase;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.model.TaskStats;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SingleTaskUseCasesTest {

  private final InMemoryTaskStore store = new InMemoryTaskStore();
  private final Task stored = new CreateTask(store).create(aTask().titled("Stored").withPriority(2).build());

  @Test
  void getReturnsTheTaskOrSaysItDoesNotExist() {
    assertThat(new GetTask(store).get(stored.id())).isEqualTo(stored);
    assertThatThrownBy(() -> new GetTask(store).get(99))
        .isInstanceOf(TaskNotFoundException.class).hasMessage("task 99 does not exist");
  }

  @Test
  void updateReturnsTheChangedTask() {
    Clock clock = Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC);

    assertThat(new UpdateTask(store, clock).update(stored.id(), TaskPatch.none().withPriority(8)))
        .isEqualTo(new Task(stored.id(), "Stored", "", 8, null, stored.createdAt(), NOW.plusSeconds(60), null,
            List.of()));
  }

  @Test
  void anEmptyUpdateReturnsTheTaskUnchangedButStillNeedsItToExist() {
    assertThat(new UpdateTask(store).update(stored.id(), TaskPatch.none())).isEqualTo(stored);
    assertThatThrownBy(() -> new UpdateTask(store).update(5, TaskPatch.none())).isInstanceOf(TaskNotFoundException.class);
  }

  @Test
  void updateOfAnUnknownTaskSaysItDoesNotExist() {
    assertThatThrownBy(() -> new UpdateTask(store).update(5, TaskPatch.none().withTitle("x")))
        .isInstanceOf(TaskNotFoundException.class);
  }

  @Test
  void deleteReturnsTheDeletedTaskOrSaysItDoesNotExist() {
    assertThat(new DeleteTask(store).delete(stored.id())).isEqualTo(stored);
    assertThatThrownBy(() -> new DeleteTask(store).delete(stored.id())).isInstanceOf(TaskNotFoundException.class);
  }

  @Test
  void deleteByTitleMatchesTheTrimmedTitle() {
    new CreateTask(store).create(aTask().titled("Stored").build());

    assertThat(new DeleteTasksByTitle(store).delete("  Stored ")).isEqualTo(2);
  }

  @Test
  void deleteByABlankTitleIsRefusedRatherThanDeletingUntitledTasks() {
    store.importTasks(java.util.List.of(new Task(7, "", "left by the old app", 0)), false);

    assertThatThrownBy(() -> new DeleteTasksByTitle(store).delete("   "))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessage("title: is empty; accepted: the exact title of the tasks to delete");
    assertThatThrownBy(() -> new DeleteTasksByTitle(store).delete(null)).isInstanceOf(InvalidTaskException.class);
    assertThat(store.count()).isEqualTo(2);
  }

  @Test
  void resetEmptiesTheStoreAndStatsSaySo() {
    assertThat(new GetTaskStats(store).stats()).isEqualTo(new TaskStats(1, 1));

    new ResetTasks(store).reset();

    assertThat(new GetTaskStats(store).stats()).isEqualTo(new TaskStats(0, 0));
    assertThat(new GetTaskStats(store).count()).isZero();
  }
}
