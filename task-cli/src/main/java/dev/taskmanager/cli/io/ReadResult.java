package dev.taskmanager.cli.io;

import java.util.List;

/**
 * What reading an import file gave: its records, the problems that stopped reading (or, in JSON
 * Lines, a line), and how many records the input held, those too broken to read included.
 */
public record ReadResult(List<RawRecord> records, List<InputProblem> problems, int recordCount) {

  public ReadResult {
    records = List.copyOf(records);
    problems = List.copyOf(problems);
  }

  public ReadResult(List<RawRecord> records, List<InputProblem> problems) {
    this(records, problems, records.size());
  }
}
