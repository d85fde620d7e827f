package dev.taskmanager.cli.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.text.Excerpts;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Taskwarrior's JSON, as its {@code task export} writes it and its {@code task import} reads it:
 * an array of task objects (or one per line), times as {@code 20261224T093000Z}.
 *
 * <p>Read: {@code description} is the title; the {@code annotations}' descriptions, one per line,
 * the description; {@code status} {@code pending} or {@code waiting} is open, {@code completed}
 * done (at {@code end}), {@code deleted} and {@code recurring} (the template of a recurrence, whose
 * instances are tasks of their own) are left out and counted; {@code priority} H, M, L is 3, 2, 1;
 * {@code due} is the day it falls on in the person's zone; {@code tags} are tags and a {@code
 * project} one more; {@code entry} and {@code modified} are when it was created and last changed.
 * Other fields (uuid, urgency, wait, depends, user-defined attributes) are not kept.
 *
 * <p>Written: the same fields; a priority of 3 or more is H, 2 is M, 1 is L; a due day is its
 * midnight in the person's zone; each line of the description an annotation. Taskwarrior gives each
 * imported task a uuid of its own.
 */
public final class Taskwarrior {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
  private static final String PRIORITIES = "H, M, L, or none";
  private static final String STATUSES = "pending, waiting, completed, deleted or recurring";

  private Taskwarrior() {}

  /** Reads Taskwarrior's export: an array, or one object per line. */
  static RecordReader reader(ZoneId zone) {
    Objects objects = new Objects(zone);
    return in -> {
      PushbackInputStream peek = new PushbackInputStream(in, 1);
      int first;
      do {
        first = peek.read();
      } while (first == ' ' || first == '\t' || first == '\n' || first == '\r');
      if (first >= 0) {
        peek.unread(first);
      }
      return new JsonRecordReader(first == '{', objects).read(peek);
    };
  }

  /** Writes tasks as Taskwarrior imports them: an array, one object per line. */
  static TaskWriter writer(Writer out, ZoneId zone) throws IOException {
    JsonGenerator generator = Json.FACTORY.createGenerator(out);
    generator.setPrettyPrinter(new Json.OneObjectPerLine());
    generator.writeStartArray();
    return new TaskWriter() {
      @Override
      public void write(Task task) throws IOException {
        writeTask(generator, task, zone);
      }

      @Override
      public void finish() throws IOException {
        generator.writeEndArray();
        generator.writeRaw('\n');
        generator.flush();
      }
    };
  }

  private static void writeTask(JsonGenerator generator, Task task, ZoneId zone) throws IOException {
    Instant entry = task.createdAt() != null ? task.createdAt() : task.updatedAt();
    generator.writeStartObject();
    generator.writeStringField("description", task.title());
    generator.writeStringField("status", task.done() ? "completed" : "pending");
    if (entry != null) {
      generator.writeStringField("entry", time(entry));
    }
    if (task.updatedAt() != null) {
      generator.writeStringField("modified", time(task.updatedAt()));
    }
    if (task.doneAt() != null) {
      generator.writeStringField("end", time(task.doneAt()));
    }
    if (task.due() != null) {
      generator.writeStringField("due", time(task.due().atStartOfDay(zone).toInstant()));
    }
    if (task.priority() > 0) {
      generator.writeStringField("priority", task.priority() >= 3 ? "H" : task.priority() == 2 ? "M" : "L");
    }
    if (!task.tags().isEmpty()) {
      generator.writeArrayFieldStart("tags");
      for (String tag : task.tags()) {
        generator.writeString(tag);
      }
      generator.writeEndArray();
    }
    if (!task.shortdesc().isEmpty()) {
      generator.writeArrayFieldStart("annotations");
      for (String line : task.shortdesc().split("\n")) {
        if (!line.isBlank()) {
          generator.writeStartObject();
          generator.writeStringField("entry", time(entry != null ? entry : Instant.EPOCH));
          generator.writeStringField("description", line);
          generator.writeEndObject();
        }
      }
      generator.writeEndArray();
    }
    generator.writeEndObject();
  }

  private static String time(Instant instant) {
    return TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  /** One Taskwarrior object as a record, or {@code null} for one left out. */
  private static final class Objects implements JsonRecordReader.Objects {
    private final ZoneId zone;

    Objects(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public RawRecord read(JsonParser parser, int number) throws IOException {
      long line = parser.currentTokenLocation().getLineNr();
      JsonToken start = parser.currentToken();
      Object value = valueOf(parser);
      if (!(value instanceof Map<?, ?> fields)) {
        return RawRecord.unreadable(number, line, 0, "is " + JsonRecordReader.kind(start), "a Taskwarrior task object");
      }
      List<Violation> problems = new ArrayList<>();
      String status = text(fields, "status", problems);
      String done = null;
      if (status != null) {
        switch (status) {
          case "deleted", "recurring" -> {
            return null;
          }
          case "pending", "waiting" -> done = "false";
          case "completed" -> done = "true";
          default -> problems.add(new Violation("status", Excerpts.quote(status) + " is not a Taskwarrior status",
              STATUSES));
        }
      }
      String title = text(fields, "description", problems);
      String priority = priority(text(fields, "priority", problems), problems);
      List<String> tags = tags(fields, problems);
      String due = due(text(fields, "due", problems), problems);
      return RawRecord.read(number, line, null, title, annotations(fields, problems), priority,
          RawRecord.Newer.of(due, tags, done, rfc3339(fields, "end", problems), rfc3339(fields, "entry", problems),
              rfc3339(fields, "modified", problems), null, null), problems);
    }

    private String due(String text, List<Violation> problems) {
      Instant instant = instant(TaskRules.DUE, text, problems);
      return instant == null ? null : LocalDate.ofInstant(instant, zone).toString();
    }

    private static String priority(String text, List<Violation> problems) {
      if (text == null || text.isEmpty()) {
        return null;
      }
      switch (text) {
        case "H":
          return "3";
        case "M":
          return "2";
        case "L":
          return "1";
        default:
          problems.add(new Violation(TaskRules.PRIORITY, Excerpts.quote(text) + " is not a Taskwarrior priority",
              PRIORITIES));
          return null;
      }
    }

    private static List<String> tags(Map<?, ?> fields, List<Violation> problems) {
      List<String> tags = new ArrayList<>();
      Object value = fields.get("tags");
      if (value instanceof List<?> list) {
        for (Object tag : list) {
          if (!(tag instanceof String text)) {
            problems.add(new Violation(TaskRules.TAGS, "holds something other than a string", "a JSON array of strings"));
            return null;
          }
          tags.add(text);
        }
      } else if (value != null) {
        problems.add(new Violation(TaskRules.TAGS, "is not an array", "a JSON array of strings"));
      }
      String project = text(fields, "project", problems);
      if (project != null && !project.isEmpty()) {
        // A project is a tag here; Taskwarrior's sub-projects (home.garden) join with a dash.
        tags.add(project.replace('.', '-'));
      }
      return tags.isEmpty() ? null : tags;
    }

    private static String annotations(Map<?, ?> fields, List<Violation> problems) {
      Object value = fields.get("annotations");
      if (value == null) {
        return null;
      }
      if (!(value instanceof List<?> list)) {
        problems.add(new Violation(TaskRules.SHORTDESC, "(annotations) is not an array",
            "a JSON array of annotation objects"));
        return null;
      }
      List<String> lines = new ArrayList<>();
      for (Object annotation : list) {
        if (annotation instanceof Map<?, ?> map && map.get("description") instanceof String text) {
          lines.add(text);
        }
      }
      return String.join("\n", lines);
    }

    private static String rfc3339(Map<?, ?> fields, String field, List<Violation> problems) {
      Instant instant = instant(field, text(fields, field, problems), problems);
      return instant == null ? null : instant.toString();
    }

    private static Instant instant(String field, String text, List<Violation> problems) {
      if (text == null) {
        return null;
      }
      try {
        return LocalDateTime.parse(text, TIME).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notATime) {
        problems.add(new Violation(field, Excerpts.quote(text) + " is not a Taskwarrior time",
            "a time as 20261224T093000Z"));
        return null;
      }
    }

    private static String text(Map<?, ?> fields, String field, List<Violation> problems) {
      Object value = fields.get(field);
      if (value == null || value instanceof String) {
        return (String) value;
      }
      problems.add(new Violation(field, "is not a string", "a JSON string"));
      return null;
    }

    /** The value at the parser's token, as maps, lists, strings, booleans and numbers as text. */
    private static Object valueOf(JsonParser parser) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_OBJECT) {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, valueOf(parser));
        }
        return map;
      }
      if (token == JsonToken.START_ARRAY) {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(valueOf(parser));
        }
        return list;
      }
      if (token == JsonToken.VALUE_NULL) {
        return null;
      }
      if (token == JsonToken.VALUE_STRING) {
        return parser.getText();
      }
      return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE ? parser.getBooleanValue()
          : parser.getText();
    }
  }
}
