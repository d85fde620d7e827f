package dev.taskmanager.cli.io;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * The {@code csv} format (RFC 4180): a header {@code
 * id,title,shortdesc,priority,done,done_at,created_at,updated_at,due,tags,created_by,updated_by}
 * (the tutorial's four columns first, so a reader of those finds them where it did; each newer
 * column after the ones before it), then one row per task. {@code done}
 * is {@code true} or {@code false}, a time RFC 3339 in UTC, {@code due} {@code YYYY-MM-DD}, unknown
 * values empty; {@code tags} are separated by spaces. Lines end with LF (CRLF is accepted on
 * import); a field is quoted when it holds a comma, a quote, a line break or surrounding spaces, and
 * a quote inside is doubled.
 */
public final class Csv {

  public static final String HEADER =
      "id,title,shortdesc,priority,done,done_at,created_at,updated_at,due,tags,created_by,updated_by";

  private Csv() {}

  public static TaskWriter writer(Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    return new TaskWriter() {
      @Override
      public void write(Task task) throws IOException {
        out.write(row(task));
        out.write('\n');
      }

      @Override
      public void finish() throws IOException {
        out.flush();
      }
    };
  }

  /** Deleted tasks: {@code deleted_at} first, then the columns of {@link #HEADER}. */
  public static void writeDeleted(Writer out, List<DeletedTask> deleted) throws IOException {
    out.write("deleted_at," + HEADER + "\n");
    for (DeletedTask each : deleted) {
      out.write(each.deletedAt() + "," + row(each.task()) + "\n");
    }
    out.flush();
  }

  private static String row(Task task) {
    StringBuilder row = new StringBuilder()
        .append(task.id()).append(',')
        .append(field(task.title())).append(',')
        .append(field(task.shortdesc())).append(',')
        .append(task.priority()).append(',')
        .append(task.done());
    for (Instant time : new Instant[] {task.doneAt(), task.createdAt(), task.updatedAt()}) {
      row.append(',').append(time == null ? "" : time.toString());
    }
    return row.append(',').append(task.due() == null ? "" : task.due().toString())
        .append(',').append(String.join(" ", task.tags()))
        .append(',').append(task.createdBy() == null ? "" : field(task.createdBy()))
        .append(',').append(task.updatedBy() == null ? "" : field(task.updatedBy())).toString();
  }

  static String field(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0 || (!value.isEmpty()
            && (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))));
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
