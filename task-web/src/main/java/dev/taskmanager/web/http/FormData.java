package dev.taskmanager.web.http;

import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.Violation;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A submitted form: every value of every field, as text. Values are data, never structure: a
 * field named {@code title[$ne]} is just an unknown field, ignored.
 */
public final class FormData {

  private static final AttachmentKey<FormData> KEY = AttachmentKey.create(FormData.class);

  private final Map<String, List<String>> fields;

  FormData(Map<String, List<String>> fields) {
    this.fields = Map.copyOf(fields);
  }

  /** The form the route table read (and checked the CSRF token of) for this request. */
  public static FormData of(HttpServerExchange exchange) {
    FormData form = exchange.getAttachment(KEY);
    if (form == null) {
      throw new IllegalStateException("no form was read for " + exchange.getRequestPath());
    }
    return form;
  }

  public void attachTo(HttpServerExchange exchange) {
    exchange.putAttachment(KEY, this);
  }

  /**
   * The field's value, or {@code null} when it was not sent. A field sent more than once adds a
   * violation (and gives its first value): a form has one box per field, so a repeat is a forgery
   * or a mistake, never something to guess about.
   */
  public String single(String name, List<Violation> violations) {
    List<String> values = fields.get(name);
    if (values == null) {
      return null;
    }
    if (values.size() > 1) {
      violations.add(new Violation(name, "was sent " + values.size() + " times", "one value"));
    }
    return values.get(0);
  }

  /**
   * The task fields of the form as the core takes them; a field sent more than once is noted as its
   * problem ({@link #single}).
   */
  public TaskInput taskInput() {
    // Tags are typed in one box, separated by commas or spaces.
    List<Violation> shapeProblems = new ArrayList<>();
    String title = single("title", shapeProblems);
    String shortdesc = single("shortdesc", shapeProblems);
    String priority = single("priority", shapeProblems);
    String due = single("due", shapeProblems);
    String tags = single("tags", shapeProblems);
    return new TaskInput(title, shortdesc, priority, List.of())
        .withDue(due)
        .withTags(tags == null ? null : TaskRules.splitTags(tags))
        .withShapeProblems(shapeProblems);
  }

  /** The field's first value, or {@code null}. */
  public String first(String name) {
    List<String> values = fields.get(name);
    return values == null ? null : values.get(0);
  }
}
