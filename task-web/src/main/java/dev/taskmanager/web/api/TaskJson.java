package dev.taskmanager.web.api;

import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.TaskRules;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task as the API shows it, the same names as json export: the tutorial's four fields, then
 * {@code done} (boolean), {@code done_at}, {@code created_at}, {@code updated_at} (RFC 3339 in UTC,
 * or {@code null} when unknown), {@code due} ({@code "YYYY-MM-DD"} or {@code null}), {@code tags},
 * and {@code created_by}, {@code updated_by} (who, or {@code null} when unknown).
 */
final class TaskJson {

  private TaskJson() {}

  static Map<String, Object> of(Task task) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(TaskRules.ID, task.id());
    json.put(TaskRules.TITLE, task.title());
    json.put(TaskRules.SHORTDESC, task.shortdesc());
    json.put(TaskRules.PRIORITY, task.priority());
    json.put(TaskRules.DONE, task.done());
    json.put(TaskInput.DONE_AT, text(task.doneAt()));
    json.put(TaskInput.CREATED_AT, text(task.createdAt()));
    json.put(TaskInput.UPDATED_AT, text(task.updatedAt()));
    json.put(TaskRules.DUE, task.due() == null ? null : task.due().toString());
    json.put(TaskRules.TAGS, task.tags());
    json.put(TaskInput.CREATED_BY, task.createdBy());
    json.put(TaskInput.UPDATED_BY, task.updatedBy());
    return json;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
