package dev.taskmanager.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One record of an import as an adapter read it, before any rule is applied: the id and the
 * fields as text, with what the adapter found wrong while reading them ({@link
 * TaskInput#shapeProblems()}), or, for a record that could not be read as fields at all (not an
 * object, a CSV line with the wrong number of fields), only what was wrong with it.
 *
 * @param id the id as text; {@code null} when absent or unreadable
 * @param fields the other fields and the problems of reading them
 * @param readable whether the fields could be read at all; if not, only the problems are reported
 */
public record ImportRecord(String id, TaskInput fields, boolean readable) {

  /** The "field" a problem of the record as a whole names: {@link RecordViolation#message()} leaves it out. */
  public static final String WHOLE_RECORD = "record";

  public ImportRecord {
    Objects.requireNonNull(fields, "fields");
  }

  /** A record whose fields were read, each as text. */
  public static ImportRecord of(String id, TaskInput fields) {
    return new ImportRecord(id, fields, true);
  }

  /**
   * A record that could not be read as fields.
   *
   * @param problem what is wrong with it, e.g. {@code is a JSON array}
   * @param accepted what a record is, e.g. {@code a JSON object with id, title, shortdesc and priority}
   */
  public static ImportRecord unreadable(String problem, String accepted) {
    Violation violation = new Violation(WHOLE_RECORD, problem, accepted);
    return new ImportRecord(null, new TaskInput(null, null, null, List.of(violation)), false);
  }

  /** A task a program holds, written as its text would be: the rules then apply to it as to a file. */
  public static ImportRecord of(Task task) {
    return of(String.valueOf(task.id()),
        new TaskInput(task.title(), task.shortdesc(), String.valueOf(task.priority()))
            .withDue(task.due() == null ? null : task.due().toString())
            .withTags(task.tags())
            .withDone(String.valueOf(task.done()))
            .withTimes(text(task.doneAt()), text(task.createdAt()), text(task.updatedAt()))
            .withAuthors(task.createdBy(), task.updatedBy()));
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
