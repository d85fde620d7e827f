package dev.taskmanager.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.taskmanager.cli.io.Json;
import dev.taskmanager.cli.store.OpenedStore;
import dev.taskmanager.core.model.TaskStats;
import dev.taskmanager.core.usecase.GetTaskStats;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stats", description = {
    "Shows the number of tasks, the next id and the store in use.",
    "",
    "json: {\"tasks\":N,\"nextId\":N,\"store\":\"…\"}; csv: the header tasks,next_id,store and one row."},
    footer = {
        "  task stats",
        "  task stats --format json"
    })
final class StatsCommand extends StoreCommand<Void> {

  @Mixin
  OutputFormatOption output;


  @Override
  int run(OpenedStore store, Void noInput) throws IOException {
    TaskStats stats = new GetTaskStats(store.tasks()).stats();
    String description = store.description();
    switch (output.format()) {
      case JSON:
        try (JsonGenerator json = Json.generator(out())) {
          json.writeStartObject();
          json.writeNumberField("tasks", stats.count());
          json.writeNumberField("nextId", stats.nextId());
          json.writeStringField("store", description);
          json.writeEndObject();
        }
        out().println();
        break;
      case CSV:
        out().println("tasks,next_id,store");
        out().println(stats.count() + "," + stats.nextId() + "," + quote(description));
        break;
      case TABLE:
      default:
        out().println("tasks:    " + stats.count());
        out().println("next id:  " + stats.nextId());
        out().println("store:    " + description);
    }
    return ExitCodes.OK;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
