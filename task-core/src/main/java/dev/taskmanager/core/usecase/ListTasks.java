package dev.taskmanager.core.usecase;

import dev.taskmanager.core.query.PageRequest;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.query.TaskPage;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskQuery.Position;
import dev.taskmanager.core.port.TaskStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Lists tasks a page at a time, forwards and backwards, with cursors that stay valid while tasks
 * are created and deleted: each task still stored is seen exactly once when walking every page.
 */
public final class ListTasks {

  private final TaskStore store;

  public ListTasks(TaskStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * The page the request asks for.
   *
   * @throws dev.taskmanager.core.model.InvalidTaskException when the cursor is not one of this listing
   * @throws dev.taskmanager.core.model.TaskStoreException when the store fails
   */
  public TaskPage list(PageRequest request) {
    if (request.cursor() == null) {
      return forward(request, null);
    }
    PageCursor cursor = PageCursor.decode(request.cursor(), request.search().sortBy(), request.search().descending());
    return cursor.backward() ? backward(request, cursor.position()) : forward(request, cursor.position());
  }

  private TaskPage forward(PageRequest request, Position after) {
    // One more than asked tells whether a next page exists, without counting.
    List<Task> found = store.find(query(request, request.search().descending(), after, request.limit() + 1));
    boolean more = found.size() > request.limit();
    List<Task> tasks = more ? found.subList(0, request.limit()) : found;
    String next = more ? afterCursor(request, tasks.get(tasks.size() - 1)) : null;
    String previous = null;
    if (after != null) {
      Position first = tasks.isEmpty() ? after : Position.of(tasks.get(0));
      previous = PageCursor.before(first, request.search().sortBy(), request.search().descending()).encode();
    }
    return new TaskPage(tasks, next, previous);
  }

  private TaskPage backward(PageRequest request, Position before) {
    List<Task> found = store.find(query(request, !request.search().descending(), before, request.limit() + 1));
    if (found.size() <= request.limit()) {
      // Fewer than a page lie before: show the first page, full, rather than a short one.
      return forward(request, null);
    }
    List<Task> tasks = new ArrayList<>(found.subList(0, request.limit()));
    Collections.reverse(tasks);
    String next = afterCursor(request, tasks.get(tasks.size() - 1));
    String previous = PageCursor.before(Position.of(tasks.get(0)), request.search().sortBy(), request.search().descending()).encode();
    return new TaskPage(tasks, next, previous);
  }

  private static TaskQuery query(PageRequest request, boolean descending, Position after, int limit) {
    return new TaskQuery(request.search().filter(), request.search().sortBy(), descending, after, limit);
  }

  private static String afterCursor(PageRequest request, Task last) {
    return PageCursor.after(last, request.search().sortBy(), request.search().descending()).encode();
  }
}
