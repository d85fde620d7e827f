package dev.taskmanager.cli;

import com.google.inject.Inject;
import dev.taskmanager.cli.io.Csv;
import dev.taskmanager.cli.io.FileFormat;
import dev.taskmanager.cli.io.TaskWriter;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.usecase.ExportTasks;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", description = {
    "Writes every task, in order of id, to standard output or a file.",
    "",
    "json: an array of task objects ({\"id\":N,\"title\":\"…\",\"shortdesc\":\"…\",\"priority\":N,\"done\":…, "
        + "\"done_at\":…,\"created_at\":…,\"updated_at\":…,\"due\":…,\"tags\":[…],\"created_by\":…,\"updated_by\":…}),"
        + " one per line. jsonl: one "
        + "such object per line. csv: the header " + Csv.HEADER + ", then RFC 4180 rows. taskwarrior: what "
        + "Taskwarrior's task import reads (due days as midnight in --timezone). UTF-8, lines end with LF. A file "
        + "is written whole or not at all. 'task import' reads them all."},
    footer = {
        "  task export > tasks.json",
        "  task export --format csv --output tasks.csv",
        "  task export --output backup.jsonl     # format from the extension",
        "  task export --format taskwarrior > tw.json && /usr/bin/task import tw.json"
    })
final class ExportCommand extends StoreCommand<FileFormat> {

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path output;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "json, jsonl, csv or taskwarrior (default: from FILE's extension, else json).")
  FileFormat format;

  @Inject
  Terminal terminal;


  @Override
  FileFormat checkInput() {
    if (format != null) {
      return format;
    }
    return output == null ? FileFormat.JSON : FileFormat.ofFileName(output.toString()).orElse(FileFormat.JSON);
  }

  @Override
  int run(OpenedStore store, FileFormat fileFormat) throws IOException {
    if (output == null) {
      write(store, fileFormat.writer(out(), root().zone()), Progress.NONE);
      return ExitCodes.OK;
    }
    Path absolute = output.toAbsolutePath();
    Path temporary;
    try {
      temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    } catch (IOException cannotCreate) {
      throw new CliException(ExitCodes.INVALID_INPUT, "cannot write " + output + ": " + reason(cannotCreate), cannotCreate);
    }
    try {
      long count;
      try (Writer file = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
          Progress progress = Progress.start(terminal, "Exporting", store.tasks().count(), " tasks", 1)) {
        count = write(store, fileFormat.writer(file, root().zone()), progress);
      }
      // Whole or nothing: a failed export never leaves half a file under the real name.
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      out().println("exported " + counted(count, "task") + " to " + output);
      return ExitCodes.OK;
    } catch (IOException cannotWrite) {
      throw new CliException(ExitCodes.INVALID_INPUT, "cannot write " + output + ": " + reason(cannotWrite), cannotWrite);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static long write(OpenedStore store, TaskWriter writer, Progress progress) throws IOException {
    long count = 0;
    try (Stream<Task> tasks = new ExportTasks(store.tasks()).export()) {
      Iterator<Task> iterator = tasks.iterator();
      while (iterator.hasNext()) {
        writer.write(iterator.next());
        progress.stepTo(++count);
      }
    }
    writer.finish();
    return count;
  }

  static String reason(IOException e) {
    String message = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
