package dev.taskmanager.web.page;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.usecase.RestoreTask;
import io.undertow.server.HttpServerExchange;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The deleted tasks kept aside ({@code GET /deleted}), most recently deleted first, each with a
 * Restore button ({@code POST /tasks/{id}/restore}, also the Undo of the message after a delete).
 */
public final class DeletedTasksPage {

  private final Pages pages;
  private final RestoreTask restoreTask;
  private final Clock clock;

  @Inject
  DeletedTasksPage(Pages pages, RestoreTask restoreTask, Clock clock) {
    this.pages = pages;
    this.restoreTask = restoreTask;
    this.clock = clock;
  }

  /** {@code GET /deleted}. */
  public void list(HttpServerExchange exchange) throws Exception {
    List<DeletedTask> deleted = restoreTask.deleted();
    LocalDate today = LocalDate.now(clock);
    List<Map<String, Object>> rows = deleted.stream().map(each -> Map.<String, Object>of(
        "task", TaskRow.of(each.task(), today),
        "deletedAt", Pages.minutes(each.deletedAt(), clock))).toList();
    pages.render(exchange, 200, "deleted.ftlh", Map.of(
        "deleted", rows,
        "days", DeletedTask.KEPT.toDays(),
        "zone", clock.getZone().getId(),
        "max", RestoreTask.MAX_LISTED));
  }

  /** {@code POST /tasks/{id}/restore}: the task back under its id; back to where the form was. */
  public void restore(HttpServerExchange exchange) throws Exception {
    Task task = restoreTask.restore(EditTaskPage.id(exchange));
    pages.redirect(exchange, TasksPage.back(exchange), "Task " + task.id() + " restored");
  }
}
