package dev.taskmanager.web.page;

import dev.taskmanager.core.model.Task;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateSequenceModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A task as the list shows it ({@code id}, {@code title}, {@code preview}, {@code priority},
 * {@code due}, {@code dueState}: {@code overdue}, {@code today} or empty, {@code done}: {@code true}
 * or empty, and {@code tags}, a sequence), its description cut short. Its values are ready-made HTML, escaped once: the list prints a row's id
 * six times, and Freemarker wrapping a Java object by reflection at each read, then escaping the
 * text at each print, were the page's largest costs after sending it.
 */
public final class TaskRow implements TemplateHashModel {

  static final int PREVIEW_LENGTH = 80;

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private final Map<String, TemplateModel> values;

  private TaskRow(Task task, String preview, String dueState) {
    List<TemplateModel> tags = new ArrayList<>(task.tags().size());
    task.tags().forEach(tag -> tags.add(html(tag)));
    values = Map.of(
        "id", html(Long.toString(task.id())),
        "title", html(task.title()),
        "preview", html(preview),
        "priority", html(Integer.toString(task.priority())),
        "due", html(task.due() == null ? "" : task.due().toString()),
        // Words of our own, compared in the template: plain strings, not markup.
        "dueState", new SimpleScalar(dueState),
        "done", new SimpleScalar(task.done() ? "true" : ""),
        "tags", new Sequence(tags));
  }

  /** The tags, each already escaped. */
  private record Sequence(List<TemplateModel> items) implements TemplateSequenceModel {
    @Override
    public TemplateModel get(int index) {
      return index < items.size() ? items.get(index) : null;
    }

    @Override
    public int size() {
      return items.size();
    }
  }

  /** The text as HTML, escaped by Freemarker once however often the template prints it. */
  private static TemplateModel html(String text) {
    try {
      return HTMLOutputFormat.INSTANCE.fromPlainTextByEscaping(text);
    } catch (TemplateModelException impossible) {
      // Declared for output formats that cannot escape; HTML escapes any text.
      throw new IllegalStateException(impossible);
    }
  }

  static TaskRow of(Task task, LocalDate today) {
    String text = collapseWhiteSpace(task.shortdesc()).strip();
    if (text.codePointCount(0, text.length()) > PREVIEW_LENGTH) {
      text = text.substring(0, text.offsetByCodePoints(0, PREVIEW_LENGTH)).stripTrailing() + "…";
    }
    String dueState = task.isOverdue(today) ? "overdue" : !task.done() && today.equals(task.due()) ? "today" : "";
    return new TaskRow(task, text, dueState);
  }

  /** Runs of white space as one space; most descriptions have none to collapse, and skip the regex. */
  private static String collapseWhiteSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alone = c == ' ' && (i + 1 == text.length() || text.charAt(i + 1) != ' ');
      if (!alone && (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r')) {
        return WHITE_SPACE.matcher(text).replaceAll(" ");
      }
    }
    return text;
  }

  @Override
  public TemplateModel get(String key) {
    return values.get(key);
  }

  @Override
  public boolean isEmpty() {
    return false;
  }
}
