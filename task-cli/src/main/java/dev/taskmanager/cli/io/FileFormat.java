package dev.taskmanager.cli.io;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** The formats of {@code export} and {@code import}. */
public enum FileFormat {
  /** A JSON array, one task object per line. */
  JSON,
  /** JSON Lines: one task object per line. */
  JSONL,
  /** CSV with a header line. */
  CSV,
  /** Taskwarrior's JSON ({@link Taskwarrior}): never chosen by a file's name, only by name. */
  TASKWARRIOR;

  /** @param zone the person's time zone, in which Taskwarrior's due times are days */
  public TaskWriter writer(Writer out, ZoneId zone) throws IOException {
    switch (this) {
      case JSON:
        return Json.array(out);
      case JSONL:
        return Json.lines(out);
      case TASKWARRIOR:
        return Taskwarrior.writer(out, zone);
      case CSV:
      default:
        return Csv.writer(out);
    }
  }

  /** @param zone the person's time zone, in which Taskwarrior's due times are days */
  public RecordReader reader(ZoneId zone) {
    switch (this) {
      case JSON:
        return new JsonRecordReader(false);
      case JSONL:
        return new JsonRecordReader(true);
      case TASKWARRIOR:
        return Taskwarrior.reader(zone);
      case CSV:
      default:
        return new CsvRecordReader();
    }
  }

  /** Whether the input's records come without ids of ours, to be given the next ones. */
  public boolean assignsIds() {
    return this == TASKWARRIOR;
  }

  /** The format a file name's extension names: .json, .jsonl (or .ndjson), .csv. */
  public static Optional<FileFormat> ofFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return Optional.of(JSON);
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return Optional.of(JSONL);
    }
    if (lower.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
