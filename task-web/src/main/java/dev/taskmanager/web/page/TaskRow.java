package dev.taskmanager.web.page;

import dev.taskmanager.core.model.Task;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A task as the list shows it ({@code id}, {@code title}, {@code preview}, {@code priority}), its
 * description cut short. Its values are ready-made HTML, escaped once: the list prints a row's id
 * six times, and Freemarker wrapping a Java object by reflection at each read, then escaping the
 * text at each print, were the page's largest costs after sending it.
 */
public final class TaskRow implements TemplateHashModel {

  static final int PREVIEW_LENGTH = 80;

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private final Map<String, TemplateModel> values;

  private TaskRow(long id, String title, String preview, int priority) {
    values = Map.of(
        "id", html(Long.toString(id)),
        "title", html(title),
        "preview", html(preview),
        "priority", html(Integer.toString(priority)));
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

  static TaskRow of(Task task) {
    String text = collapseWhiteSpace(task.shortdesc()).strip();
    if (text.codePointCount(0, text.length()) > PREVIEW_LENGTH) {
      text = text.substring(0, text.offsetByCodePoints(0, PREVIEW_LENGTH)).stripTrailing() + "…";
    }
    return new TaskRow(task.id(), task.title(), text, task.priority());
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
