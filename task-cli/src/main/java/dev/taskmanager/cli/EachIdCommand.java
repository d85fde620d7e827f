package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.text.Excerpts;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import picocli.CommandLine.Parameters;

/**
 * Does one thing to each task given by id (complete, reopen, restore): each one found is named on
 * standard output with what was done, each one missing on standard error, and the exit code is then 3.
 */
abstract class EachIdCommand extends StoreCommand<Set<Long>> {

  @Parameters(paramLabel = "ID", arity = "1..*", description = "The ids of the tasks.")
  List<String> idTexts;

  @Override
  Set<Long> checkInput() {
    return TaskIds.parse(idTexts);
  }

  /**
   * Does it to one task; returns the task as stored afterwards.
   *
   * @throws TaskNotFoundException when there is no such task
   */
  abstract Task change(OpenedStore store, long id);

  /** The word that says what happened: {@code done}, {@code reopened}. */
  abstract String done();

  @Override
  int run(OpenedStore store, Set<Long> ids) {
    return eachId(ids, id -> change(store, id), done(), out(), err());
  }

  /**
   * Does {@code change} to each task, naming each one done on {@code out} and each one missing on
   * {@code err}; the exit code is 3 when any was missing.
   */
  static int eachId(Set<Long> ids, LongFunction<Task> change, String done, PrintWriter out, PrintWriter err) {
    int missing = 0;
    for (long id : ids) {
      try {
        Task task = change.apply(id);
        out.println(done + " " + task.id() + ": " + Excerpts.oneLine(task.title()));
      } catch (TaskNotFoundException notFound) {
        err.println("task: " + notFound.getMessage());
        missing++;
      }
    }
    return missing == 0 ? ExitCodes.OK : ExitCodes.NOT_FOUND;
  }
}
