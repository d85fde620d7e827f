package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.usecase.RestoreTask;
import picocli.CommandLine.Command;

@Command(name = "restore", description = {
    "Brings deleted tasks back under their ids, as they were.",
    "",
    "Deleted tasks are kept aside for " + DeletedTask.KEPT_DAYS + " days (task deleted lists them). "
        + "With ids not among them, the others are still restored and the exit code is 3."},
    footer = {
        "  task restore 7",
        "  task deleted"
    })
final class RestoreCommand extends EachIdCommand {

  @Override
  Task change(OpenedStore store, long id) {
    return new RestoreTask(store.tasks()).restore(id);
  }

  @Override
  String done() {
    return "restored";
  }
}
