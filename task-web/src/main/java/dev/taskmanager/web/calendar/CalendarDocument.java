package dev.taskmanager.web.calendar;

import dev.taskmanager.core.model.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Open tasks with a due date as an iCalendar document: one all-day event per task on its due day
 * (calendar apps show events; most ignore to-dos), free rather than busy, linking back to the task.
 * A task done or deleted, or its due date removed, drops out of the next fetch.
 */
final class CalendarDocument {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int LAST_YEAR = 9999;
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private CalendarDocument() {}

  /**
   * @param owner whose tasks, for the calendar's name
   * @param site the scheme, host and port the feed was asked at, for the links back and the events' ids
   * @param host the host alone, which makes each event's UID unique beyond this app
   */
  static String of(String owner, String site, String host, List<Task> tasks, Instant now) {
    ContentLines lines = new ContentLines()
        .raw("BEGIN", "VCALENDAR")
        .raw("VERSION", "2.0")
        .raw("PRODID", "-//Task Manager//Calendar feed//EN")
        .raw("CALSCALE", "GREGORIAN")
        .text("NAME", "Tasks of " + owner)
        .text("X-WR-CALNAME", "Tasks of " + owner)
        .raw("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
        .raw("X-PUBLISHED-TTL", "PT1H");
    String stamp = UTC.format(now.truncatedTo(ChronoUnit.SECONDS));
    for (Task task : tasks) {
      LocalDate due = task.due();
      lines.raw("BEGIN", "VEVENT")
          .text("UID", "task-" + task.id() + "@" + host)
          .raw("DTSTAMP", stamp)
          .raw("DTSTART;VALUE=DATE", DAY.format(due));
      if (due.getYear() < LAST_YEAR) {
        // Without an end an all-day event lasts its one day (RFC 5545, 3.6.1), but some apps want
        // one; not after the last day a DATE can hold, 9999-12-31, which may be a task's due day.
        lines.raw("DTEND;VALUE=DATE", DAY.format(due.plusDays(1)));
      }
      lines.text("SUMMARY", task.title())
          .raw("TRANSP", "TRANSPARENT")
          .raw("URL", site + "/tasks/" + task.id());
      if (!task.shortdesc().isEmpty()) {
        lines.text("DESCRIPTION", task.shortdesc());
      }
      if (!task.tags().isEmpty()) {
        // Tags are lower-case letters, digits, - and _: never a comma to escape.
        lines.raw("CATEGORIES", String.join(",", task.tags()));
      }
      if (task.createdAt() != null) {
        lines.raw("CREATED", UTC.format(task.createdAt().truncatedTo(ChronoUnit.SECONDS)));
      }
      if (task.updatedAt() != null) {
        lines.raw("LAST-MODIFIED", UTC.format(task.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
      }
      lines.raw("END", "VEVENT");
    }
    if (tasks.isEmpty()) {
      // RFC 5545 wants at least one component in a calendar; a time zone no event uses shows nothing.
      lines.raw("BEGIN", "VTIMEZONE").raw("TZID", "UTC")
          .raw("BEGIN", "STANDARD").raw("DTSTART", "19700101T000000").raw("TZOFFSETFROM", "+0000")
          .raw("TZOFFSETTO", "+0000").raw("END", "STANDARD")
          .raw("END", "VTIMEZONE");
    }
    return lines.raw("END", "VCALENDAR").toText();
  }
}
