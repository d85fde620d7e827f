package dev.taskmanager.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --format table|json|csv} of the commands that show tasks or figures. */
final class OutputFormatOption {

  enum OutputFormat {
    TABLE, JSON, CSV;

    /** As it is typed, and offered by shell completion. */
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default; for people), json or csv (stable, for scripts).")
  OutputFormat format = OutputFormat.TABLE;

  OutputFormat format() {
    return format;
  }
}
