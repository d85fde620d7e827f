package dev.taskmanager.cli;

import dev.taskmanager.cli.io.FileFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --format json|jsonl|csv} of {@code export} and {@code import}. */
final class FileFormatConverter implements ITypeConverter<FileFormat> {

  @Override
  public FileFormat convert(String value) {
    for (FileFormat format : FileFormat.values()) {
      if (format.name().equalsIgnoreCase(value.strip())) {
        return format;
      }
    }
    throw new TypeConversionException("'" + value + "' is not a file format; accepted: json, jsonl or csv");
  }

  static final class Candidates extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Candidates() {
      super(List.of("json", "jsonl", "csv"));
    }
  }
}
