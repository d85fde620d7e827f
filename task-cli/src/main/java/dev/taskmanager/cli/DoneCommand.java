package dev.taskmanager.cli;

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
final class DoneCommand extends StateCommand {

  @Override
  Task change(UpdateTask updateTask, long id) {
    return updateTask.complete(id);
  }

  @Override
  String done() {
    return "done";
  }
}
