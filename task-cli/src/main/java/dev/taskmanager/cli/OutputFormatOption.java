package dev.taskmanager.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --format table|json|csv} of the commands that show tasks or figures. */
final class OutputFormatOption {

  enum OutputFormat { TABLE, JSON, CSV }

  static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat format : OutputFormat.values()) {
        if (format.name().equalsIgnoreCase(value.strip())) {
          return format;
        }
      }
      throw new TypeConversionException("'" + value + "' is not a format; accepted: table, json or csv");
    }
  }

  static final class Candidates extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Candidates() {
      super(List.of("table", "json", "csv"));
    }
  }

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      converter = Converter.class, completionCandidates = Candidates.class,
      description = "table (default; for people), json or csv (stable, for scripts).")
  OutputFormat format = OutputFormat.TABLE;

  OutputFormat format() {
    return format;
  }

  static String key(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
