package dev.taskmanager.cli;

import com.google.inject.Inject;
import dev.taskmanager.cli.io.FileFormat;
import dev.taskmanager.cli.io.RawRecord;
import dev.taskmanager.cli.io.ReadResult;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.ImportRecord;
import dev.taskmanager.core.model.ImportResult;
import dev.taskmanager.core.model.InvalidImportException;
import dev.taskmanager.core.model.OnConflict;
import dev.taskmanager.core.model.RecordViolation;
import dev.taskmanager.core.usecase.ImportTasks;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = {
    "Adds tasks from a json, jsonl or csv file, keeping their ids; or from Taskwarrior's export.",
    "",
    "--format taskwarrior reads what Taskwarrior's task export writes (give the format: its files "
        + "end in .json too): the tasks get the next ids; pending and waiting tasks are open, completed ones "
        + "done, deleted and recurring ones left out and counted; H, M, L priorities are 3, 2, 1; annotations "
        + "make the description, a project one more tag, a due time the day it falls on in --timezone.",
    "",
    "Reads what 'task export' writes. New tasks then get ids after the largest. The whole input is "
        + "checked first: if any record is bad, each problem is reported with its line (and record number) "
        + "and nothing is written. Ids and priorities may be JSON integers or strings of digits; a missing "
        + "shortdesc is empty and a missing priority is 0; unknown fields are refused; an empty input is refused."},
    footer = {
        "  task import tasks.json",
        "  task import tasks.csv --dry-run",
        "  task export | task import - --format json --on-conflict skip",
        "  task import backup.jsonl --on-conflict replace",
        "  /usr/bin/task export > tw.json && task import tw.json --format taskwarrior"
    })
final class ImportCommand extends StoreCommand<ReadResult> {

  /** Inputs from this size on get a progress bar (on a terminal). */
  static final long PROGRESS_FROM_BYTES = 512 * 1024;
  /**
   * The largest input imported: the whole input is checked, and held, before anything is written,
   * so that a bad record leaves the store untouched. 32 MiB is about 200,000 exported tasks and
   * fits a 256 MB heap; a larger export is imported in parts, each whole or not at all.
   */
  static final long MAX_INPUT_BYTES = 32L * 1024 * 1024;

  @Parameters(index = "0", paramLabel = "FILE", description = "The file to read, or - for standard input.")
  String file;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "json, jsonl, csv or taskwarrior (default: from the file's extension: .json, .jsonl/.ndjson, "
          + ".csv).")
  FileFormat format;

  @Option(names = "--dry-run", description = "Check everything and say what would happen; write nothing.")
  boolean dryRun;

  @Option(names = "--on-conflict", paramLabel = "WHAT", defaultValue = "fail",
      description = "For ids already stored: fail (default: import nothing), skip (keep the stored task) "
          + "or replace (overwrite it).")
  OnConflict onConflict = OnConflict.FAIL;

  @Inject
  Terminal terminal;


  /** Reads the whole input before the store is opened: its records, and what stopped the reading. */
  @Override
  ReadResult checkInput() throws IOException {
    FileFormat chosen = chosenFormat();
    return file.equals("-") ? read(chosen, terminal.stdin(), 0) : readFile(chosen, Path.of(file));
  }

  /** The format given, else the one the file's name says. */
  private FileFormat chosenFormat() {
    if (format != null) {
      return format;
    }
    if (file.equals("-")) {
      throw new ParameterException(spec.commandLine(), "Give --format json, jsonl, csv or taskwarrior when reading standard input");
    }
    return FileFormat.ofFileName(file).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "Cannot tell the format of " + file + " from its name: give --format json, jsonl, csv or taskwarrior"));
  }

  /** Checks the records with the core's rules and the store, then writes them, or reports every problem. */
  @Override
  int run(OpenedStore store, ReadResult read) {
    List<Problem> problems = new ArrayList<>();
    read.problems().forEach(problem -> problems.add(new Problem(problem.line(), problem.column(), problem.message())));
    List<RawRecord> raw = assignsIds() ? numbered(read.records(), store.tasks().nextId()) : read.records();
    List<ImportRecord> records = raw.stream().map(RawRecord::content).collect(Collectors.toList());
    ImportResult result = null;
    long badRecords = 0;
    try {
      // With the reading already stopped, the records read so far are still checked, the store
      // included, so that one run reports everything.
      result = new ImportTasks(store.tasks()).importTasks(records, onConflict, dryRun || !problems.isEmpty());
    } catch (InvalidImportException refused) {
      for (RecordViolation violation : refused.violations()) {
        RawRecord record = raw.get(violation.index());
        problems.add(new Problem(record.line(), record.column(), violation.message(record.number())));
      }
      badRecords = refused.violations().stream().mapToInt(RecordViolation::index).distinct().count();
    }
    if (!problems.isEmpty()) {
      throw report(problems, badRecords, read.records().size());
    }
    if (!dryRun && result.replaced() > 0) {
      audit("imported " + (file.equals("-") ? "<stdin>" : file) + ", replacing " + counted(result.replaced(), "task"));
    }
    int total = read.records().size();
    String counts = "added " + result.added() + ", replaced " + result.replaced() + ", skipped " + result.skipped();
    long imported = result.added() + result.replaced();
    String left = read.left() == 0 ? "" : "; left out " + read.left() + " deleted or recurring Taskwarrior "
        + (read.left() == 1 ? "task" : "tasks");
    out().println(dryRun
        ? "dry run: would import " + imported + " of " + total + " tasks (" + counts + ")" + left
            + "; nothing was written"
        : "imported " + imported + " of " + total + " tasks (" + counts + ")" + left);
    return ExitCodes.OK;
  }

  /** Whether the records come without ids, as Taskwarrior's do. */
  private boolean assignsIds() {
    return chosenFormat().assignsIds();
  }

  /** The records with the ids the store would give them next, in order. */
  private static List<RawRecord> numbered(List<RawRecord> records, long nextId) {
    List<RawRecord> numbered = new ArrayList<>(records.size());
    long id = nextId;
    for (RawRecord record : records) {
      numbered.add(record.withId(Long.toString(id++)));
    }
    return numbered;
  }

  /** Prints every problem in the order of the input, and says how many records they spoil. */
  private CliException report(List<Problem> problems, long badRecords, int records) {
    String name = file.equals("-") ? "<stdin>" : file;
    problems.sort(Comparator.comparingLong(Problem::line));
    problems.forEach(problem -> err().println("task: " + problem.describe(name)));
    return new CliException(ExitCodes.INVALID_INPUT, "nothing imported: " + counted(problems.size(), "problem")
        + (badRecords > 0 ? " in " + badRecords + " of " + records + " records" : ""));
  }

  private ReadResult readFile(FileFormat chosen, Path path) throws IOException {
    try (InputStream in = InputFiles.open(file)) {
      // A pipe or device has no size to check here; the reading below is bounded all the same.
      long size = Files.isRegularFile(path) ? Files.size(path) : 0;
      if (size > MAX_INPUT_BYTES) {
        throw tooLarge(file + " is " + size / (1024 * 1024) + " MiB");
      }
      return read(chosen, in, size);
    }
  }

  private ReadResult read(FileFormat chosen, InputStream in, long size) throws IOException {
    // The size checked above may grow while the file is read, and standard input has none.
    InputStream bounded = new BoundedInput(in);
    try {
      if (size < PROGRESS_FROM_BYTES) {
        return chosen.reader(root().zone()).read(bounded);
      }
      try (Progress progress = Progress.start(terminal, "Reading", size, " KiB", 1024)) {
        return chosen.reader(root().zone()).read(new Counting(bounded, progress));
      }
    } catch (InputTooLargeException tooLarge) {
      throw tooLarge((file.equals("-") ? "the input" : file) + " is larger than " + MAX_INPUT_BYTES / (1024 * 1024)
          + " MiB");
    }
  }

  private static CliException tooLarge(String what) {
    return new CliException(ExitCodes.INVALID_INPUT, "nothing imported: " + what + "; accepted: up to "
        + MAX_INPUT_BYTES / (1024 * 1024) + " MiB (about 200,000 tasks) at once: import a larger file in parts"
        + " (task export --format jsonl, then split it by lines)");
  }

  /** One problem at a position in the input: {@code column} 0 when unknown. */
  record Problem(long line, long column, String message) {
    String describe(String name) {
      return name + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }
  }

  /** Thrown by {@link BoundedInput} past {@link #MAX_INPUT_BYTES}. */
  private static final class InputTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** Stops reading past {@link #MAX_INPUT_BYTES}, so no input can fill the memory. */
  private static final class BoundedInput extends FilterInputStream {
    private long count;

    BoundedInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int bytes) throws InputTooLargeException {
      count += bytes;
      if (count > MAX_INPUT_BYTES) {
        throw new InputTooLargeException();
      }
    }
  }

  /** Reports how many bytes were read to the progress bar. */
  private static final class Counting extends FilterInputStream {
    private final Progress progress;
    private long count;

    Counting(InputStream in, Progress progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.stepTo(++count);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
        progress.stepTo(count);
      }
      return n;
    }
  }
}
