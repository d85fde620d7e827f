package dev.taskmanager.cli.io;

import dev.taskmanager.core.model.Violation;
import java.util.List;
import java.util.Set;

/**
 * One record of an import file, its fields as text (as {@link dev.taskmanager.core.model.TaskInput}
 * takes them), before the core's rules are applied.
 *
 * @param number the record's place in the input, from 1
 * @param line the line the record starts on, from 1
 * @param id the id as text; {@code null} when absent
 * @param problems what the file's structure got wrong (a title that is a JSON number, an unknown
 *     field); the core's rules come later
 * @param badFields the fields whose value could not be read as text, so the core's complaint about
 *     them (e.g. "is empty") would only repeat the problem
 * @param readable whether the fields could be read at all (false: not an object, wrong field count)
 */
public record RawRecord(
    int number, long line, String id, String title, String shortdesc, String priority,
    List<Violation> problems, Set<String> badFields, boolean readable) {

  public RawRecord {
    problems = List.copyOf(problems);
    badFields = Set.copyOf(badFields);
  }

  static RawRecord unreadable(int number, long line, Violation problem) {
    return new RawRecord(number, line, null, null, null, null, List.of(problem), Set.of(), false);
  }
}
