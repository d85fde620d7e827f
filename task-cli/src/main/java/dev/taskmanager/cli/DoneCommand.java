package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.usecase.UpdateTask;
import picocli.CommandLine.Command;

@Command(name = "done", description = {
    "Completes tasks by id.",
    "",
    "A task already done keeps the time it was completed. With ids that do not exist, the others are "
        + "still completed and the exit code is 3."},
    footer = {
        "  task done 7",
        "  task done 7 8 12"
    })
final class DoneCommand extends EachIdCommand {

  @Override
  Task change(OpenedStore store, long id) {
    return new UpdateTask(store.tasks(), clock()).complete(id, actor());
  }

  @Override
  String done() {
    return "done";
  }
}
