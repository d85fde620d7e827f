package dev.taskmanager.cli;

import com.google.inject.Inject;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.cli.store.StoreOpener;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that works on the store: opens it from the global options, runs, closes it. */
abstract class StoreCommand implements Callable<Integer> {

  @ParentCommand
  TaskCli root;

  @Spec
  CommandSpec spec;

  /** Injected when the command runs, not when picocli builds it: see {@link CliFactory}. */
  @Inject
  StoreOpener opener;

  @Override
  public final Integer call() throws Exception {
    // Bad input is reported as such even when the store is down, and before anything is written.
    checkInput();
    try (OpenedStore store = opener.open(root.storeOptions())) {
      return run(store);
    } finally {
      out().flush();
    }
  }

  /** Reads and checks the arguments before the store is opened; throws what the handler maps. */
  void checkInput() throws Exception {}

  /** Does the command's work; returns its exit code. */
  abstract int run(OpenedStore store) throws Exception;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
