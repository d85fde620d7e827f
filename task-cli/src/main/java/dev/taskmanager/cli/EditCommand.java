package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.usecase.UpdateTask;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "edit", description = "Changes the given fields of a task, keeps the others, and shows the result.",
    footer = {
        "  task edit 7 --priority 9",
        "  task edit 7 --title \"Write the final report\" --desc \"\""
    })
final class EditCommand extends StoreCommand<EditCommand.Edit> {

  @Parameters(index = "0", paramLabel = "ID", description = "The task's id.")
  String idText;

  @Option(names = {"-t", "--title"}, paramLabel = "TEXT", description = "A new title, 1 to 200 characters.")
  String title;

  @Option(names = {"-d", "--desc"}, paramLabel = "TEXT", description = "A new description (\"\" clears it).")
  String description;

  @Option(names = {"-p", "--priority"}, paramLabel = "N", description = "A new priority, 0 to 1000 (\"\" sets 0).")
  String priority;

  @Mixin
  OutputFormatOption output;

  /** Which task, and what to change. */
  record Edit(long id, TaskPatch patch) {}

  @Override
  Edit checkInput() {
    if (title == null && description == null && priority == null) {
      throw new ParameterException(spec.commandLine(), "Nothing to change: give --title, --desc or --priority");
    }
    // Report a bad id and bad fields together, as one form would.
    List<Violation> violations = new ArrayList<>();
    long id = 0;
    TaskPatch patch = null;
    try {
      id = TaskInput.parseId(idText);
    } catch (InvalidTaskException invalid) {
      violations.addAll(invalid.violations());
    }
    try {
      patch = new TaskInput(title, description, priority).toPatch();
    } catch (InvalidTaskException invalid) {
      violations.addAll(invalid.violations());
    }
    if (!violations.isEmpty()) {
      throw new InvalidTaskException(violations);
    }
    return new Edit(id, patch);
  }

  @Override
  int run(OpenedStore store, Edit edit) throws IOException {
    TaskDetails.print(out(), new UpdateTask(store.tasks()).update(edit.id(), edit.patch()), output.format());
    return ExitCodes.OK;
  }
}
