package dev.taskmanager.cli.io;

import dev.taskmanager.core.model.DeletedTask;
import dev.taskmanager.core.model.Task;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The {@code table} format, for people: columns ID, PRI, DUE, TITLE, TAGS, DESCRIPTION fitted to the
 * width, laid out from the first batch (later batches keep that layout, so a long listing streams).
 * An overdue day ends with {@code !}; a done task's title starts with {@code [x]}. Text too long for
 * its column ends with an ellipsis; line breaks and tabs show as spaces. Colour (a bold header, an
 * overdue day in red) only when asked for.
 */
public final class Table implements TaskWriter {

  static final String ELLIPSIS = "…";
  private static final String GAP = "  ";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[31m";
  private static final String RESET = "\u001b[0m";
  private static final int DUE_WIDTH = "2026-12-24!".length();
  private static final String DONE_MARK = "[x] ";
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  /** Below this many columns for the title, tags and description, the title has them all. */
  private static final int NARROW = 30;

  private final Writer out;
  private final int width;
  private final boolean colour;
  private final long largestIdHint;
  private final boolean moreBatches;
  private final LocalDate today;
  private int idWidth;
  private int titleWidth;
  private int tagsWidth;
  private int descriptionWidth;
  private boolean laidOut;

  /**
   * @param width the columns available
   * @param colour whether to use ANSI colour
   * @param largestIdHint the largest id the listing may show (for the id column's width), or 0
   * @param moreBatches whether batches may follow the first: then the title keeps all the room the
   *     description does not need, as later titles may be longer than the first batch's
   * @param today the person's today, to mark overdue days by
   */
  public Table(Writer out, int width, boolean colour, long largestIdHint, boolean moreBatches, LocalDate today) {
    this.out = out;
    this.today = today;
    this.width = width;
    this.colour = colour;
    this.largestIdHint = largestIdHint;
    this.moreBatches = moreBatches;
  }

  @Override
  public void write(List<Task> batch) throws IOException {
    layOut(batch);
    for (Task task : batch) {
      write(task);
    }
  }

  @Override
  public void write(Task task) throws IOException {
    layOut(List.of(task));
    StringBuilder line = new StringBuilder();
    String due = task.due() == null ? "" : task.due() + (task.isOverdue(today) ? "!" : "");
    line.append(padLeft(Long.toString(task.id()), idWidth)).append(GAP)
        .append(padLeft(Integer.toString(task.priority()), 4)).append(GAP)
        .append(colour && task.isOverdue(today) ? RED + pad(due, DUE_WIDTH) + RESET : pad(due, DUE_WIDTH)).append(GAP)
        .append(pad(fit(titleOf(task), titleWidth), titleWidth));
    if (tagsWidth > 0) {
      line.append(GAP).append(pad(fit(String.join(",", task.tags()), tagsWidth), tagsWidth))
          .append(GAP).append(fit(task.shortdesc(), descriptionWidth));
    }
    out.write(stripTrailingSpaces(line));
    out.write('\n');
  }

  @Override
  public void finish() throws IOException {
    if (!laidOut) {
      out.write("no tasks\n");
    }
    out.flush();
  }

  private void layOut(List<Task> batch) throws IOException {
    if (laidOut || batch.isEmpty()) {
      return;
    }
    laidOut = true;
    idWidth = Math.max(2, Long.toString(largestIdHint).length());
    int titleNeeds = "TITLE".length();
    int tagsNeeds = "TAGS".length();
    int descriptionNeeds = "DESCRIPTION".length();
    for (Task task : batch) {
      idWidth = Math.max(idWidth, Long.toString(task.id()).length());
      titleNeeds = Math.max(titleNeeds, displayWidth(flatten(titleOf(task))));
      tagsNeeds = Math.max(tagsNeeds, String.join(",", task.tags()).length());
      descriptionNeeds = Math.max(descriptionNeeds, displayWidth(flatten(task.shortdesc())));
    }
    int available = width - idWidth - 4 - DUE_WIDTH - 3 * GAP.length();
    if (available < NARROW) {
      // A narrow terminal shows the title alone after the day.
      tagsWidth = 0;
      descriptionWidth = 0;
      titleWidth = Math.max(5, available);
    } else {
      // Tags take up to a fifth of the room; the title keeps at least half of the rest, or all it
      // needs; the description takes what is left.
      int room = available - 2 * GAP.length();
      tagsWidth = Math.min(tagsNeeds, room / 5);
      int rest = room - tagsWidth;
      int titleRoom = rest - Math.min(descriptionNeeds, rest / 2);
      titleWidth = Math.max(5, moreBatches ? titleRoom : Math.min(titleNeeds, titleRoom));
      descriptionWidth = Math.max(1, Math.min(descriptionNeeds, rest - titleWidth));
    }
    String header = padLeft("ID", idWidth) + GAP + " PRI" + GAP + pad("DUE", DUE_WIDTH) + GAP
        + pad("TITLE", titleWidth) + (tagsWidth == 0 ? "" : GAP + pad("TAGS", tagsWidth) + GAP
        + fit("DESCRIPTION", descriptionWidth));
    out.write(colour ? BOLD + header + RESET : header);
    out.write('\n');
  }

  /** A time to the minute in the zone: {@code 2026-12-24 09:30}. */
  public static String minutes(Instant at, ZoneId zone) {
    return MINUTES.format(at.atZone(zone));
  }

  /** One deleted task on a line: its id, when it was deleted (to the minute, in the zone), its title. */
  public static String deletedLine(DeletedTask deleted, ZoneId zone) {
    String at = minutes(deleted.deletedAt(), zone);
    return padLeft(Long.toString(deleted.task().id()), 4) + GAP + at + GAP + flatten(deleted.task().title());
  }

  private static String titleOf(Task task) {
    return task.done() ? DONE_MARK + task.title() : task.title();
  }

  /** The text on one line, cut to {@code columns} with an ellipsis when longer. */
  static String fit(String text, int columns) {
    String flat = flatten(text);
    if (displayWidth(flat) <= columns) {
      return flat;
    }
    StringBuilder cut = new StringBuilder();
    int used = 0;
    for (int i = 0; i < flat.length(); ) {
      int codePoint = flat.codePointAt(i);
      int cells = cells(codePoint);
      if (used + cells > columns - 1) {
        break;
      }
      cut.appendCodePoint(codePoint);
      used += cells;
      i += Character.charCount(codePoint);
    }
    return cut.append(ELLIPSIS).toString();
  }

  static String flatten(String text) {
    StringBuilder flat = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> flat.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
    return flat.toString();
  }

  /** Terminal cells the text takes: wide East Asian characters and emoji take two. */
  static int displayWidth(String text) {
    return text.codePoints().map(Table::cells).sum();
  }

  private static int cells(int codePoint) {
    int type = Character.getType(codePoint);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
      return 0;
    }
    boolean wide = (codePoint >= 0x1100 && codePoint <= 0x115F)
        || (codePoint >= 0x2E80 && codePoint <= 0xA4CF)
        || (codePoint >= 0xAC00 && codePoint <= 0xD7A3)
        || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
        || (codePoint >= 0xFE30 && codePoint <= 0xFE4F)
        || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
        || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
        || (codePoint >= 0x1F300 && codePoint <= 0x1FAFF)
        || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
    return wide ? 2 : 1;
  }

  private static String pad(String text, int columns) {
    int missing = columns - displayWidth(text);
    return missing > 0 ? text + " ".repeat(missing) : text;
  }

  private static String padLeft(String text, int columns) {
    int missing = columns - text.length();
    return missing > 0 ? " ".repeat(missing) + text : text;
  }

  private static String stripTrailingSpaces(StringBuilder line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.substring(0, end);
  }
}
