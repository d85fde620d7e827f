package dev.taskmanager.web.page;

import dev.taskmanager.core.model.Task;
import java.util.regex.Pattern;

/**
 * A task as the list shows it, with its description cut short.
 *
 * @param preview the description's first {@value #PREVIEW_LENGTH} characters, with an ellipsis if cut
 */
public record TaskRow(long id, String title, String preview, int priority) {

  static final int PREVIEW_LENGTH = 80;

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  static TaskRow of(Task task) {
    String text = WHITE_SPACE.matcher(task.shortdesc()).replaceAll(" ").strip();
    if (text.codePointCount(0, text.length()) > PREVIEW_LENGTH) {
      text = text.substring(0, text.offsetByCodePoints(0, PREVIEW_LENGTH)).stripTrailing() + "…";
    }
    return new TaskRow(task.id(), task.title(), text, task.priority());
  }
}
