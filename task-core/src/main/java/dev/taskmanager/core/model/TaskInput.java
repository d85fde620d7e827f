package dev.taskmanager.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A task as a person typed it: every field is text, as it came from a form, a command line, a
 * JSON document or a CSV file; {@code null} means the field was not given.
 *
 * <p>Turning it into a {@link TaskDraft}, {@link TaskPatch} or {@link Task} reports every problem
 * at once, those of reading the text (a priority that is not a number) together with those of the
 * rules, so the page, the API and the command line show the same messages.
 */
public record TaskInput(String title, String shortdesc, String priority) {

  /**
   * The draft these values describe. A missing description is empty and a missing or blank
   * priority is the default.
   *
   * @throws InvalidTaskException listing every problem
   */
  public TaskDraft toDraft() {
    List<Violation> violations = new ArrayList<>();
    Integer parsedPriority = TaskRules.parsePriority(priority, violations);
    checkText(violations);
    throwIfAny(violations);
    return new TaskDraft(title, shortdesc, parsedPriority);
  }

  /**
   * The patch these values describe: a {@code null} field is kept, any other is changed (a blank
   * priority sets the default).
   *
   * @throws InvalidTaskException listing every problem
   */
  public TaskPatch toPatch() {
    List<Violation> violations = new ArrayList<>();
    Integer parsedPriority = priority == null ? null : TaskRules.parsePriority(priority, violations);
    if (title != null) {
      TaskRules.checkTitle(TaskRules.trim(title), violations);
    }
    if (shortdesc != null) {
      TaskRules.checkShortdesc(TaskRules.normalizeLineEndings(shortdesc), violations);
    }
    throwIfAny(violations);
    return new TaskPatch(title, shortdesc, parsedPriority);
  }

  /**
   * The task these values describe with an id given as text, as an import file holds it.
   *
   * @throws InvalidTaskException listing every problem, the id's included
   */
  public Task toTask(String id) {
    List<Violation> violations = new ArrayList<>();
    Long parsedId = TaskRules.parseId(id, violations);
    Integer parsedPriority = TaskRules.parsePriority(priority, violations);
    checkText(violations);
    throwIfAny(violations);
    return new TaskDraft(title, shortdesc, parsedPriority).toTask(parsedId);
  }

  /**
   * Reads a task id typed by a person, such as a path segment or a command-line argument.
   *
   * @throws InvalidTaskException when the text is not a whole number from 0 to {@link Long#MAX_VALUE}
   */
  public static long parseId(String text) {
    List<Violation> violations = new ArrayList<>();
    Long id = TaskRules.parseId(text, violations);
    throwIfAny(violations);
    return id;
  }

  /** The rules of the text fields, as {@link TaskDraft} applies them, without throwing. */
  private void checkText(List<Violation> violations) {
    TaskRules.checkTitle(TaskRules.trim(title), violations);
    TaskRules.checkShortdesc(shortdesc == null ? "" : TaskRules.normalizeLineEndings(shortdesc), violations);
  }

  private static void throwIfAny(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidTaskException(sorted(violations));
    }
  }

  /** Reports fields in the order a form shows them. */
  private static List<Violation> sorted(List<Violation> violations) {
    List<String> order = List.of(TaskRules.ID, TaskRules.TITLE, TaskRules.SHORTDESC, TaskRules.PRIORITY);
    List<Violation> copy = new ArrayList<>(violations);
    copy.sort((a, b) -> Integer.compare(order.indexOf(a.field()), order.indexOf(b.field())));
    return copy;
  }
}
