package dev.taskmanager.cli.io;

import java.util.List;

/**
 * What reading an import file gave: every record, those too broken to read included (so that
 * records are numbered as in the input), and the problems that stopped reading.
 */
public record ReadResult(List<RawRecord> records, List<InputProblem> problems) {

  public ReadResult {
    records = List.copyOf(records);
    problems = List.copyOf(problems);
  }
}
