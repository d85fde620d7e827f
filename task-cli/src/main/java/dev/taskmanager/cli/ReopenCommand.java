package dev.taskmanager.cli;

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
final class ReopenCommand extends StateCommand {

  @Override
  Task change(UpdateTask updateTask, long id) {
    return updateTask.reopen(id);
  }

  @Override
  String done() {
    return "reopened";
  }
}
