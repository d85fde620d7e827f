package dev.taskmanager.cli;

import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.usecase.GetTask;
import dev.taskmanager.core.usecase.UpdateTask;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "edit", description = "Changes the given fields of a task, keeps the others, and shows the result.",
    footer = {
        "  task edit 7 --priority 9",
        "  task edit 7 --title \"Write the final report\" --desc \"\"",
        "  task edit 7 --due friday --tag work --untag someday",
        "  task edit 7 --no-due"
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

  @Option(names = "--due", paramLabel = "DATE",
      description = "A due day: 2026-12-24, today, tomorrow, a weekday (the next one), +3d or +2w.")
  String due;

  @Option(names = "--no-due", description = "Remove the due day.")
  boolean noDue;

  @Option(names = "--tag", paramLabel = "TAG", description = "Add a tag (repeatable).")
  List<String> tagsToAdd = new ArrayList<>();

  @Option(names = "--untag", paramLabel = "TAG", description = "Remove a tag (repeatable).")
  List<String> tagsToRemove = new ArrayList<>();

  @Mixin
  OutputFormatOption output;

  /** Which task, and what to change: the patch, then the tags to add and remove from those it has. */
  record Edit(long id, TaskPatch patch, List<String> tagsToAdd, List<String> tagsToRemove) {}

  @Override
  Edit checkInput() {
    if (title == null && description == null && priority == null && due == null && !noDue && tagsToAdd.isEmpty()
        && tagsToRemove.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "Nothing to change: give --title, --desc, --priority, --due, --no-due, --tag or --untag");
    }
    if (due != null && noDue) {
      throw new ParameterException(spec.commandLine(), "Give either --due or --no-due, not both");
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
    List<String> adding = List.of();
    List<String> removing = List.of();
    try {
      patch = new TaskInput(title, description, priority).withDue(noDue ? "" : due).toPatch(today());
    } catch (InvalidTaskException invalid) {
      violations.addAll(invalid.violations());
    }
    try {
      // The rules of tags, as a patch setting them checks them: lower case, characters, length.
      adding = TaskPatch.none().withTags(tagsToAdd).tags();
      removing = TaskPatch.none().withTags(tagsToRemove).tags();
    } catch (InvalidTaskException invalid) {
      violations.addAll(invalid.violations());
    }
    if (!violations.isEmpty()) {
      throw new InvalidTaskException(violations);
    }
    List<String> both = adding.stream().filter(removing::contains).toList();
    if (!both.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--tag and --untag both name " + String.join(", ", both));
    }
    return new Edit(id, patch, adding, removing);
  }

  @Override
  int run(OpenedStore store, Edit edit) throws IOException {
    TaskPatch patch = edit.patch();
    if (!edit.tagsToAdd().isEmpty() || !edit.tagsToRemove().isEmpty()) {
      // Tags change from those the task has now: another change in between is overwritten.
      Set<String> tags = new TreeSet<>(new GetTask(store.tasks()).get(edit.id()).tags());
      tags.addAll(edit.tagsToAdd());
      tags.removeAll(edit.tagsToRemove());
      patch = patch.withTags(List.copyOf(tags));
    }
    TaskDetails.print(out(), new UpdateTask(store.tasks(), clock()).update(edit.id(), patch.by(actor())), output.format(), today());
    return ExitCodes.OK;
  }
}
