package dev.taskmanager.cli;

import dev.taskmanager.cli.OutputFormatOption.OutputFormat;
import dev.taskmanager.cli.io.Csv;
import dev.taskmanager.cli.io.Json;
import dev.taskmanager.cli.io.TaskWriter;
import dev.taskmanager.core.model.Task;
import java.io.IOException;
import java.io.PrintWriter;

/** One task shown in full, by {@code show} and {@code edit}. */
final class TaskDetails {

  private TaskDetails() {}

  static void print(PrintWriter out, Task task, OutputFormat format) throws IOException {
    switch (format) {
      case JSON:
        Json.writeOne(out, task);
        break;
      case CSV:
        TaskWriter csv = Csv.writer(out);
        csv.write(task);
        csv.finish();
        break;
      case TABLE:
      default:
        out.println("id:        " + task.id());
        out.println("title:     " + task.title());
        out.println("priority:  " + task.priority());
        // Continuation lines are indented so a multi-line description stays readable.
        out.println("shortdesc: " + task.shortdesc().replace("\n", "\n           "));
    }
  }
}
