package dev.taskmanager.cli;

import com.google.inject.Inject;
import dev.taskmanager.cli.io.FileFormat;
import dev.taskmanager.cli.io.InputProblem;
import dev.taskmanager.cli.io.RawRecord;
import dev.taskmanager.cli.io.ReadResult;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.ImportResult;
import dev.taskmanager.core.model.InvalidImportException;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.OnConflict;
import dev.taskmanager.core.model.RecordViolation;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.usecase.ImportTasks;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(name = "import", description = {
    "Adds tasks from a json, jsonl or csv file, keeping their ids.",
    "",
    "Reads what 'task export' writes. New tasks then get ids after the largest. The whole input is "
        + "checked first: if any record is bad, each problem is reported with its line (and record number) "
        + "and nothing is written. Ids and priorities may be JSON integers or strings of digits; a missing "
        + "shortdesc is empty and a missing priority is 0; unknown fields are refused; an empty input is refused."},
    footer = {
        "  task import tasks.json",
        "  task import tasks.csv --dry-run",
        "  task export | task import - --format json --on-conflict skip",
        "  task import backup.jsonl --on-conflict replace"
    })
final class ImportCommand extends StoreCommand {

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

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = FileFormatConverter.class,
      completionCandidates = FileFormatConverter.Candidates.class,
      description = "json, jsonl or csv (default: from the file's extension: .json, .jsonl/.ndjson, .csv).")
  FileFormat format;

  @Option(names = "--dry-run", description = "Check everything and say what would happen; write nothing.")
  boolean dryRun;

  @Option(names = "--on-conflict", paramLabel = "WHAT", defaultValue = "fail",
      converter = ConflictConverter.class, completionCandidates = ConflictCandidates.class,
      description = "For ids already stored: fail (default: import nothing), skip (keep the stored task) "
          + "or replace (overwrite it).")
  OnConflict onConflict = OnConflict.FAIL;

  @Inject
  Terminal terminal;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Task> tasks = new ArrayList<>();
  /** The record each task came from, by the task's position in {@link #tasks}. */
  private final List<RawRecord> sources = new ArrayList<>();
  private int records;


  /** Reads and checks the whole input before the store is opened. */
  @Override
  void checkInput() throws IOException {
    boolean stdin = file.equals("-");
    if (format == null) {
      if (stdin) {
        throw new ParameterException(spec.commandLine(),
            "Give --format json, jsonl or csv when reading standard input");
      }
      format = FileFormat.ofFileName(file).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "Cannot tell the format of " + file + " from its name: give --format json, jsonl or csv"));
    }
    ReadResult read = stdin ? read(terminal.stdin(), 0) : readFile(Path.of(file));
    records = read.recordCount();
    for (InputProblem problem : read.problems()) {
      problems.add(new Problem(problem.line(), problem.column(), 0, problem.message()));
    }
    check(read.records());
  }

  private ReadResult readFile(Path path) throws IOException {
    try (InputStream in = InputFiles.open(file)) {
      // A pipe or device has no size to check here; the reading below is bounded all the same.
      long size = Files.isRegularFile(path) ? Files.size(path) : 0;
      if (size > MAX_INPUT_BYTES) {
        throw tooLarge(file + " is " + size / (1024 * 1024) + " MiB");
      }
      return read(in, size);
    }
  }

  private ReadResult read(InputStream in, long size) throws IOException {
    // The size checked above may grow while the file is read, and standard input has none.
    InputStream bounded = new BoundedInput(in);
    try {
      if (size < PROGRESS_FROM_BYTES) {
        return format.reader().read(bounded);
      }
      try (Progress progress = Progress.start(terminal, "Reading", size, " KiB", 1024)) {
        return format.reader().read(new Counting(bounded, progress));
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

  /** Turns records into tasks with the core's rules, noting every problem with its record. */
  private void check(List<RawRecord> rawRecords) {
    Map<Long, RawRecord> firstWithId = new HashMap<>();
    for (RawRecord record : rawRecords) {
      List<Violation> violations = new ArrayList<>(record.problems());
      Task task = null;
      if (record.readable()) {
        try {
          task = new TaskInput(record.title(), record.shortdesc(), record.priority()).toTask(record.id());
        } catch (InvalidTaskException invalid) {
          invalid.violations().stream()
              .filter(violation -> !record.badFields().contains(violation.field()))
              .forEach(violations::add);
        }
        Long id = task != null ? Long.valueOf(task.id()) : idOrNull(record.id());
        RawRecord first = id == null ? null : firstWithId.putIfAbsent(id, record);
        if (first != null) {
          // The core would say "record N" counting only the good records: the line is clearer.
          violations.add(new Violation("id", id + " is also the id of record " + first.number()
              + " (line " + first.line() + ")", "each id once in the input"));
        }
      }
      if (violations.isEmpty()) {
        tasks.add(task);
        sources.add(record);
      } else {
        violations.forEach(violation ->
            problems.add(new Problem(record.line(), 0, record.number(), violation.message())));
      }
    }
  }

  @Override
  int run(OpenedStore store) {
    ImportTasks importTasks = new ImportTasks(store.tasks());
    ImportResult result = null;
    try {
      // With problems already found, a dry run still looks for ids taken in the store, so one run
      // reports everything.
      result = importTasks.importTasks(tasks, onConflict, dryRun || !problems.isEmpty());
    } catch (InvalidImportException conflicts) {
      for (RecordViolation violation : conflicts.violations()) {
        RawRecord record = sources.get(violation.index());
        problems.add(new Problem(record.line(), 0, record.number(), violation.violation().message()));
      }
    }
    if (!problems.isEmpty()) {
      String name = file.equals("-") ? "<stdin>" : file;
      problems.sort(Comparator.comparingLong(Problem::line));
      problems.forEach(problem -> err().println("task: " + problem.describe(name)));
      long badRecords = problems.stream().filter(p -> p.record() > 0).mapToInt(Problem::record).distinct().count();
      throw new CliException(ExitCodes.INVALID_INPUT, "nothing imported: " + problems.size()
          + (problems.size() == 1 ? " problem" : " problems")
          + (badRecords > 0 ? " in " + badRecords + " of " + records + " records" : ""));
    }
    String counts = "added " + result.added() + ", replaced " + result.replaced() + ", skipped " + result.skipped();
    long imported = result.added() + result.replaced();
    out().println(dryRun
        ? "dry run: would import " + imported + " of " + records + " tasks (" + counts + "); nothing was written"
        : "imported " + imported + " of " + records + " tasks (" + counts + ")");
    return ExitCodes.OK;
  }

  private static Long idOrNull(String text) {
    try {
      return TaskInput.parseId(text);
    } catch (InvalidTaskException notAnId) {
      return null;
    }
  }

  /** One problem at a position; {@code record} 0 when it is not about one record. */
  record Problem(long line, long column, int record, String message) {
    String describe(String name) {
      return name + ":" + line + (column > 0 ? ":" + column : "") + ": "
          + (record > 0 ? "record " + record + ": " : "") + message;
    }
  }

  static final class ConflictConverter implements ITypeConverter<OnConflict> {
    @Override
    public OnConflict convert(String value) {
      try {
        return OnConflict.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        throw new TypeConversionException("'" + value + "' is not accepted; accepted: fail, skip or replace");
      }
    }
  }

  static final class ConflictCandidates extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    ConflictCandidates() {
      super(List.of("fail", "skip", "replace"));
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
