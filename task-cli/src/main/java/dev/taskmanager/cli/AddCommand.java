package dev.taskmanager.cli;

import com.google.inject.Inject;
import dev.taskmanager.cli.io.Utf8;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.usecase.CreateTask;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "add", description = {
    "Adds a task and prints its id.",
    "",
    "With --titles-from, adds one task per line of a file (or of standard input), each created on its "
        + "own as the line is read, and prints each new id on a line of its own as soon as the task is "
        + "stored; blank lines are skipped. The first bad line stops it: the tasks above it are added "
        + "(their ids are printed), nothing after it is."},
    footer = {
        "  task add \"Write the report\"",
        "  task add \"Book the trip\" --desc \"Before May\" --priority 5",
        "  task add \"Pay rent\" --due 2026-12-31 --tag home --tag money",
        "  id=$(task add \"Call Anna\")",
        "  task add --titles-from titles.txt --priority 2 > ids.txt",
        "  printf 'Buy milk\\nCall Anna\\n' | task add --titles-from -"
    })
final class AddCommand extends StoreCommand<AddCommand.Titles> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "TITLE",
      description = "1 to 200 characters (quote it if it has spaces).")
  String title;

  @Option(names = "--titles-from", paramLabel = "FILE",
      description = "Add one task per line of FILE (UTF-8), or of standard input for -, instead of TITLE.")
  String titlesFrom;

  @Option(names = {"-d", "--desc"}, paramLabel = "TEXT",
      description = "A description, up to 2000 characters (for every task of --titles-from).")
  String description;

  @Option(names = {"-p", "--priority"}, paramLabel = "N",
      description = "A whole number from 0 to 1000 (default 0; for every task of --titles-from).")
  String priority;

  @Option(names = "--due", paramLabel = "DATE", description = "A due day: 2026-12-24, today, tomorrow, "
      + "a weekday (the next one), +3d or +2w (for every task of --titles-from).")
  String due;

  @Option(names = "--tag", paramLabel = "TAG", description = "A tag, 1 to 32 characters of letters, digits, - and _ "
      + "(repeatable; for every task of --titles-from).")
  List<String> tags = new ArrayList<>();

  @Inject
  Terminal terminal;

  /** One task's draft, or the titles to read one per line: the other is {@code null}. */
  record Titles(TaskDraft draft, Reader lines) {}

  @Override
  Titles checkInput() throws IOException {
    if ((title == null) == (titlesFrom == null)) {
      throw new ParameterException(spec.commandLine(), title == null
          ? "Missing required parameter: 'TITLE' (or --titles-from FILE)"
          : "Give either TITLE or --titles-from FILE, not both");
    }
    if (titlesFrom == null) {
      return new Titles(input(title).toDraft(today()), null);
    }
    return new Titles(null, Utf8.strictReader(titlesFrom.equals("-") ? terminal.stdin() : InputFiles.open(titlesFrom)));
  }

  @Override
  int run(OpenedStore store, Titles titles) throws IOException {
    CreateTask createTask = new CreateTask(store.tasks(), clock());
    if (titles.lines() == null) {
      out().println(createTask.create(titles.draft().by(actor())).id());
      return ExitCodes.OK;
    }
    return addEachLine(createTask, titles.lines());
  }

  /** One create per line, its id printed and flushed at once: a caller may pair lines and ids as they come. */
  private int addEachLine(CreateTask createTask, Reader titles) throws IOException {
    String source = titlesFrom.equals("-") ? "<stdin>" : titlesFrom;
    try (BufferedReader lines = new BufferedReader(titles)) {
      int number = 0;
      String line;
      while ((line = readLine(lines, source)) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        TaskDraft lineDraft;
        try {
          lineDraft = input(line).toDraft(today());
        } catch (InvalidTaskException invalid) {
          int at = number;
          invalid.violations().forEach(violation -> err().println("task: " + source + ":" + at + ": " + violation.message()));
          return ExitCodes.INVALID_INPUT;
        }
        Task task = createTask.create(lineDraft.by(actor()));
        out().println(task.id());
        out().flush();
      }
    }
    return ExitCodes.OK;
  }

  private TaskInput input(String taskTitle) {
    return new TaskInput(taskTitle, description, priority).withDue(due).withTags(tags.isEmpty() ? null : tags);
  }

  private static String readLine(BufferedReader lines, String source) throws IOException {
    try {
      return lines.readLine();
    } catch (CharacterCodingException notText) {
      // Decoded a block at a time: the bad bytes may lie some lines after those read so far.
      throw new CliException(ExitCodes.INVALID_INPUT, source + ": " + Utf8.NOT_TEXT, notText);
    }
  }
}
