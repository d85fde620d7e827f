package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskQuery.Position;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.core.query.TaskFilter;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Reads every task, in order of id, for a backup or a move to another store. */
public final class ExportTasks {

  /** Tasks fetched per round trip: large enough to be cheap, small enough to bound memory. */
  static final int BATCH = 500;

  private final TaskStore store;

  public ExportTasks(TaskStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Every task in order of id, read lazily a batch at a time as the stream is consumed. A task
   * created or deleted while the stream runs may or may not be in it; every other task is in it once.
   *
   * @throws dev.taskmanager.core.model.TaskStoreException (while consuming) when the store fails
   */
  public Stream<Task> export() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(new Batches(), Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
        false);
  }

  private final class Batches implements Iterator<Task> {
    private List<Task> batch = List.of();
    private int next;
    private Position after;
    private boolean exhausted;

    @Override
    public boolean hasNext() {
      if (next < batch.size()) {
        return true;
      }
      if (exhausted) {
        return false;
      }
      batch = store.find(new TaskQuery(TaskFilter.ANY, SortBy.ID, false, after, BATCH));
      next = 0;
      exhausted = batch.size() < BATCH;
      if (!batch.isEmpty()) {
        after = Position.of(batch.get(batch.size() - 1));
      }
      return !batch.isEmpty();
    }

    @Override
    public Task next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return batch.get(next++);
    }
  }
}
