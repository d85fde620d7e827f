package dev.taskmanager.cli.io;

import dev.taskmanager.core.model.ImportRecord;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.Violation;
import java.util.List;

/**
 * One record of an import file where it was found, its fields as text with what the file's
 * structure got wrong (a title that is a JSON number, an unknown field); the core's rules come
 * later, in {@link dev.taskmanager.core.usecase.ImportTasks}. Flat, and turned into the core's
 * {@link ImportRecord} only when asked: an input holds up to a few hundred thousand of them.
 *
 * @param number the record's place in the input, from 1
 * @param line the line the record starts on, from 1
 * @param column where on the line an unreadable record broke, from 1; 0 when unknown or readable
 * @param id the id as text; {@code null} when absent
 * @param newer the fields beyond the tutorial's four, or {@code null} when the record has none (a file
 *     of the tutorial's format: nothing more to keep)
 * @param shapeProblems what the file's structure got wrong; for an unreadable record, its one problem
 * @param readable whether the fields could be read at all (false: not an object, wrong field count)
 */
public record RawRecord(int number, long line, long column, String id, String title, String shortdesc,
    String priority, Newer newer, List<Violation> shapeProblems, boolean readable) {

  /**
   * The fields a task manager adds, as text ({@code null}: not given).
   *
   * @param tags each tag as written
   */
  public record Newer(String due, List<String> tags, String done, String doneAt, String createdAt,
      String updatedAt, String createdBy, String updatedBy) {

    /** {@code null} when every field is absent, so that such records keep nothing more. */
    static Newer of(String due, List<String> tags, String done, String doneAt, String createdAt, String updatedAt,
        String createdBy, String updatedBy) {
      boolean none = due == null && tags == null && done == null && doneAt == null && createdAt == null
          && updatedAt == null && createdBy == null && updatedBy == null;
      return none ? null : new Newer(due, tags, done, doneAt, createdAt, updatedAt, createdBy, updatedBy);
    }
  }

  public RawRecord {
    shapeProblems = List.copyOf(shapeProblems);
  }

  static RawRecord read(int number, long line, String id, String title, String shortdesc, String priority,
      Newer newer, List<Violation> shapeProblems) {
    return new RawRecord(number, line, 0, id, title, shortdesc, priority, newer, shapeProblems, true);
  }

  static RawRecord unreadable(int number, long line, long column, String problem, String accepted) {
    return new RawRecord(number, line, column, null, null, null, null, null,
        List.of(new Violation(ImportRecord.WHOLE_RECORD, problem, accepted)), false);
  }

  /** The same record at another place: a JSON Lines record is parsed on its own, as if at line 1. */
  RawRecord at(long otherLine) {
    return new RawRecord(number, otherLine, column, id, title, shortdesc, priority, newer, shapeProblems, readable);
  }

  /** The same record under an id given to it: formats without ids of ours get the next ones. */
  public RawRecord withId(String newId) {
    return new RawRecord(number, line, column, newId, title, shortdesc, priority, newer, shapeProblems, readable);
  }

  /** The record as the core checks it. */
  public ImportRecord content() {
    TaskInput fields = new TaskInput(title, shortdesc, priority, shapeProblems);
    if (newer != null) {
      fields = fields.withDue(newer.due()).withTags(newer.tags()).withDone(newer.done())
          .withTimes(newer.doneAt(), newer.createdAt(), newer.updatedAt())
          .withAuthors(newer.createdBy(), newer.updatedBy());
    }
    return readable ? ImportRecord.of(id, fields) : new ImportRecord(null, fields, false);
  }
}
