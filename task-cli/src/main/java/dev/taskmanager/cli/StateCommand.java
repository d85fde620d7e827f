package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.core.usecase.UpdateTask;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Parameters;

/**
 * Completes or reopens tasks by id: each one found is changed and named on standard output, each
 * one missing is named on standard error and the exit code is then 3.
 */
abstract class StateCommand extends StoreCommand<Set<Long>> {

  @Parameters(paramLabel = "ID", arity = "1..*", description = "The ids of the tasks.")
  List<String> idTexts;

  @Override
  Set<Long> checkInput() {
    return TaskIds.parse(idTexts);
  }

  /** The change, made by the use case; returns the task as stored. */
  abstract Task change(UpdateTask updateTask, long id);

  /** The word that says what happened: {@code done}, {@code reopened}. */
  abstract String done();

  @Override
  int run(OpenedStore store, Set<Long> ids) {
    UpdateTask updateTask = new UpdateTask(store.tasks(), clock());
    int missing = 0;
    for (long id : ids) {
      try {
        Task task = change(updateTask, id);
        out().println(done() + " " + task.id() + ": " + Excerpts.oneLine(task.title()));
      } catch (TaskNotFoundException notFound) {
        err().println("task: " + notFound.getMessage());
        missing++;
      }
    }
    return missing == 0 ? ExitCodes.OK : ExitCodes.NOT_FOUND;
  }
}
