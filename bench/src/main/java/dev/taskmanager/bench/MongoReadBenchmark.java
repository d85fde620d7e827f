package dev.taskmanager.bench;

import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.query.PageRequest;
import dev.taskmanager.core.query.TaskPage;
import dev.taskmanager.core.query.TaskSearch;
import dev.taskmanager.core.usecase.GetTask;
import dev.taskmanager.core.usecase.ListTasks;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads on the embedded durable store holding {@code storedTasks} tasks: a page of 50 by id and by
 * priority (the first, and one halfway through the store reached by its cursor), and a task by id;
 * each through our use cases and adapter, and as the same query by the raw driver. The target:
 * a page costs no more with 10,000 tasks stored than with 100 (within 1.5 times).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MongoReadBenchmark {

  private static final int PAGE = 50;

  @Param({"100", "10000"})
  int storedTasks;

  private EmbeddedStore embedded;
  private ListTasks listTasks;
  private GetTask getTask;
  private RawDriver driver;
  private LaterPage laterById;
  private LaterPage laterByPriority;
  private final PageRequest firstById = new PageRequest(TaskSearch.all(SortBy.ID, false), null, PAGE);
  private final PageRequest firstByPriority = new PageRequest(TaskSearch.all(SortBy.PRIORITY, false), null, PAGE);
  private long middleId;

  @Setup(Level.Trial)
  public void fill() throws IOException {
    embedded = EmbeddedStore.start();
    embedded.store.importTasks(SeedTasks.of(storedTasks), false);
    listTasks = new ListTasks(embedded.store);
    getTask = new GetTask(embedded.store);
    driver = new RawDriver(embedded.database);
    laterById = LaterPage.find(listTasks, SortBy.ID, storedTasks / 2, PAGE);
    laterByPriority = LaterPage.find(listTasks, SortBy.PRIORITY, storedTasks / 2, PAGE);
    middleId = storedTasks / 2;
  }

  @TearDown(Level.Trial)
  public void stop() {
    embedded.close();
  }

  @Benchmark
  public TaskPage adapterFirstPageById() {
    return listTasks.list(firstById);
  }

  @Benchmark
  public TaskPage adapterLaterPageById() {
    return listTasks.list(laterById.request());
  }

  @Benchmark
  public TaskPage adapterFirstPageByPriority() {
    return listTasks.list(firstByPriority);
  }

  @Benchmark
  public TaskPage adapterLaterPageByPriority() {
    return listTasks.list(laterByPriority.request());
  }

  @Benchmark
  public Task adapterGetById() {
    return getTask.get(middleId);
  }

  // The use case asks the store for one task more than the page, to know whether a next page
  // exists; the raw driver's queries ask for the same.

  @Benchmark
  public List<Document> driverFirstPageById() {
    return driver.pageById(null, PAGE + 1);
  }

  @Benchmark
  public List<Document> driverLaterPageById() {
    return driver.pageById(laterById.lastBefore(), PAGE + 1);
  }

  @Benchmark
  public List<Document> driverFirstPageByPriority() {
    return driver.pageByPriority(null, PAGE + 1);
  }

  @Benchmark
  public List<Document> driverLaterPageByPriority() {
    return driver.pageByPriority(laterByPriority.lastBefore(), PAGE + 1);
  }

  @Benchmark
  public Document driverGetById() {
    return driver.get(middleId);
  }
}
