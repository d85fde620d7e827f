package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.usecase.UpdateTask;
import picocli.CommandLine.Command;

@Command(name = "reopen", description = {
    "Reopens done tasks by id, forgetting when they were completed.",
    "",
    "With ids that do not exist, the others are still reopened and the exit code is 3."},
    footer = {
        "  task reopen 7"
    })
final class ReopenCommand extends EachIdCommand {

  @Override
  Task change(OpenedStore store, long id) {
    return new UpdateTask(store.tasks(), clock()).reopen(id, actor());
  }

  @Override
  String done() {
    return "reopened";
  }
}
