package dev.taskmanager.cli.io;

import java.util.List;

/**
 * What reading an import file gave: every record to import, those too broken to read included,
 * each with its number in the input; the problems that stopped reading; and how many records the
 * format says to leave out (Taskwarrior's deleted tasks).
 */
public record ReadResult(List<RawRecord> records, List<InputProblem> problems, int left) {

  public ReadResult {
    records = List.copyOf(records);
    problems = List.copyOf(problems);
  }

  public ReadResult(List<RawRecord> records, List<InputProblem> problems) {
    this(records, problems, 0);
  }
}
