package dev.taskmanager.web;

import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A fake store for the web tests: the in-memory store, which can be switched to fail as a store
 * that is down ({@link TaskStoreException}) or broken (any other exception).
 */
final class SwitchableTaskStore implements TaskStore {

  private volatile TaskStore delegate = new InMemoryTaskStore();
  private volatile Supplier<RuntimeException> failure;

  void clear() {
    delegate = new InMemoryTaskStore();
    failure = null;
  }

  void goDown() {
    failure = () -> new TaskStoreException("connection refused (test)");
  }

  void breakWith(Supplier<RuntimeException> unexpected) {
    failure = unexpected;
  }

  void comeBack() {
    failure = null;
  }

  private TaskStore store() {
    Supplier<RuntimeException> current = failure;
    if (current != null) {
      throw current.get();
    }
    return delegate;
  }

  @Override public Task create(TaskDraft draft, Instant now) {
    return store().create(draft, now);
  }

  @Override public Optional<Task> get(long id) {
    return store().get(id);
  }

  @Override public List<Task> find(TaskQuery query) {
    return store().find(query);
  }

  @Override public Optional<Task> update(long id, TaskPatch patch, Instant now) {
    return store().update(id, patch, now);
  }

  @Override public Optional<Task> delete(long id, Instant now) {
    return store().delete(id, now);
  }

  @Override public long deleteByTitle(String title, Instant now) {
    return store().deleteByTitle(title, now);
  }

  @Override public Optional<Task> restore(long id) {
    return store().restore(id);
  }

  @Override public List<DeletedTask> deleted(int limit) {
    return store().deleted(limit);
  }

  @Override public long purgeDeleted(Instant before) {
    return store().purgeDeleted(before);
  }

  @Override public void reset() {
    store().reset();
  }

  @Override public Set<Long> existingIds(Collection<Long> ids) {
    return store().existingIds(ids);
  }

  @Override public long importTasks(List<Task> tasks, boolean replace) {
    return store().importTasks(tasks, replace);
  }

  @Override public long count() {
    return store().count();
  }

  @Override public long nextId() {
    return store().nextId();
  }
}
