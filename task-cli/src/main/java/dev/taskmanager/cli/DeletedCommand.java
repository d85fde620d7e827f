package dev.taskmanager.cli;

import dev.taskmanager.cli.OutputFormatOption.OutputFormat;
import dev.taskmanager.cli.io.Csv;
import dev.taskmanager.cli.io.Json;
import dev.taskmanager.cli.io.Table;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.usecase.RestoreTask;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "deleted", description = {
    "Lists the deleted tasks that task restore can bring back, most recently deleted first (at most "
        + RestoreTask.MAX_LISTED + ").",
    "",
    "They are kept " + DeletedTask.KEPT_DAYS + " days. table shows the id, when it was deleted (in --timezone) and "
        + "the title; json is an array of {\"deleted_at\":…,\"task\":{…}}, one per line; csv has deleted_at "
        + "before the columns of task list's csv."},
    footer = {
        "  task deleted",
        "  task restore 7"
    })
final class DeletedCommand extends StoreCommand<Void> {

  @Mixin
  OutputFormatOption output;

  @Override
  int run(OpenedStore store, Void noInput) throws IOException {
    List<DeletedTask> deleted = new RestoreTask(store.tasks()).deleted();
    if (output.format() == OutputFormat.JSON) {
      Json.writeDeleted(out(), deleted);
    } else if (output.format() == OutputFormat.CSV) {
      Csv.writeDeleted(out(), deleted);
    } else if (deleted.isEmpty()) {
      out().println("no deleted tasks are kept");
    } else {
      for (DeletedTask each : deleted) {
        out().println(Table.deletedLine(each, clock().getZone()));
      }
    }
    return ExitCodes.OK;
  }
}
