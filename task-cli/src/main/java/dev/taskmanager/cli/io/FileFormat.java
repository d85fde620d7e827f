package dev.taskmanager.cli.io;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/** The formats of {@code export} and {@code import}. */
public enum FileFormat {
  /** A JSON array, one task object per line. */
  JSON,
  /** JSON Lines: one task object per line. */
  JSONL,
  /** CSV with a header line. */
  CSV;

  public TaskWriter writer(Writer out) throws IOException {
    switch (this) {
      case JSON:
        return Json.array(out);
      case JSONL:
        return Json.lines(out);
      case CSV:
      default:
        return Csv.writer(out);
    }
  }

  public RecordReader reader() {
    switch (this) {
      case JSON:
        return new JsonRecordReader(false);
      case JSONL:
        return new JsonRecordReader(true);
      case CSV:
      default:
        return new CsvRecordReader();
    }
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
