package dev.taskmanager.cli.io;

import dev.taskmanager.core.model.Task;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * The {@code csv} format (RFC 4180): a header {@code
 * id,title,shortdesc,priority,done,done_at,created_at,updated_at,due,tags} (the tutorial's four
 * columns first, so a reader of those finds them where it did), then one row per task. {@code done}
 * is {@code true} or {@code false}, a time RFC 3339 in UTC, {@code due} {@code YYYY-MM-DD}, unknown
 * values empty; {@code tags} are separated by spaces. Lines end with LF (CRLF is accepted on
 * import); a field is quoted when it holds a comma, a quote, a line break or surrounding spaces, and
 * a quote inside is doubled.
 */
public final class Csv {

  public static final String HEADER = "id,title,shortdesc,priority,done,done_at,created_at,updated_at,due,tags";

  private Csv() {}

  public static TaskWriter writer(Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    return new TaskWriter() {
      @Override
      public void write(Task task) throws IOException {
        out.write(Long.toString(task.id()));
        out.write(',');
        out.write(field(task.title()));
        out.write(',');
        out.write(field(task.shortdesc()));
        out.write(',');
        out.write(Integer.toString(task.priority()));
        out.write(',');
        out.write(Boolean.toString(task.done()));
        for (Instant time : new Instant[] {task.doneAt(), task.createdAt(), task.updatedAt()}) {
          out.write(',');
          out.write(time == null ? "" : time.toString());
        }
        out.write(',');
        out.write(task.due() == null ? "" : task.due().toString());
        out.write(',');
        out.write(String.join(" ", task.tags()));
        out.write('\n');
      }

      @Override
      public void finish() throws IOException {
        out.flush();
      }
    };
  }

  static String field(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0 || (!value.isEmpty()
            && (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))));
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
