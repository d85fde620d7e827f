package dev.taskmanager.cli;

import com.google.inject.Inject;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.usecase.GetTaskStats;
import dev.taskmanager.core.usecase.ResetTasks;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "reset", description = {
    "Deletes every task and starts the ids again at 0. It cannot be undone: the deleted tasks kept "
        + "aside go too (task backup FILE first to keep a copy).",
    "",
    "Asks first on a terminal; elsewhere (scripts, pipes) it refuses unless --yes is given."},
    footer = {
        "  task reset",
        "  task reset --yes",
        "  task backup before-reset.backup.jsonl.gz && task reset --yes"
    })
final class ResetCommand extends StoreCommand<Void> {

  @Option(names = {"-y", "--yes"}, description = "Do not ask: delete everything.")
  boolean yes;

  @Inject
  Terminal terminal;


  @Override
  Void checkInput() {
    if (!yes && !terminal.interactive()) {
      throw new ParameterException(spec.commandLine(),
          "reset deletes every task: run it on a terminal to confirm, or add --yes");
    }
    return null;
  }

  @Override
  int run(OpenedStore store, Void noInput) {
    long count = new GetTaskStats(store.tasks()).stats().count();
    if (!yes) {
      String answer = terminal.readLine("Delete all " + count
          + " tasks and start the ids again at 0? It cannot be undone. Type yes to confirm: ");
      if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
        throw new CliException(ExitCodes.INVALID_INPUT, "reset cancelled: nothing was deleted");
      }
    }
    new ResetTasks(store.tasks()).reset();
    audit("reset the store: deleted every task (" + count + ")");
    out().println("deleted " + counted(count, "task") + "; ids start again at 0");
    return ExitCodes.OK;
  }
}
