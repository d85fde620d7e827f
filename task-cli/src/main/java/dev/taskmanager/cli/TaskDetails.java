package dev.taskmanager.cli;

import dev.taskmanager.cli.OutputFormatOption.OutputFormat;
import dev.taskmanager.cli.io.Csv;
import dev.taskmanager.cli.io.Json;
import dev.taskmanager.cli.io.TaskWriter;
import dev.taskmanager.core.model.Task;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;

/** One task shown in full, by {@code show} and {@code edit}. */
final class TaskDetails {

  private TaskDetails() {}

  /** @param today the person's today, to say whether the task is overdue */
  static void print(PrintWriter out, Task task, OutputFormat format, LocalDate today) throws IOException {
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
        out.println("status:    " + (task.done() ? "done " + task.doneAt() : "open"));
        out.println("due:       " + (task.due() == null ? "" : task.due() + (task.isOverdue(today) ? " (overdue)" : "")));
        out.println("tags:      " + String.join(" ", task.tags()));
        out.println("created:   " + (task.createdAt() == null ? "unknown" : task.createdAt()) + by(task.createdBy()));
        out.println("updated:   " + (task.updatedAt() == null ? "unknown" : task.updatedAt()) + by(task.updatedBy()));
        // Continuation lines are indented so a multi-line description stays readable.
        out.println("shortdesc: " + task.shortdesc().replace("\n", "\n           "));
    }
  }

  private static String by(String author) {
    return author == null ? "" : " by " + author;
  }
}
