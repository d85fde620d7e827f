package dev.taskmanager.cli.io;

import dev.taskmanager.core.model.ImportRecord;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.Violation;
import java.util.List;

/**
 * One record of an import file where it was found, its fields as text with what the file's
 * structure got wrong (a title that is a JSON number, an unknown field); the core's rules come
 * later, in {@link dev.taskmanager.core.usecase.ImportTasks}.
 *
 * @param number the record's place in the input, from 1
 * @param line the line the record starts on, from 1
 * @param column where on the line an unreadable record broke, from 1; 0 when unknown or readable
 * @param content the id and fields as text, or what made the record unreadable
 */
public record RawRecord(int number, long line, long column, ImportRecord content) {

  static RawRecord read(int number, long line, String id, String title, String shortdesc, String priority,
      List<Violation> shapeProblems) {
    return new RawRecord(number, line, 0,
        ImportRecord.of(id, new TaskInput(title, shortdesc, priority, shapeProblems)));
  }

  static RawRecord unreadable(int number, long line, long column, String problem, String accepted) {
    return new RawRecord(number, line, column, ImportRecord.unreadable(problem, accepted));
  }
}
