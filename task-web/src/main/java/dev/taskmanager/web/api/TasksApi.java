package dev.taskmanager.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.query.PageRequest;
import dev.taskmanager.core.query.TaskPage;
import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.core.usecase.CreateTask;
import dev.taskmanager.core.usecase.DeleteTasksByTitle;
import dev.taskmanager.core.usecase.ListTasks;
import dev.taskmanager.core.usecase.ResetTasks;
import dev.taskmanager.core.usecase.RestoreTask;
import dev.taskmanager.web.access.AuditLog;
import dev.taskmanager.web.access.Caller;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task collection: list ({@code GET /api/tasks}), create ({@code POST}), delete by title
 * ({@code DELETE /api/tasks?title=…}) and reset ({@code POST /api/tasks/reset}).
 */
public final class TasksApi {

  private static final Set<String> JSON = Set.of("application/json");

  private final ObjectMapper mapper;
  private final JsonBodies bodies;
  private final ListTasks listTasks;
  private final CreateTask createTask;
  private final DeleteTasksByTitle deleteTasksByTitle;
  private final ResetTasks resetTasks;
  private final RestoreTask restoreTask;
  private final Clock clock;

  @Inject
  TasksApi(ObjectMapper mapper, ListTasks listTasks, CreateTask createTask, DeleteTasksByTitle deleteTasksByTitle,
      ResetTasks resetTasks, RestoreTask restoreTask, Clock clock) {
    this.mapper = mapper;
    this.restoreTask = restoreTask;
    this.clock = clock;
    this.bodies = new JsonBodies(mapper);
    this.listTasks = listTasks;
    this.createTask = createTask;
    this.deleteTasksByTitle = deleteTasksByTitle;
    this.resetTasks = resetTasks;
  }

  /** {@code GET /api/tasks?q=&cursor=&limit=}: {@code q} in the query language. */
  public void list(HttpServerExchange exchange) throws Exception {
    QueryParameters query = QueryParameters.of(exchange, Set.of("q", "cursor", "limit"));
    PageRequest request = PageRequest.parse(query.get("q"), query.get("cursor"), query.get("limit"),
        LocalDate.now(clock));
    TaskPage page = listTasks.list(request);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.tasks().stream().map(TaskJson::of).toList());
    body.put("nextCursor", page.nextCursor());
    body.put("previousCursor", page.previousCursor());
    JsonResponses.send(exchange, mapper, 200, body);
  }

  /** {@code GET /api/deleted-tasks}: those that can be restored, most recently deleted first. */
  public void deleted(HttpServerExchange exchange) throws Exception {
    QueryParameters.of(exchange, Set.of());
    List<Map<String, Object>> items = new ArrayList<>();
    for (DeletedTask deleted : restoreTask.deleted()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("deleted_at", deleted.deletedAt().toString());
      item.put("task", TaskJson.of(deleted.task()));
      items.add(item);
    }
    JsonResponses.send(exchange, mapper, 200, Map.of("items", items));
  }

  /** {@code POST /api/tasks}: 201 with the task and its {@code Location}. */
  public void create(HttpServerExchange exchange) throws Exception {
    QueryParameters.of(exchange, Set.of());
    ObjectNode body = bodies.readObject(exchange, JSON);
    // Dates are ISO here: words such as "tomorrow" are for people, at the page and the command line.
    TaskDraft draft = JsonBodies.taskInput(body).toDraft(null);
    Task task = createTask.create(draft.by(Caller.of(exchange).actor()));
    exchange.getResponseHeaders().put(Headers.LOCATION, "/api/tasks/" + task.id());
    JsonResponses.send(exchange, mapper, 201, TaskJson.of(task));
  }

  /** {@code DELETE /api/tasks?title=…}: deletes every task with exactly this title. */
  public void deleteByTitle(HttpServerExchange exchange) throws Exception {
    QueryParameters query = QueryParameters.of(exchange, Set.of("title"));
    String title = query.get("title");
    long deleted = deleteTasksByTitle.delete(title);
    AuditLog.record(exchange, "deleted " + deleted + " tasks titled " + Excerpts.quote(title.strip()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title.strip());
    body.put("deleted", deleted);
    JsonResponses.send(exchange, mapper, 200, body);
  }

  /** {@code POST /api/tasks/reset} with {@code {"confirm": true}}: deletes every task, ids start at 0. */
  public void reset(HttpServerExchange exchange) throws Exception {
    QueryParameters.of(exchange, Set.of());
    // A JSON body is required, not only for form: a browser cannot send one cross-site without
    // CORS, which this API never allows, so no other site can reset the store.
    ObjectNode body = bodies.readObject(exchange, JSON);
    List<Violation> problems = JsonBodies.unknownFields(body, Set.of("confirm"), "reset", "confirm");
    if (!body.path("confirm").isBoolean() || !body.path("confirm").booleanValue()) {
      problems.add(new Violation("confirm", body.has("confirm") ? "is " + JsonBodies.kind(body.get("confirm"))
          + (body.get("confirm").isBoolean() ? " false" : "") : "is missing",
          "true, to delete every task and start ids again at 0"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidTaskException(problems);
    }
    resetTasks.reset();
    AuditLog.record(exchange, "reset the store: deleted every task");
    JsonResponses.noContent(exchange);
  }
}
