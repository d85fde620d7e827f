package dev.taskmanager.core.model;

import dev.taskmanager.core.text.Excerpts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
 * <p>Start from {@link #TaskInput(String, String, String)} and add the newer fields with the
 * {@code with} methods.
 *
 * @param due a date as {@link DueDates} reads it; blank means none
 * @param tags the tags, each as typed; {@code null} when not given
 * @param done {@code true} or {@code false}
 * @param doneAt when it was completed, RFC 3339: only an imported task says so
 * @param createdAt when it was created, RFC 3339: only an imported task says so
 * @param updatedAt when it last changed, RFC 3339: only an imported task says so
 * @param createdBy who created it: only an imported task says so
 * @param updatedBy who changed it last: only an imported task says so
 * @param shapeProblems what the adapter found wrong while reading the fields; such a field is
 *     passed as {@code null}
 */
public record TaskInput(String title, String shortdesc, String priority, String due, List<String> tags, String done,
    String doneAt, String createdAt, String updatedAt, String createdBy, String updatedBy,
    List<Violation> shapeProblems) {

  public static final String DONE_AT = "done_at";
  public static final String CREATED_AT = "created_at";
  public static final String UPDATED_AT = "updated_at";
  public static final String CREATED_BY = "created_by";
  public static final String UPDATED_BY = "updated_by";

  /** The fields in the order a form shows them, which is the order problems are reported in. */
  private static final List<String> FIELD_ORDER = List.of(TaskRules.ID, TaskRules.TITLE, TaskRules.SHORTDESC,
      TaskRules.PRIORITY, TaskRules.DUE, TaskRules.TAGS, TaskRules.DONE, DONE_AT, CREATED_AT, UPDATED_AT, CREATED_BY, UPDATED_BY);
  private static final String DONE_ACCEPTED = "true or false";
  private static final String INSTANT_ACCEPTED = "a time as RFC 3339, such as 2026-12-24T18:30:00Z";

  public TaskInput {
    tags = tags == null ? null : List.copyOf(tags);
    shapeProblems = List.copyOf(shapeProblems);
  }

  /** The tutorial's three fields, read without problems of their own. */
  public TaskInput(String title, String shortdesc, String priority) {
    this(title, shortdesc, priority, List.of());
  }

  /** The tutorial's three fields and the problems found reading them. */
  public TaskInput(String title, String shortdesc, String priority, List<Violation> shapeProblems) {
    this(title, shortdesc, priority, null, null, null, null, null, null, null, null, shapeProblems);
  }

  public TaskInput withDue(String newDue) {
    return new TaskInput(title, shortdesc, priority, newDue, tags, done, doneAt, createdAt, updatedAt, createdBy,
        updatedBy, shapeProblems);
  }

  public TaskInput withTags(List<String> newTags) {
    return new TaskInput(title, shortdesc, priority, due, newTags, done, doneAt, createdAt, updatedAt, createdBy,
        updatedBy, shapeProblems);
  }

  public TaskInput withDone(String newDone) {
    return new TaskInput(title, shortdesc, priority, due, tags, newDone, doneAt, createdAt, updatedAt, createdBy,
        updatedBy, shapeProblems);
  }

  /** The times an imported task brings along. */
  public TaskInput withTimes(String newDoneAt, String newCreatedAt, String newUpdatedAt) {
    return new TaskInput(title, shortdesc, priority, due, tags, done, newDoneAt, newCreatedAt, newUpdatedAt,
        createdBy, updatedBy, shapeProblems);
  }

  /** Who created and last changed an imported task, as its file names them. */
  public TaskInput withAuthors(String newCreatedBy, String newUpdatedBy) {
    return new TaskInput(title, shortdesc, priority, due, tags, done, doneAt, createdAt, updatedAt, newCreatedBy,
        newUpdatedBy, shapeProblems);
  }

  public TaskInput withShapeProblems(List<Violation> problems) {
    return new TaskInput(title, shortdesc, priority, due, tags, done, doneAt, createdAt, updatedAt, createdBy,
        updatedBy, problems);
  }

  /**
   * The draft these values describe. A missing description is empty, a missing or blank priority
   * is the default, a missing or blank due date is none.
   *
   * @param today the person's today, to read words such as {@code tomorrow} by; {@code null} to
   *     accept ISO dates only
   * @throws InvalidTaskException listing every problem
   */
  public TaskDraft toDraft(LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    Integer parsedPriority = TaskRules.parsePriority(priority, violations);
    LocalDate parsedDue = TaskRules.isBlank(due) ? null : DueDates.parse(due, today, TaskRules.DUE, violations);
    List<String> parsedTags = TaskRules.normalizeTags(tags, violations);
    if (!TaskRules.isBlank(done) && Boolean.TRUE.equals(parseDone(violations))) {
      violations.add(new Violation(TaskRules.DONE, "is true on a new task",
          "false or nothing: a task is created open, then completed"));
    }
    checkText(violations);
    throwIfAny(violations);
    return new TaskDraft(title, shortdesc, parsedPriority, parsedDue, parsedTags);
  }

  /**
   * The patch these values describe: a {@code null} field is kept, any other is changed (a blank
   * priority sets the default, a blank due date removes it).
   *
   * @param today as for {@link #toDraft}
   * @throws InvalidTaskException listing every problem
   */
  public TaskPatch toPatch(LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    Integer parsedPriority = priority == null ? null : TaskRules.parsePriority(priority, violations);
    Optional<LocalDate> parsedDue = null;
    if (due != null) {
      parsedDue = TaskRules.isBlank(due) ? Optional.empty()
          : Optional.ofNullable(DueDates.parse(due, today, TaskRules.DUE, violations));
    }
    List<String> parsedTags = TaskRules.normalizeTags(tags, violations);
    Boolean parsedDone = done == null ? null : parseDone(violations);
    if (title != null) {
      TaskRules.checkTitle(TaskRules.trim(title), violations);
    }
    if (shortdesc != null) {
      TaskRules.checkShortdesc(TaskRules.normalizeLineEndings(shortdesc), violations);
    }
    throwIfAny(violations);
    return new TaskPatch(title, shortdesc, parsedPriority, parsedDue, parsedTags, parsedDone);
  }

  /**
   * The task these values describe with an id given as text, as an import file holds it. Due dates
   * are ISO dates. A task marked done without a completion time was completed at its last change,
   * or at {@code now} when that is unknown too.
   *
   * @throws InvalidTaskException listing every problem, the id's included
   */
  public Task toTask(String id, Instant now) {
    List<Violation> violations = new ArrayList<>();
    Long parsedId = TaskRules.parseId(id, violations);
    Integer parsedPriority = TaskRules.parsePriority(priority, violations);
    LocalDate parsedDue = TaskRules.isBlank(due) ? null : DueDates.parse(due, null, TaskRules.DUE, violations);
    List<String> parsedTags = TaskRules.normalizeTags(tags, violations);
    Boolean parsedDone = TaskRules.isBlank(done) ? null : parseDone(violations);
    Instant parsedDoneAt = parseInstant(DONE_AT, doneAt, violations);
    Instant parsedCreatedAt = parseInstant(CREATED_AT, createdAt, violations);
    Instant parsedUpdatedAt = parseInstant(UPDATED_AT, updatedAt, violations);
    String parsedCreatedBy = TaskRules.parseAuthor(CREATED_BY, createdBy, violations);
    String parsedUpdatedBy = TaskRules.parseAuthor(UPDATED_BY, updatedBy, violations);
    if (Boolean.FALSE.equals(parsedDone) && parsedDoneAt != null) {
      violations.add(new Violation(DONE_AT, "is set on a task that is not done",
          "no value (or null) while done is false"));
    }
    checkText(violations);
    throwIfAny(violations);
    if (Boolean.TRUE.equals(parsedDone) && parsedDoneAt == null) {
      parsedDoneAt = parsedUpdatedAt != null ? parsedUpdatedAt : now;
    }
    TaskDraft draft = new TaskDraft(title, shortdesc, parsedPriority, parsedDue, parsedTags);
    return new Task(parsedId, draft.title(), draft.shortdesc(), draft.priority(), parsedDoneAt, parsedCreatedAt,
        parsedUpdatedAt, draft.due(), draft.tags(), parsedCreatedBy, parsedUpdatedBy);
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

  private Boolean parseDone(List<Violation> violations) {
    switch (TaskRules.trim(done).toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        violations.add(new Violation(TaskRules.DONE, Excerpts.quote(done) + " is not true or false", DONE_ACCEPTED));
        return null;
    }
  }

  /** An RFC 3339 time to the millisecond, as MongoDB keeps times; {@code null} when blank. */
  private static Instant parseInstant(String field, String text, List<Violation> violations) {
    if (TaskRules.isBlank(text)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(TaskRules.trim(text)).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException notATime) {
      violations.add(new Violation(field, Excerpts.quote(text) + " is not a time", INSTANT_ACCEPTED));
      return null;
    }
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
