package dev.taskmanager.web.metrics;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The store as the web app uses it, each operation timed by kind and outcome
 * ({@code task_store_operations_seconds{operation, outcome}}): what the store costs and how often it
 * fails, apart from the HTTP around it. Passes everything through unchanged.
 */
public final class MeteredTaskStore implements TaskStore {

  /** The store's operations, as the {@code operation} label names them. */
  private enum Operation {
    CREATE, GET, FIND, UPDATE, DELETE, DELETE_BY_TITLE, RESTORE, DELETED, PURGE_DELETED, RESET, EXISTING_IDS, IMPORT, COUNT, NEXT_ID;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One operation's timers, registered once. */
  private record Outcomes(Timer success, Timer failure) {}

  private final TaskStore store;
  private final Map<Operation, Outcomes> timers = new EnumMap<>(Operation.class);

  public MeteredTaskStore(TaskStore store, MeterRegistry registry) {
    this.store = store;
    for (Operation operation : Operation.values()) {
      timers.put(operation, new Outcomes(timer(registry, operation, "success"), timer(registry, operation, "failure")));
    }
  }

  @Override
  public Task create(TaskDraft draft, Instant now) {
    return timed(Operation.CREATE, () -> store.create(draft, now));
  }

  @Override
  public Optional<Task> get(long id) {
    return timed(Operation.GET, () -> store.get(id));
  }

  @Override
  public List<Task> find(TaskQuery query) {
    return timed(Operation.FIND, () -> store.find(query));
  }

  @Override
  public Optional<Task> update(long id, TaskPatch patch, Instant now) {
    return timed(Operation.UPDATE, () -> store.update(id, patch, now));
  }

  @Override
  public Optional<Task> delete(long id, Instant now) {
    return timed(Operation.DELETE, () -> store.delete(id, now));
  }

  @Override
  public long deleteByTitle(String title, Instant now) {
    return timed(Operation.DELETE_BY_TITLE, () -> store.deleteByTitle(title, now));
  }

  @Override
  public Optional<Task> restore(long id) {
    return timed(Operation.RESTORE, () -> store.restore(id));
  }

  @Override
  public List<DeletedTask> deleted(int limit) {
    return timed(Operation.DELETED, () -> store.deleted(limit));
  }

  @Override
  public long purgeDeleted(Instant before) {
    return timed(Operation.PURGE_DELETED, () -> store.purgeDeleted(before));
  }

  @Override
  public void reset() {
    timed(Operation.RESET, () -> {
      store.reset();
      return null;
    });
  }

  @Override
  public Set<Long> existingIds(Collection<Long> ids) {
    return timed(Operation.EXISTING_IDS, () -> store.existingIds(ids));
  }

  @Override
  public long importTasks(List<Task> tasks, boolean replace) {
    return timed(Operation.IMPORT, () -> store.importTasks(tasks, replace));
  }

  @Override
  public long count() {
    return timed(Operation.COUNT, store::count);
  }

  @Override
  public long nextId() {
    return timed(Operation.NEXT_ID, store::nextId);
  }

  private <T> T timed(Operation operation, Supplier<T> call) {
    long start = System.nanoTime();
    boolean succeeded = false;
    try {
      T result = call.get();
      succeeded = true;
      return result;
    } finally {
      Outcomes outcomes = timers.get(operation);
      (succeeded ? outcomes.success() : outcomes.failure()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  private static Timer timer(MeterRegistry registry, Operation operation, String outcome) {
    return Timer.builder("task.store.operations").description("Operations on the task store, by kind and outcome")
        .tags("operation", operation.label(), "outcome", outcome)
        .serviceLevelObjectives(Metrics.LATENCY_BUCKETS)
        .register(registry);
  }
}
