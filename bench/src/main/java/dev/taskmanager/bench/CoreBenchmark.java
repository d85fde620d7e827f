package dev.taskmanager.bench;

import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.query.PageRequest;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.query.TaskPage;
import dev.taskmanager.core.usecase.CreateTask;
import dev.taskmanager.core.usecase.ListTasks;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The core's use cases on the in-memory store: the floor under every other store's figures. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoreBenchmark {

  @Param("100000")
  int storedTasks;

  private ListTasks listTasks;
  private PageRequest middlePageById;
  private PageRequest middlePageByPriority;
  private final TaskDraft draft = new TaskDraft("Benchmark task", "created by CoreBenchmark", 5);

  @Setup(Level.Trial)
  public void fill() {
    InMemoryTaskStore store = new InMemoryTaskStore();
    store.importTasks(SeedTasks.of(storedTasks), false);
    listTasks = new ListTasks(store);
    middlePageById = LaterPage.find(listTasks, SortBy.ID, storedTasks / 2, 50).request();
    middlePageByPriority = LaterPage.find(listTasks, SortBy.PRIORITY, storedTasks / 2, 50).request();
  }

  @Benchmark
  public long create(EmptyStore empty) {
    return empty.createTask.create(draft).id();
  }

  @Benchmark
  public TaskPage pageOf50ById() {
    return listTasks.list(middlePageById);
  }

  @Benchmark
  public TaskPage pageOf50ByPriority() {
    return listTasks.list(middlePageByPriority);
  }

  /** Creates go to a store emptied before each iteration, so memory does not grow for ever. */
  @State(Scope.Benchmark)
  public static class EmptyStore {
    CreateTask createTask;

    @Setup(Level.Iteration)
    public void empty() {
      createTask = new CreateTask(new InMemoryTaskStore());
    }
  }
}
