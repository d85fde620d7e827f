package dev.taskmanager.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A task as a person typed it: every field is text, as it came from a form, a command line, a
 * JSON document or a CSV file; {@code null} means the field was not given.
 *
 * <p>Turning it into a {@link TaskDraft}, {@link TaskPatch} or {@link Task} reports every problem
 * at once, those of reading the text (a priority that is not a number) together with those of the
 * rules, so the page, the API and the command line show the same messages. An adapter that found
 * problems while reading the fields (a JSON value of the wrong type, a form field given twice, a
 * field no task has) passes them as {@code shapeProblems}: they are reported first for their
 * fields, the rules' problems for the others, all in the order a form shows the fields.
 *
 * @param shapeProblems what the adapter found wrong while reading the fields; such a field is
 *     passed as {@code null}
 */
public record TaskInput(String title, String shortdesc, String priority, List<Violation> shapeProblems) {

  /** The fields in the order a form shows them, which is the order problems are reported in. */
  private static final List<String> FIELD_ORDER = List.of(TaskRules.ID, TaskRules.TITLE, TaskRules.SHORTDESC,
      TaskRules.PRIORITY);

  public TaskInput {
    shapeProblems = List.copyOf(shapeProblems);
  }

  /** Fields read without problems of their own. */
  public TaskInput(String title, String shortdesc, String priority) {
    this(title, shortdesc, priority, List.of());
  }

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
    throwIfAny(List.of(), violations);
    return id;
  }

  /** The rules of the text fields, as {@link TaskDraft} applies them, without throwing. */
  private void checkText(List<Violation> violations) {
    TaskRules.checkTitle(TaskRules.trim(title), violations);
    TaskRules.checkShortdesc(shortdesc == null ? "" : TaskRules.normalizeLineEndings(shortdesc), violations);
  }

  private void throwIfAny(List<Violation> ruleViolations) {
    throwIfAny(shapeProblems, ruleViolations);
  }

  /** Every problem at once: the shape's, then the rules' for the fields the shape did not fault. */
  private static void throwIfAny(List<Violation> shapeProblems, List<Violation> ruleViolations) {
    List<Violation> all = new ArrayList<>(shapeProblems);
    for (Violation violation : ruleViolations) {
      if (shapeProblems.stream().noneMatch(problem -> problem.field().equals(violation.field()))) {
        all.add(violation);
      }
    }
    if (!all.isEmpty()) {
      // Stable: a field no task has comes after those it has, in the order it was found.
      all.sort(Comparator.comparingInt(violation -> rank(violation.field())));
      throw new InvalidTaskException(all);
    }
  }

  private static int rank(String field) {
    int index = FIELD_ORDER.indexOf(field);
    return index < 0 ? FIELD_ORDER.size() : index;
  }
}
