package dev.taskmanager.web.page;

import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.PageRequest;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.TaskPage;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.usecase.CreateTask;
import dev.taskmanager.core.usecase.DeleteTasksByTitle;
import dev.taskmanager.core.usecase.GetTaskStats;
import dev.taskmanager.core.usecase.ListTasks;
import dev.taskmanager.web.http.FormData;
import dev.taskmanager.web.http.Requests;
import io.undertow.server.HttpServerExchange;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The task list page ({@code GET /}) and the forms on it: create ({@code POST /tasks}) and
 * delete by title ({@code POST /delete-by-title}). A rejected form comes back with status 400, the
 * values typed and a message at each bad field.
 */
public final class TasksPage {

  static final String FILTER = "title-contains";

  private final Pages pages;
  private final ListTasks listTasks;
  private final CreateTask createTask;
  private final DeleteTasksByTitle deleteTasksByTitle;
  private final GetTaskStats getTaskStats;

  @Inject
  TasksPage(Pages pages, ListTasks listTasks, CreateTask createTask, DeleteTasksByTitle deleteTasksByTitle,
      GetTaskStats getTaskStats) {
    this.pages = pages;
    this.listTasks = listTasks;
    this.createTask = createTask;
    this.deleteTasksByTitle = deleteTasksByTitle;
    this.getTaskStats = getTaskStats;
  }

  /** {@code GET /}: a page of tasks, sorted, filtered, with the forms. */
  public void list(HttpServerExchange exchange) throws Exception {
    PageRequest request = PageRequest.parse(Requests.query(exchange, "sort"), Requests.query(exchange, "order"),
        Requests.query(exchange, FILTER), Requests.query(exchange, "cursor"), Requests.query(exchange, "limit"));
    show(exchange, 200, request, new Form(), new Form());
  }

  /** {@code POST /tasks}: creates a task, or shows the form again with what to fix. */
  public void create(HttpServerExchange exchange) throws Exception {
    TaskInput input = FormData.of(exchange).taskInput();
    TaskDraft draft;
    try {
      draft = input.toDraft();
    } catch (InvalidTaskException invalid) {
      show(exchange, 400, PageRequest.firstPage(), Form.typed(input).errors(invalid.violations()), new Form());
      return;
    }
    Task task = createTask.create(draft);
    pages.redirect(exchange, "/", "Task " + task.id() + " created");
  }

  /** {@code POST /delete-by-title}: deletes every task with exactly this title and says how many. */
  public void deleteByTitle(HttpServerExchange exchange) throws Exception {
    FormData form = FormData.of(exchange);
    List<Violation> violations = new ArrayList<>();
    String title = form.single("title", violations);
    Form typed = new Form().value("title", title);
    try {
      if (violations.isEmpty()) {
        long deleted = deleteTasksByTitle.delete(title);
        String shown = title.strip();
        pages.redirect(exchange, "/", deleted == 0
            ? "No task is titled \"" + shown + "\"; nothing was deleted"
            : "Deleted " + deleted + (deleted == 1 ? " task" : " tasks") + " titled \"" + shown + "\"");
        return;
      }
    } catch (InvalidTaskException invalid) {
      violations.addAll(invalid.violations());
    }
    show(exchange, 400, PageRequest.firstPage(), new Form(), typed.errors(violations));
  }

  private void show(HttpServerExchange exchange, int status, PageRequest request, Form create, Form delete)
      throws Exception {
    TaskPage page = listTasks.list(request);
    Map<String, Object> model = new HashMap<>();
    model.put("tasks", page.tasks().stream().map(TaskRow::of).collect(Collectors.toList()));
    model.put("total", getTaskStats.count());
    model.put("filter", request.titleContains() == null ? "" : request.titleContains());
    model.put("sort", request.sortBy().key());
    model.put("order", request.descending() ? "desc" : "asc");
    model.put("idSortUrl", url(request, SortBy.ID,
        request.sortBy() == SortBy.ID && !request.descending(), null));
    model.put("prioritySortUrl", url(request, SortBy.PRIORITY,
        !(request.sortBy() == SortBy.PRIORITY && request.descending()), null));
    model.put("nextUrl", page.hasNext() ? url(request, request.sortBy(), request.descending(), page.nextCursor()) : "");
    model.put("previousUrl",
        page.hasPrevious() ? url(request, request.sortBy(), request.descending(), page.previousCursor()) : "");
    model.put("clearFilterUrl", url(request.at(null), request.sortBy(), request.descending(), null, false));
    model.put("create", create.values);
    model.put("createErrors", create.errors);
    model.put("delete", delete.values);
    model.put("deleteErrors", delete.errors);
    model.put("limits", Map.of("title", TaskRules.TITLE_MAX_LENGTH, "shortdesc", TaskRules.SHORTDESC_MAX_LENGTH,
        "priorityMin", TaskRules.PRIORITY_MIN, "priorityMax", TaskRules.PRIORITY_MAX));
    pages.render(exchange, status, "tasks.ftlh", model);
  }

  private static String url(PageRequest request, SortBy sortBy, boolean descending, String cursor) {
    return url(request, sortBy, descending, cursor, true);
  }

  private static String url(PageRequest request, SortBy sortBy, boolean descending, String cursor,
      boolean keepFilter) {
    Map<String, String> query = new LinkedHashMap<>();
    if (sortBy != SortBy.ID) {
      query.put("sort", sortBy.key());
    }
    if (descending) {
      query.put("order", "desc");
    }
    if (keepFilter && request.titleContains() != null) {
      query.put(FILTER, request.titleContains());
    }
    if (cursor != null) {
      query.put("cursor", cursor);
    }
    if (request.limit() != PageRequest.DEFAULT_LIMIT) {
      query.put("limit", Integer.toString(request.limit()));
    }
    return query.isEmpty() ? "/" : "/?" + query.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** A form's values as typed and its errors by field, for the template. */
  static final class Form {
    final Map<String, String> values = new HashMap<>();
    final Map<String, Violation> errors = new LinkedHashMap<>();

    /** The task fields as the person typed them, to show them again. */
    static Form typed(TaskInput input) {
      return new Form().value("title", input.title()).value("shortdesc", input.shortdesc())
          .value("priority", input.priority());
    }

    Form value(String field, String value) {
      values.put(field, value == null ? "" : value);
      return this;
    }

    Form errors(List<Violation> violations) {
      // The first problem of each field is the one to fix first.
      violations.forEach(violation -> errors.putIfAbsent(violation.field(), violation));
      return this;
    }
  }
}
