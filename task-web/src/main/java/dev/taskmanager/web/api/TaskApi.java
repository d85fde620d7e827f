package dev.taskmanager.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.usecase.DeleteTask;
import dev.taskmanager.core.usecase.GetTask;
import dev.taskmanager.core.usecase.RestoreTask;
import dev.taskmanager.core.usecase.UpdateTask;
import dev.taskmanager.web.access.AuditLog;
import dev.taskmanager.web.access.Caller;
import dev.taskmanager.web.http.Requests;
import io.undertow.server.HttpServerExchange;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** One task: get, partial update ({@code PATCH}) and delete at {@code /api/tasks/{id}}. */
public final class TaskApi {

  /** A partial update is a JSON object; the merge-patch media type (RFC 7396) says the same. */
  private static final Set<String> PATCH_TYPES = Set.of("application/json", "application/merge-patch+json");

  private final ObjectMapper mapper;
  private final JsonBodies bodies;
  private final GetTask getTask;
  private final UpdateTask updateTask;
  private final DeleteTask deleteTask;
  private final RestoreTask restoreTask;

  @Inject
  TaskApi(ObjectMapper mapper, GetTask getTask, UpdateTask updateTask, DeleteTask deleteTask, RestoreTask restoreTask) {
    this.restoreTask = restoreTask;
    this.mapper = mapper;
    this.bodies = new JsonBodies(mapper);
    this.getTask = getTask;
    this.updateTask = updateTask;
    this.deleteTask = deleteTask;
  }

  /** {@code GET /api/tasks/{id}}. */
  public void get(HttpServerExchange exchange) throws Exception {
    long id = id(exchange);
    JsonResponses.send(exchange, mapper, 200, TaskJson.of(getTask.get(id)));
  }

  /** {@code PATCH /api/tasks/{id}}: changes the fields given, keeps the others; 200 with the task. */
  public void update(HttpServerExchange exchange) throws Exception {
    long id = id(exchange);
    ObjectNode body = bodies.readObject(exchange, PATCH_TYPES);
    TaskPatch patch = JsonBodies.taskInput(body).toPatch(null);
    JsonResponses.send(exchange, mapper, 200, TaskJson.of(updateTask.update(id, patch.by(Caller.of(exchange).actor()))));
  }

  /**
   * {@code POST /api/tasks/{id}/restore} with the JSON object {@code {}}: the deleted task back
   * under its id; 200 with it. The JSON body, as for a reset, is what no other site's page can send
   * without CORS, which this API never allows.
   */
  public void restore(HttpServerExchange exchange) throws Exception {
    long id = id(exchange);
    ObjectNode body = bodies.readObject(exchange, Set.of("application/json"));
    List<Violation> problems = JsonBodies.unknownFields(body, Set.of(), "restore", "the empty JSON object {}");
    if (!problems.isEmpty()) {
      throw new InvalidTaskException(problems);
    }
    JsonResponses.send(exchange, mapper, 200, TaskJson.of(restoreTask.restore(id)));
  }

  /** {@code DELETE /api/tasks/{id}}: 204; the task is kept aside, to restore. */
  public void delete(HttpServerExchange exchange) throws Exception {
    long id = id(exchange);
    deleteTask.delete(id);
    AuditLog.record(exchange, "deleted task " + id);
    JsonResponses.noContent(exchange);
  }

  private static long id(HttpServerExchange exchange) {
    QueryParameters.of(exchange, Set.of());
    return TaskInput.parseId(Requests.pathParameter(exchange, "id"));
  }
}
