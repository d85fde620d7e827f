package dev.taskmanager.web.page;

import dev.taskmanager.core.model.Task;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateSequenceModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A task as the list shows it ({@code id}, {@code title}, {@code preview}, {@code priority},
 * {@code due}, {@code dueState}: {@code overdue}, {@code today} or empty, {@code done}: a boolean,
 * and {@code tags}, a sequence), its description cut short. Its values are ready-made HTML, escaped
 * once: the list prints a row's id seven times, and Freemarker wrapping a Java object by reflection
 * at each read, then escaping the text at each print, were the page's largest costs after sending it.
 */
public final class TaskRow implements TemplateHashModel {

  static final int PREVIEW_LENGTH = 80;

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private final TemplateModel id;
  private final TemplateModel title;
  private final TemplateModel preview;
  private final TemplateModel priority;
  private final TemplateModel due;
  private final TemplateModel dueState;
  private final TemplateModel done;
  private final TemplateModel tags;

  private TaskRow(Task task, String preview, String dueState) {
    List<TemplateModel> tags = new ArrayList<>(task.tags().size());
    task.tags().forEach(tag -> tags.add(html(tag)));
    this.id = html(Long.toString(task.id()));
    this.title = html(task.title());
    this.preview = html(preview);
    this.priority = html(Integer.toString(task.priority()));
    this.due = html(task.due() == null ? "" : task.due().toString());
    // Words of our own, compared in the template: plain strings, not markup.
    this.dueState = new SimpleScalar(dueState);
    this.done = task.done() ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
    this.tags = new Sequence(tags);
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

  /**
   * The text as HTML, escaped here once however often the template prints it. (Freemarker's
   * {@code fromPlainTextByEscaping} would escape it again at every print.)
   */
  private static TemplateModel html(String text) {
    try {
      return HTMLOutputFormat.INSTANCE.fromMarkup(HTMLOutputFormat.INSTANCE.escapePlainText(text));
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

  /** A value by name: a switch, as the list reads a dozen of them for each row. */
  @Override
  public TemplateModel get(String key) {
    return switch (key) {
      case "id" -> id;
      case "title" -> title;
      case "preview" -> preview;
      case "priority" -> priority;
      case "due" -> due;
      case "dueState" -> dueState;
      case "done" -> done;
      case "tags" -> tags;
      default -> null;
    };
  }

  @Override
  public boolean isEmpty() {
    return false;
  }
}
