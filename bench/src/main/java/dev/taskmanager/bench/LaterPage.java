package dev.taskmanager.bench;

import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.query.PageRequest;
import dev.taskmanager.core.query.TaskPage;
import dev.taskmanager.core.query.TaskSearch;
import dev.taskmanager.core.usecase.ListTasks;

/**
 * A page some way into a listing, reached the way a reader reaches it: by following the cursors
 * (in steps of up to {@link PageRequest#MAX_LIMIT}, so set-up stays short on large stores).
 *
 * @param request the page of {@code limit} tasks after the first {@code skip} in the order
 * @param lastBefore the task just before that page: where a keyset query for it starts
 */
record LaterPage(PageRequest request, Task lastBefore) {

  static LaterPage find(ListTasks listTasks, SortBy sortBy, int skip, int limit) {
    int step = Math.min(skip, PageRequest.MAX_LIMIT);
    PageRequest walk = new PageRequest(TaskSearch.all(sortBy, false), null, step);
    TaskPage page = listTasks.list(walk);
    for (int walked = step; walked < skip; walked += step) {
      page = listTasks.list(walk.at(page.nextCursor()));
    }
    Task last = page.tasks().get(page.tasks().size() - 1);
    return new LaterPage(new PageRequest(TaskSearch.all(sortBy, false), page.nextCursor(), limit), last);
  }
}
