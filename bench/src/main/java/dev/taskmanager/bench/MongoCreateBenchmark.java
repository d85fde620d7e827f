package dev.taskmanager.bench;

import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.usecase.CreateTask;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Creates on the embedded durable store (every acknowledged write on disk): our use case and
 * adapter against the raw driver's sequence increment and insert, from 1 and 4 threads. A create's
 * cost does not depend on how many tasks are stored, so each trial starts from an empty store.
 * The target: the adapter at 4 threads reaches at least 80 % of the raw driver's rate. The warm-up
 * is long because the rate rises for about ten seconds while the JIT compiles the path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MongoCreateBenchmark {

  private static final TaskDraft DRAFT = new TaskDraft("Benchmark task", "created by MongoCreateBenchmark", 5);

  private EmbeddedStore embedded;
  private CreateTask createTask;
  private RawDriver driver;

  @Setup(Level.Trial)
  public void start() throws IOException {
    embedded = EmbeddedStore.start();
    createTask = new CreateTask(embedded.store);
    driver = new RawDriver(embedded.database);
  }

  @TearDown(Level.Trial)
  public void stop() {
    embedded.close();
  }

  @Benchmark
  public long adapterCreate1Thread() {
    return createTask.create(DRAFT).id();
  }

  @Benchmark
  @Threads(4)
  public long adapterCreate4Threads() {
    return createTask.create(DRAFT).id();
  }

  @Benchmark
  public long driverCreate1Thread() {
    return driver.create(DRAFT.title(), DRAFT.shortdesc(), DRAFT.priority());
  }

  @Benchmark
  @Threads(4)
  public long driverCreate4Threads() {
    return driver.create(DRAFT.title(), DRAFT.shortdesc(), DRAFT.priority());
  }
}
