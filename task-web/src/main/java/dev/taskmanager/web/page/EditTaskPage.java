package dev.taskmanager.web.page;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.usecase.DeleteTask;
import dev.taskmanager.core.usecase.GetTask;
import dev.taskmanager.core.usecase.UpdateTask;
import dev.taskmanager.web.access.AuditLog;
import dev.taskmanager.web.access.Caller;
import dev.taskmanager.web.http.FlashMessages.Flash;
import dev.taskmanager.web.http.FormData;
import dev.taskmanager.web.http.Requests;
import io.undertow.server.HttpServerExchange;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * One task's page: edit every field ({@code GET} and {@code POST /tasks/{id}}) and delete it
 * ({@code POST /tasks/{id}/delete}).
 */
public final class EditTaskPage {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (z)", Locale.ROOT);

  private final Pages pages;
  private final GetTask getTask;
  private final UpdateTask updateTask;
  private final DeleteTask deleteTask;
  private final Clock clock;

  @Inject
  EditTaskPage(Pages pages, GetTask getTask, UpdateTask updateTask, DeleteTask deleteTask, Clock clock) {
    this.pages = pages;
    this.clock = clock;
    this.getTask = getTask;
    this.updateTask = updateTask;
    this.deleteTask = deleteTask;
  }

  /** {@code GET /tasks/{id}}: the edit form, filled in. */
  public void show(HttpServerExchange exchange) throws Exception {
    Task task = getTask.get(id(exchange));
    TasksPage.Form form = new TasksPage.Form()
        .value("title", task.title())
        .value("shortdesc", task.shortdesc())
        .value("priority", Integer.toString(task.priority()))
        .value("due", task.due() == null ? "" : task.due().toString())
        .value("tags", String.join(" ", task.tags()));
    render(exchange, 200, task, form);
  }

  /** {@code POST /tasks/{id}}: saves the fields, or shows the form again with what to fix. */
  public void update(HttpServerExchange exchange) throws Exception {
    long id = id(exchange);
    TaskInput input = FormData.of(exchange).taskInput();
    TaskPatch patch;
    try {
      // A field the form did not send is kept; the edit form sends them all.
      patch = input.toPatch(LocalDate.now(clock));
    } catch (InvalidTaskException invalid) {
      render(exchange, 400, getTask.get(id), TasksPage.Form.typed(input).errors(invalid.violations()));
      return;
    }
    Task task = updateTask.update(id, patch.by(Caller.of(exchange).actor()));
    pages.redirect(exchange, "/", "Task " + task.id() + " saved");
  }

  /** {@code POST /tasks/{id}/delete}: kept aside, with Undo in the message; back to the listing. */
  public void delete(HttpServerExchange exchange) throws Exception {
    Task task = deleteTask.delete(id(exchange));
    AuditLog.record(exchange, "deleted task " + task.id());
    pages.redirect(exchange, TasksPage.back(exchange), new Flash("Task " + task.id() + " deleted", task.id()));
  }

  private void render(HttpServerExchange exchange, int status, Task task, TasksPage.Form form) throws Exception {
    pages.render(exchange, status, "task.ftlh", Map.of(
        "task", task,
        "times", Map.of(
            "done", task.done() ? describe(task.doneAt()) : "",
            "created", describe(task.createdAt()),
            "createdBy", task.createdBy() == null ? "" : task.createdBy(),
            "updated", describe(task.updatedAt()),
            "updatedBy", task.updatedBy() == null ? "" : task.updatedBy()),
        "form", form.values,
        "errors", form.errors,
        "limits", TasksPage.limits(),
        "keptDays", DeletedTask.KEPT.toDays()));
  }

  /** A time in the configured zone, to the minute; tasks of the tutorial app have none. */
  private String describe(Instant time) {
    return time == null ? "unknown" : MINUTES.format(time.atZone(clock.getZone()));
  }

  static long id(HttpServerExchange exchange) {
    return TaskInput.parseId(Requests.pathParameter(exchange, "id"));
  }
}
