package dev.taskmanager.core.usecase;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.model.Task;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ExportTasksTest {

  private final InMemoryTaskStore store = new InMemoryTaskStore();

  @Test
  void exportsEveryTaskInOrderOfIdAcrossBatches() {
    int count = ExportTasks.BATCH * 2 + 7;
    for (int i = 0; i < count; i++) {
      store.create(aTask().withPriority(count - i > 1000 ? 0 : count - i).build(), NOW);
    }

    List<Long> ids = new ExportTasks(store).export().map(Task::id).collect(Collectors.toList());

    assertThat(ids).isEqualTo(LongStream.range(0, count).boxed().collect(Collectors.toList()));
  }

  @Test
  void exportsAnExactMultipleOfTheBatchSize() {
    for (int i = 0; i < ExportTasks.BATCH; i++) {
      store.create(aTask().build(), NOW);
    }

    assertThat(new ExportTasks(store).export().count()).isEqualTo(ExportTasks.BATCH);
  }

  @Test
  void anEmptyStoreExportsNothing() {
    assertThat(new ExportTasks(store).export()).isEmpty();
  }
}
