package dev.taskmanager.cli;

import com.google.inject.Inject;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.cli.store.StoreOpener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the store: checks its input, opens the store from the global options,
 * runs, closes it.
 *
 * @param <I> what checking the input gives the run: the parsed arguments, the records read
 */
abstract class StoreCommand<I> implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  /** Injected when the command runs, not when picocli builds it: see {@link CliFactory}. */
  @Inject
  StoreOpener opener;

  @Inject
  Clock systemClock;

  @Override
  public final Integer call() throws Exception {
    // Bad input is reported as such even when the store is down, and before anything is written.
    I input = checkInput();
    try (OpenedStore store = opener.open(root().storeOptions())) {
      return run(store, input);
    } finally {
      out().flush();
    }
  }

  /**
   * Reads and checks the arguments before the store is opened; throws what the handler maps.
   * Commands with nothing to check take {@code Void} and keep this.
   */
  I checkInput() throws Exception {
    return null;
  }

  /** Does the command's work on what {@link #checkInput()} gave; returns its exit code. */
  abstract int run(OpenedStore store, I input) throws Exception;

  /** The clock in the person's time zone ({@code --timezone}): "today" is theirs. */
  Clock clock() {
    return systemClock.withZone(root().zone());
  }

  LocalDate today() {
    return LocalDate.now(clock());
  }

  /** {@code 1 task}, {@code 2 tasks}: a count and its noun, for the commands' reports. */
  static String counted(long count, String thing) {
    return count + " " + thing + (count == 1 ? "" : "s");
  }

  /** The root command, with the global options, however deep this command is ({@code task user add}). */
  TaskCli root() {
    return (TaskCli) spec.root().userObject();
  }

  /**
   * One line on standard error for an action that deletes or overwrites tasks, naming the system
   * user who ran it, as the web app's log names the account: {@code task: audit: root (command line)
   * reset the store: deleted every task}. Standard output keeps the command's report for scripts.
   */
  void audit(String action) {
    err().println("task: audit: " + actor() + " " + action);
  }

  /**
   * Who acts, as the tasks this command creates or changes record it ({@code created_by}, {@code
   * updated_by}): the system user, marked as such, since the command line works beside the accounts
   * (a user's name never holds a space, so the two never meet).
   */
  String actor() {
    return System.getProperty("user.name") + " (command line)";
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
