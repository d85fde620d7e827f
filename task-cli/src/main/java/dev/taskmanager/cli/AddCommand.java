package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.usecase.CreateTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", description = "Adds a task and prints its id.",
    footer = {
        "  task add \"Write the report\"",
        "  task add \"Book the trip\" --desc \"Before May\" --priority 5",
        "  id=$(task add \"Call Anna\")"
    })
final class AddCommand extends StoreCommand {

  @Parameters(index = "0", paramLabel = "TITLE", description = "1 to 200 characters (quote it if it has spaces).")
  String title;

  @Option(names = {"-d", "--desc"}, paramLabel = "TEXT", description = "A description, up to 2000 characters.")
  String description;

  @Option(names = {"-p", "--priority"}, paramLabel = "N", description = "A whole number from 0 to 1000 (default 0).")
  String priority;

  private TaskDraft draft;


  @Override
  void checkInput() {
    draft = new TaskInput(title, description, priority).toDraft();
  }

  @Override
  int run(OpenedStore store) {
    Task task = new CreateTask(store.tasks()).create(draft);
    out().println(task.id());
    return ExitCodes.OK;
  }
}
