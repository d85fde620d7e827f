package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.core.usecase.DeleteTask;
import dev.taskmanager.core.usecase.DeleteTasksByTitle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = {
    "Deletes tasks by id, or all tasks with a title, and says how many.",
    "",
    "--title deletes every task whose title is exactly TITLE. Ids are never given again. "
        + "With ids that do not exist, the others are still deleted and the exit code is 3.",
    "",
    "Deleted tasks are kept aside for " + DeletedTask.KEPT_DAYS + " days: task deleted lists them, "
        + "task restore ID brings one back under its id."},
    footer = {
        "  task delete 7",
        "  task delete 7 8 12",
        "  task delete --title \"Old reminder\""
    })
final class DeleteCommand extends StoreCommand<Set<Long>> {

  @Parameters(paramLabel = "ID", arity = "0..*", description = "The ids of the tasks to delete.")
  List<String> idTexts = new ArrayList<>();

  @Option(names = {"-t", "--title"}, paramLabel = "TITLE", description = "Delete every task with exactly this title.")
  String title;

  /** The ids to delete, in the order given, each once; empty with {@code --title}. */
  @Override
  Set<Long> checkInput() {
    if (idTexts.isEmpty() == (title == null)) {
      throw new ParameterException(spec.commandLine(), "Give either ids or --title, not both and not neither");
    }
    // Every id is checked before any task is deleted.
    return TaskIds.parse(idTexts);
  }

  @Override
  int run(OpenedStore store, Set<Long> ids) {
    if (title != null) {
      long deleted = new DeleteTasksByTitle(store.tasks(), clock()).delete(title);
      if (deleted > 0) {
        audit("deleted " + counted(deleted, "task") + " titled " + Excerpts.quote(title));
      }
      out().println("deleted " + counted(deleted, "task"));
      return ExitCodes.OK;
    }
    DeleteTask deleteTask = new DeleteTask(store.tasks(), clock());
    int deleted = 0;
    int missing = 0;
    for (long id : ids) {
      try {
        deleteTask.delete(id);
        audit("deleted task " + id);
        deleted++;
      } catch (TaskNotFoundException notFound) {
        err().println("task: " + notFound.getMessage());
        missing++;
      }
    }
    out().println("deleted " + counted(deleted, "task"));
    return missing == 0 ? ExitCodes.OK : ExitCodes.NOT_FOUND;
  }
}
