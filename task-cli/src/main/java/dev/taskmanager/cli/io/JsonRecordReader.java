package dev.taskmanager.cli.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.core.text.JsonKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code json} (an array of task objects) and {@code jsonl} (one task object per line). Ids and
 * priorities may be JSON integers or strings of digits, and are handed to the core as text so its
 * messages apply; {@code null} or a missing field means "not given". Any other type, an unknown
 * field or a field given twice is a problem of that record.
 */
final class JsonRecordReader implements RecordReader {

  static final String FIELDS =
      "id, title, shortdesc, priority, done, done_at, created_at, updated_at, due, tags, created_by and updated_by";
  private static final String OBJECT_ACCEPTED = "a JSON object with " + FIELDS;

  /** Reads one object at the parser's current token as a record; {@code null} to leave it out. */
  interface Objects {
    RawRecord read(JsonParser parser, int number) throws IOException;
  }

  private final boolean lines;
  private final Objects objects;

  JsonRecordReader(boolean lines) {
    this(lines, JsonRecordReader::readRecord);
  }

  JsonRecordReader(boolean lines, Objects objects) {
    this.lines = lines;
    this.objects = objects;
  }

  @Override
  public ReadResult read(InputStream in) throws IOException {
    return lines ? readLines(in) : readArray(in);
  }

  private ReadResult readArray(InputStream in) throws IOException {
    List<RawRecord> records = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    int left = 0;
    try (JsonParser parser = Json.FACTORY.createParser(Utf8.strictReader(in))) {
      try {
        JsonToken token = parser.nextToken();
        if (token == null) {
          problems.add(new InputProblem(1, 0, "the input is empty; accepted: a JSON array of task objects"));
          return new ReadResult(records, problems);
        }
        if (token != JsonToken.START_ARRAY) {
          JsonLocation at = parser.currentTokenLocation();
          problems.add(new InputProblem(at.getLineNr(), at.getColumnNr(), "the input is " + kind(token)
              + ", not an array; accepted: a JSON array of task objects (or --format jsonl: one object per line)"));
          return new ReadResult(records, problems);
        }
        int number = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
          RawRecord record = objects.read(parser, ++number);
          if (record == null) {
            left++;
          } else {
            records.add(record);
          }
        }
        token = parser.nextToken();
        if (token != null) {
          JsonLocation at = parser.currentTokenLocation();
          problems.add(new InputProblem(at.getLineNr(), at.getColumnNr(),
              "more content after the array's closing bracket; accepted: one JSON array"));
        }
      } catch (JsonProcessingException | CharacterCodingException invalid) {
        problems.add(problem(parser, invalid));
      }
    }
    return new ReadResult(records, problems, left);
  }

  private ReadResult readLines(InputStream in) throws IOException {
    List<RawRecord> records = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    int left = 0;
    Reader reader = Utf8.strictReader(in);
    long lineNumber = 0;
    int number = 0;
    while (true) {
      String line;
      try {
        line = readLine(reader);
      } catch (CharacterCodingException notText) {
        problems.add(new InputProblem(lineNumber + 1, 0, "line " + Utf8.NOT_TEXT));
        break;
      } catch (LineTooLongException tooLong) {
        problems.add(new InputProblem(lineNumber + 1, 0, "the line is longer than " + MAX_RECORD_CHARS
            + " characters; accepted: one task object per line"));
        break;
      }
      if (line == null) {
        break;
      }
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      // Every non-blank line is a record, even one too broken to read, so numbers match the lines'.
      number++;
      try (JsonParser parser = Json.FACTORY.createParser(line)) {
        try {
          parser.nextToken();
          RawRecord record = objects.read(parser, number);
          if (record == null) {
            left++;
          } else {
            records.add(record.at(lineNumber));
          }
          if (parser.nextToken() != null) {
            problems.add(new InputProblem(lineNumber, parser.currentTokenLocation().getColumnNr(),
                "record " + number + ": more than one JSON value on the line; accepted: one task object per line"));
          }
        } catch (JsonProcessingException invalid) {
          InputProblem problem = problem(parser, invalid);
          records.add(RawRecord.unreadable(number, lineNumber, problem.column(), problem.message(),
              "one JSON task object per line"));
        }
      }
    }
    if (lineNumber == 0 && problems.isEmpty()) {
      problems.add(new InputProblem(1, 0, "the input is empty; accepted: one JSON task object per line"));
    }
    return new ReadResult(records, problems, left);
  }

  /** The next line without its end (LF or CRLF), or {@code null} at the end of the input. */
  private static String readLine(Reader reader) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = reader.read()) >= 0 && c != '\n') {
      if (line.length() >= MAX_RECORD_CHARS) {
        throw new LineTooLongException();
      }
      line.append((char) c);
    }
    if (c < 0 && line.length() == 0) {
      return null;
    }
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
  }

  private static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** Reads the value at the parser's current token as a record, leaving the parser on its last token. */
  static RawRecord readRecord(JsonParser parser, int number) throws IOException {
    long line = parser.currentTokenLocation().getLineNr();
    JsonToken token = parser.currentToken();
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return RawRecord.unreadable(number, line, 0, "is " + kind(token), OBJECT_ACCEPTED);
    }
    String id = null;
    String title = null;
    String shortdesc = null;
    String priority = null;
    String due = null;
    List<String> tags = null;
    String done = null;
    String doneAt = null;
    String createdAt = null;
    String updatedAt = null;
    String createdBy = null;
    String updatedBy = null;
    List<Violation> problems = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "id":
          id = valueOf(parser, value, name, Shape.WHOLE_NUMBER, problems);
          break;
        case "priority":
          priority = valueOf(parser, value, name, Shape.WHOLE_NUMBER, problems);
          break;
        case "title":
          title = valueOf(parser, value, name, Shape.TEXT, problems);
          break;
        case "shortdesc":
          shortdesc = valueOf(parser, value, name, Shape.TEXT, problems);
          break;
        case "due":
          due = valueOf(parser, value, name, Shape.TEXT, problems);
          break;
        case "tags":
          tags = tagsOf(parser, value, problems);
          break;
        case "done":
          done = valueOf(parser, value, name, Shape.BOOLEAN, problems);
          break;
        case "done_at":
          doneAt = valueOf(parser, value, name, Shape.TEXT, problems);
          break;
        case "created_at":
          createdAt = valueOf(parser, value, name, Shape.TEXT, problems);
          break;
        case "updated_at":
          updatedAt = valueOf(parser, value, name, Shape.TEXT, problems);
          break;
        case "created_by":
          createdBy = valueOf(parser, value, name, Shape.TEXT, problems);
          break;
        case "updated_by":
          updatedBy = valueOf(parser, value, name, Shape.TEXT, problems);
          break;
        default:
          problems.add(new Violation(Excerpts.quote(name), "is not a field of a task", FIELDS));
          parser.skipChildren();
      }
    }
    return RawRecord.read(number, line, id, title, shortdesc, priority,
        RawRecord.Newer.of(due, tags, done, doneAt, createdAt, updatedAt, createdBy, updatedBy), problems);
  }

  /** An array of strings; {@code null} for JSON null; a problem of the field for anything else. */
  private static List<String> tagsOf(JsonParser parser, JsonToken value, List<Violation> problems) throws IOException {
    String accepted = "a JSON array of strings";
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_ARRAY) {
      parser.skipChildren();
      problems.add(new Violation("tags", "is " + kind(value), accepted));
      return null;
    }
    List<String> tags = new ArrayList<>();
    JsonToken element;
    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (element != JsonToken.VALUE_STRING) {
        parser.skipChildren();
        problems.add(new Violation("tags", "holds " + kind(element), accepted));
        skipToEndOfArray(parser);
        return null;
      }
      tags.add(parser.getText());
    }
    return tags;
  }

  /** Leaves the parser on the end of the array it is in. */
  private static void skipToEndOfArray(JsonParser parser) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
        parser.skipChildren();
      }
    }
  }

  /**
   * The field's value as text, for the core's rules: {@code null} for JSON null; a problem of the
   * field, and {@code null}, for a type the field does not take.
   */
  private static String valueOf(JsonParser parser, JsonToken value, String field, Shape shape,
      List<Violation> problems) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (shape.tokens.contains(value)) {
      // As text: the core then says "1.5 is not a whole number" or "… is out of range", as everywhere.
      return parser.getText();
    }
    parser.skipChildren();
    problems.add(new Violation(field, "is " + kind(value), shape.accepted));
    return null;
  }

  /** What JSON a field takes. */
  private enum Shape {
    WHOLE_NUMBER(EnumSet.of(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT, JsonToken.VALUE_STRING),
        "a JSON integer (or a string of digits)"),
    TEXT(EnumSet.of(JsonToken.VALUE_STRING), "a JSON string"),
    BOOLEAN(EnumSet.of(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE), "true or false");

    final Set<JsonToken> tokens;
    final String accepted;

    Shape(Set<JsonToken> tokens, String accepted) {
      this.tokens = tokens;
      this.accepted = accepted;
    }
  }

  /** The value at this token in a message's words; a field name or an end token is no value. */
  static String kind(JsonToken token) {
    if (token == null) {
      return JsonKind.NOTHING.words();
    }
    switch (token) {
      case START_OBJECT:
        return JsonKind.OBJECT.words();
      case START_ARRAY:
        return JsonKind.ARRAY.words();
      case VALUE_STRING:
        return JsonKind.STRING.words();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return JsonKind.NUMBER.words();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return JsonKind.BOOLEAN.words();
      case VALUE_NULL:
        return JsonKind.NULL.words();
      default:
        return "not a JSON value";
    }
  }

  private static InputProblem problem(JsonParser parser, IOException invalid) {
    if (invalid instanceof CharacterCodingException) {
      return new InputProblem(parser.currentLocation().getLineNr(), 0, "the input " + Utf8.NOT_TEXT);
    }
    JsonProcessingException json = (JsonProcessingException) invalid;
    JsonLocation at = json.getLocation() != null ? json.getLocation() : parser.currentLocation();
    String message = invalid instanceof JsonEOFException
        ? "the input ends inside a JSON value (a truncated file?)"
        : "not valid JSON: " + firstLine(json.getOriginalMessage());
    return new InputProblem(at.getLineNr(), at.getColumnNr(), message);
  }

  private static String firstLine(String message) {
    // The parser's limits name the setting that holds them, which means nothing to the reader.
    String line = message == null ? "" : message.lines().findFirst().orElse("").replaceAll(", from `[^`]*`", "");
    return Excerpts.oneLine(line, 160);
  }
}
