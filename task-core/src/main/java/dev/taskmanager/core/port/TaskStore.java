package dev.taskmanager.core.port;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.model.TaskStoreException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where tasks are kept: the one port the use cases need. Implementations are adapters (MongoDB, the
 * in-memory store); the use cases validate input before calling, so a store stores what it is given.
 *
 * <h2>ID rules every implementation honours</h2>
 * <ol>
 *   <li>A task's id is a non-negative whole number, assigned by the store when the task is created.
 *   <li>A new task gets the sequence's current value and the sequence advances by one, atomically:
 *       no two tasks ever get the same id, even with many threads or processes creating at once.
 *   <li>Ids are never reused: deleting leaves a gap; a failed create may leave a gap.
 *   <li>A fresh store, and a store after {@link #reset()}, starts at 0.
 *   <li>If the sequence is behind the ids already stored (data written by another program), the
 *       store still never issues a used id: it skips past it.
 *   <li>Importing tasks with explicit ids keeps those ids and moves the sequence past the largest.
 * </ol>
 *
 * <h2>Threads and failures</h2>
 * Implementations are safe for use by many threads at once; each method is atomic on its own.
 * Every method throws {@link TaskStoreException} when the store cannot be reached or fails; the
 * operation may or may not have taken effect then, but an acknowledged write is never lost.
 */
public interface TaskStore {

  /**
   * Stores a new, open task under the next id of the sequence (rules 1, 2, 5), created and updated
   * at {@code now}, and returns it.
   */
  Task create(TaskDraft draft, Instant now);

  /** The task with this id, if stored. */
  Optional<Task> get(long id);

  /**
   * The tasks that match the query's filter, in its order, strictly after its position, at most its
   * limit: exactly those {@link TaskQuery#matches} admits, ordered by {@link TaskQuery#order}. The
   * cost of a page must not depend on where in the listing it lies.
   */
  List<Task> find(TaskQuery query);

  /**
   * Changes the patch's fields of the task with this id as {@link Task#apply} does at {@code now},
   * keeping the rest (and any fields this program does not know about), and returns the task as
   * stored; empty when there is no such task.
   */
  Optional<Task> update(long id, TaskPatch patch, Instant now);

  /**
   * Deletes the task with this id, keeping it aside as deleted at {@code now}, and returns it; empty
   * when there was none. Its id stays used.
   */
  Optional<Task> delete(long id, Instant now);

  /** Deletes every task whose title is exactly {@code title}, keeping them aside; returns how many. */
  long deleteByTitle(String title, Instant now);

  /**
   * Puts the most recently deleted task with this id back, as it was, and returns it; empty when no
   * deleted task with this id is kept.
   *
   * @throws dev.taskmanager.core.model.InvalidTaskException when a stored task has the id (another
   *     program, or an import, stored one since): the deleted one then stays aside
   */
  Optional<Task> restore(long id);

  /** The deleted tasks kept aside, most recently deleted first, at most {@code limit}. */
  List<DeletedTask> deleted(int limit);

  /** Forgets the tasks deleted before {@code before}; returns how many. */
  long purgeDeleted(Instant before);

  /** Deletes every task, those kept aside too, and sets the sequence back to 0 (rule 4). */
  void reset();

  /** Which of these ids are stored. */
  Set<Long> existingIds(Collection<Long> ids);

  /**
   * Stores tasks under their own ids and moves the sequence past the largest (rule 6). With
   * {@code replace}, a stored task with the same id is overwritten; without, it is kept and the
   * imported one left out. Returns how many tasks were written.
   */
  long importTasks(List<Task> tasks, boolean replace);

  /** How many tasks are stored. */
  long count();

  /** The id the sequence offers next (a create may still skip past it, rule 5). */
  long nextId();
}
