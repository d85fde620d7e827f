package dev.taskmanager.cli;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import com.google.inject.Module;
import dev.taskmanager.cli.store.InMemoryStoreModule;
import dev.taskmanager.cli.store.StoreModuleSelector;
import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.memory.InMemoryTokenStore;
import dev.taskmanager.core.memory.InMemoryUserStore;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Runs {@code task} in-process, as {@code main} would, against a store shared by every run: what
 * one command writes, the next one reads.
 */
final class Cli {

  /** The commands' clock: {@code NOW}, so that today is {@code TODAY} in UTC (the zone of the runs). */
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  /** Who the tasks this tool creates and changes name: the system user, on the command line. */
  static final String ACTOR = System.getProperty("user.name") + " (command line)";

  final InMemoryTaskStore store;
  final InMemoryUserStore users = new InMemoryUserStore();
  final InMemoryTokenStore tokens = new InMemoryTokenStore();
  final FakeTerminal terminal = new FakeTerminal();
  private final StoreModuleSelector stores;

  Cli() {
    this(new InMemoryTaskStore());
  }

  Cli(InMemoryTaskStore store) {
    this.store = store;
    this.stores = options -> new InMemoryStoreModule(store, users, tokens);
  }

  /** A command line whose store modules come from {@code stores} instead. */
  Cli(StoreModuleSelector stores) {
    this.store = new InMemoryTaskStore();
    this.stores = stores;
  }

  static Cli withModule(Module module) {
    return new Cli(options -> module);
  }

  /**
   * Runs {@code task} with these arguments and no {@code TASK_*} variables, whatever the test's
   * environment, but the time zone of {@link #CLOCK}.
   */
  Result run(String... args) {
    return runWith(Map.of("TASK_TIMEZONE", "UTC"), args);
  }

  /** Runs {@code task} as if started with these environment variables. */
  Result runWith(Map<String, String> environment, String... args) {
    CommandLine commandLine = TaskCli.commandLine(new CliFactory(new CliModule(terminal, stores, CLOCK)), environment, args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  Task given(String title) {
    return store.create(new TaskDraft(title), NOW);
  }

  Task given(String title, String shortdesc, int priority) {
    return store.create(new TaskDraft(title, shortdesc, priority), NOW);
  }

  Task given(TaskDraft draft) {
    return store.create(draft, NOW);
  }

  /** A CSV listing with the tutorial's four columns only: its fields must hold no commas. */
  static String tutorialColumns(String csv) {
    return csv.lines().map(line -> String.join(",", List.of(line.split(",", -1)).subList(0, 4)))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  List<Task> allTasks() {
    return new dev.taskmanager.core.usecase.ExportTasks(store).export().collect(Collectors.toList());
  }

  /** What a command did: its exit code and everything it wrote to standard output and error. */
  record Result(int exitCode, String out, String err) {

    List<String> errLines() {
      return err.lines().collect(Collectors.toList());
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }
}
