package dev.taskmanager.core.memory;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
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

  @Test
  void refusesPreloadedTasksThatShareAnId() {
    List<Task> clashing = List.of(aTask().storedAs(1), aTask().storedAs(1));

    assertThatThrownBy(() -> new InMemoryTaskStore(clashing, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share the id 1");
  }
}
