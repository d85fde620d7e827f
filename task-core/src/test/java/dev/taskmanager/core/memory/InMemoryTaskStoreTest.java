package dev.taskmanager.core.memory;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmanager.core.contract.TaskStoreContract;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.port.TaskStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryTaskStoreTest extends TaskStoreContract {

  @Override
  protected TaskStore newStore() {
    return new InMemoryTaskStore();
  }

  @Override
  protected TaskStore storeWrittenByAnotherProgram(List<Task> tasks, long nextId) {
    return new InMemoryTaskStore(tasks, nextId);
  }

  /** In one process there is no other program: the same effects through the store's own operations. */
  @Override
  protected void anotherProgramResets() {
    store.reset();
  }

  @Override
  protected void anotherProgramDropsTheTasks() {
    long next = store.nextId();
    for (long id = 0; id < next; id++) {
      store.delete(id, NOW);
    }
  }

  @Override
  protected boolean anotherProgramWrites(Task task) {
    return store.importTasks(List.of(task), false) == 1;
  }

  @Test
  void refusesPreloadedTasksThatShareAnId() {
    List<Task> clashing = List.of(aTask().storedAs(1), aTask().storedAs(1));

    assertThatThrownBy(() -> new InMemoryTaskStore(clashing, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share the id 1");
  }
}
