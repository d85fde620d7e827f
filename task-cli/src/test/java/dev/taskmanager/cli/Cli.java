package dev.taskmanager.cli;

import com.google.inject.Module;
import dev.taskmanager.cli.store.InMemoryStoreModule;
import dev.taskmanager.cli.store.StoreModuleSelector;
import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Runs {@code task} in-process, as {@code main} would, against a store shared by every run: what
 * one command writes, the next one reads.
 */
final class Cli {

  final InMemoryTaskStore store;
  final FakeTerminal terminal = new FakeTerminal();
  private final StoreModuleSelector stores;

  Cli() {
    this(new InMemoryTaskStore());
  }

  Cli(InMemoryTaskStore store) {
    this.store = store;
    this.stores = options -> new InMemoryStoreModule(store);
  }

  /** A command line whose store modules come from {@code stores} instead. */
  Cli(StoreModuleSelector stores) {
    this.store = new InMemoryTaskStore();
    this.stores = stores;
  }

  static Cli withModule(Module module) {
    return new Cli(options -> module);
  }

  /** Runs {@code task} with these arguments and no {@code TASK_*} variables, whatever the test's environment. */
  Result run(String... args) {
    return runWith(Map.of(), args);
  }

  /** Runs {@code task} as if started with these environment variables. */
  Result runWith(Map<String, String> environment, String... args) {
    CommandLine commandLine = TaskCli.commandLine(new CliFactory(new CliModule(terminal, stores)), environment, args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  Task given(String title) {
    return store.create(new TaskDraft(title));
  }

  Task given(String title, String shortdesc, int priority) {
    return store.create(new TaskDraft(title, shortdesc, priority));
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
