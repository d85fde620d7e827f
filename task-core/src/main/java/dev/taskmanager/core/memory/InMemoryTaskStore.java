package dev.taskmanager.core.memory;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.core.port.TaskStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A {@link TaskStore} in memory: for embedding, tests and tools. Nothing survives the process.
 *
 * <p>Thread-safe: readers share a lock, writers take it alone, so every method is atomic. A sorted
 * index per order ({@link SortBy}) makes every page cost the same wherever it lies.
 */
public final class InMemoryTaskStore implements TaskStore {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<SortBy, NavigableSet<Task>> indexes = new EnumMap<>(SortBy.class);
  private final NavigableSet<Task> byId;
  /** Deleted tasks, in the order they were deleted. */
  private final List<DeletedTask> deleted = new ArrayList<>();
  private long sequence;

  /** An empty store whose first task gets id 0. */
  public InMemoryTaskStore() {
    for (SortBy sortBy : SortBy.values()) {
      indexes.put(sortBy, new TreeSet<>(sortBy.comparator(false)));
    }
    byId = indexes.get(SortBy.ID);
  }

  /**
   * A store that already holds tasks, as another program left them, with its sequence at
   * {@code nextId}. The sequence may lag behind the stored ids; creates then skip past them.
   *
   * @throws IllegalArgumentException when two tasks share an id or {@code nextId} is negative
   */
  public InMemoryTaskStore(Collection<Task> tasks, long nextId) {
    this();
    if (nextId < 0) {
      throw new IllegalArgumentException("nextId is never negative: " + nextId);
    }
    for (Task task : tasks) {
      if (containsId(task.id())) {
        throw new IllegalArgumentException("two tasks share the id " + task.id());
      }
      add(task);
    }
    sequence = nextId;
  }

  @Override
  public Task create(TaskDraft draft, Instant now) {
    return write(() -> {
      while (containsId(sequence)) {
        // Rule 5: jump past the stored ids instead of walking through them one by one.
        sequence = Math.max(sequence + 1, byId.last().id() + 1);
      }
      Task task = draft.toTask(sequence++, now);
      add(task);
      return task;
    });
  }

  @Override
  public Optional<Task> get(long id) {
    return read(() -> Optional.ofNullable(findById(id)));
  }

  @Override
  public List<Task> find(TaskQuery query) {
    return read(() -> {
      NavigableSet<Task> index = indexes.get(query.sortBy());
      NavigableSet<Task> ordered = query.descending() ? index.descendingSet() : index;
      if (query.after() != null) {
        ordered = ordered.tailSet(query.after().asTask(), false);
      }
      List<Task> page = new ArrayList<>(Math.min(query.limit(), 64));
      for (Task task : ordered) {
        if (query.filter().matches(task)) {
          page.add(task);
          if (page.size() == query.limit()) {
            break;
          }
        }
      }
      return page;
    });
  }

  @Override
  public Optional<Task> update(long id, TaskPatch patch, Instant now) {
    return write(() -> {
      Task stored = findById(id);
      if (stored == null) {
        return Optional.empty();
      }
      Task updated = stored.apply(patch, now);
      remove(stored);
      add(updated);
      return Optional.of(updated);
    });
  }

  @Override
  public Optional<Task> delete(long id, Instant now) {
    return write(() -> {
      Task stored = findById(id);
      if (stored != null) {
        remove(stored);
        deleted.add(new DeletedTask(stored, now));
      }
      return Optional.ofNullable(stored);
    });
  }

  @Override
  public long deleteByTitle(String title, Instant now) {
    return write(() -> {
      List<Task> matching = byId.stream().filter(task -> task.title().equals(title)).collect(Collectors.toList());
      for (Task task : matching) {
        remove(task);
        deleted.add(new DeletedTask(task, now));
      }
      return (long) matching.size();
    });
  }

  @Override
  public Optional<Task> restore(long id) {
    return write(() -> {
      for (int i = deleted.size() - 1; i >= 0; i--) {
        Task task = deleted.get(i).task();
        if (task.id() == id) {
          if (containsId(id)) {
            throw TaskStores.idTakenSinceDeleted(id);
          }
          deleted.remove(i);
          add(task);
          return Optional.of(task);
        }
      }
      return Optional.empty();
    });
  }

  @Override
  public List<DeletedTask> deleted(int limit) {
    return read(() -> {
      List<DeletedTask> latestFirst = new ArrayList<>(Math.min(limit, deleted.size()));
      for (int i = deleted.size() - 1; i >= 0 && latestFirst.size() < limit; i--) {
        latestFirst.add(deleted.get(i));
      }
      return latestFirst;
    });
  }

  @Override
  public long purgeDeleted(Instant before) {
    return write(() -> {
      int size = deleted.size();
      deleted.removeIf(task -> task.deletedAt().isBefore(before));
      return (long) (size - deleted.size());
    });
  }

  @Override
  public void reset() {
    write(() -> {
      indexes.values().forEach(Set::clear);
      deleted.clear();
      sequence = 0;
      return null;
    });
  }

  @Override
  public Set<Long> existingIds(Collection<Long> ids) {
    return read(() -> ids.stream().filter(this::containsId).collect(Collectors.toSet()));
  }

  @Override
  public long importTasks(List<Task> tasks, boolean replace) {
    return write(() -> {
      long written = 0;
      for (Task task : tasks) {
        Task stored = findById(task.id());
        if (stored != null && !replace) {
          continue;
        }
        if (stored != null) {
          remove(stored);
        }
        add(task);
        written++;
      }
      tasks.stream().mapToLong(Task::id).max().ifPresent(largest -> sequence = Math.max(sequence, largest + 1));
      return written;
    });
  }

  @Override
  public long count() {
    return read(() -> (long) byId.size());
  }

  @Override
  public long nextId() {
    return read(() -> sequence);
  }

  private boolean containsId(long id) {
    return findById(id) != null;
  }

  private Task findById(long id) {
    Task probe = new Task(id, "", "", 0);
    Task found = byId.ceiling(probe);
    return found != null && found.id() == id ? found : null;
  }

  private void add(Task task) {
    indexes.values().forEach(index -> index.add(task));
  }

  private void remove(Task task) {
    indexes.values().forEach(index -> index.remove(task));
  }

  private <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private <T> T write(Supplier<T> action) {
    lock.writeLock().lock();
    try {
      return action.get();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
