package dev.taskmanager.web.page;

import dev.taskmanager.core.model.Task;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A task as the list shows it ({@code id}, {@code title}, {@code preview}, {@code priority}), its
 * description cut short. Its values are ready-made template text: the list reads a row's id six
 * times, and Freemarker wrapping a Java object by reflection at each read was the page's largest
 * cost after sending it.
 */
public final class TaskRow implements TemplateHashModel {

  static final int PREVIEW_LENGTH = 80;

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private final Map<String, TemplateModel> values;

  private TaskRow(long id, String title, String preview, int priority) {
    values = Map.of(
        "id", new SimpleScalar(Long.toString(id)),
        "title", new SimpleScalar(title),
        "preview", new SimpleScalar(preview),
        "priority", new SimpleScalar(Integer.toString(priority)));
  }

  static TaskRow of(Task task) {
    String text = WHITE_SPACE.matcher(task.shortdesc()).replaceAll(" ").strip();
    if (text.codePointCount(0, text.length()) > PREVIEW_LENGTH) {
      text = text.substring(0, text.offsetByCodePoints(0, PREVIEW_LENGTH)).stripTrailing() + "…";
    }
    return new TaskRow(task.id(), task.title(), text, task.priority());
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
