package dev.taskmanager.web.metrics;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The store as the web app uses it, each operation timed by kind and outcome
 * ({@code task_store_operations_seconds{operation, outcome}}): what the store costs and how often it
 * fails, apart from the HTTP around it. Passes everything through unchanged.
 */
public final class MeteredTaskStore implements TaskStore {

  private static final String NAME = "task.store.operations";

  private final TaskStore store;
  private final MeterRegistry registry;

  public MeteredTaskStore(TaskStore store, MeterRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  @Override
  public Task create(TaskDraft draft, Instant now) {
    return timed("create", () -> store.create(draft, now));
  }

  @Override
  public Optional<Task> get(long id) {
    return timed("get", () -> store.get(id));
  }

  @Override
  public List<Task> find(TaskQuery query) {
    return timed("find", () -> store.find(query));
  }

  @Override
  public Optional<Task> update(long id, TaskPatch patch, Instant now) {
    return timed("update", () -> store.update(id, patch, now));
  }

  @Override
  public Optional<Task> delete(long id, Instant now) {
    return timed("delete", () -> store.delete(id, now));
  }

  @Override
  public long deleteByTitle(String title, Instant now) {
    return timed("delete_by_title", () -> store.deleteByTitle(title, now));
  }

  @Override
  public Optional<Task> restore(long id) {
    return timed("restore", () -> store.restore(id));
  }

  @Override
  public List<DeletedTask> deleted(int limit) {
    return timed("deleted", () -> store.deleted(limit));
  }

  @Override
  public long purgeDeleted(Instant before) {
    return timed("purge_deleted", () -> store.purgeDeleted(before));
  }

  @Override
  public void reset() {
    timed("reset", () -> {
      store.reset();
      return null;
    });
  }

  @Override
  public Set<Long> existingIds(Collection<Long> ids) {
    return timed("existing_ids", () -> store.existingIds(ids));
  }

  @Override
  public long importTasks(List<Task> tasks, boolean replace) {
    return timed("import", () -> store.importTasks(tasks, replace));
  }

  @Override
  public long count() {
    return timed("count", store::count);
  }

  @Override
  public long nextId() {
    return timed("next_id", store::nextId);
  }

  private <T> T timed(String operation, Supplier<T> call) {
    long start = System.nanoTime();
    String outcome = "failure";
    try {
      T result = call.get();
      outcome = "success";
      return result;
    } finally {
      timer(operation, outcome).record(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private Timer timer(String operation, String outcome) {
    return Timer.builder(NAME).description("Operations on the task store, by kind and outcome")
        .tags("operation", operation, "outcome", outcome)
        .serviceLevelObjectives(Metrics.LATENCY_BUCKETS)
        .register(registry);
  }
}
