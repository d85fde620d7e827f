package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.core.usecase.RestoreTask;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = {
    "Brings deleted tasks back under their ids, as they were.",
    "",
    "Deleted tasks are kept aside for " + DeletedTask.KEPT_DAYS + " days (task deleted lists them). "
        + "With ids not among them, the others are still restored and the exit code is 3."},
    footer = {
        "  task restore 7",
        "  task deleted"
    })
final class RestoreCommand extends StoreCommand<Set<Long>> {

  @Parameters(paramLabel = "ID", arity = "1..*", description = "The ids of the deleted tasks.")
  List<String> idTexts;

  @Override
  Set<Long> checkInput() {
    return TaskIds.parse(idTexts);
  }

  @Override
  int run(OpenedStore store, Set<Long> ids) {
    RestoreTask restoreTask = new RestoreTask(store.tasks());
    int missing = 0;
    for (long id : ids) {
      try {
        Task task = restoreTask.restore(id);
        out().println("restored " + task.id() + ": " + Excerpts.oneLine(task.title()));
      } catch (TaskNotFoundException notKept) {
        err().println("task: " + notKept.getMessage());
        missing++;
      }
    }
    return missing == 0 ? ExitCodes.OK : ExitCodes.NOT_FOUND;
  }
}
