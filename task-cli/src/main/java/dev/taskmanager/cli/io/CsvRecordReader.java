package dev.taskmanager.cli.io;

import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.text.Excerpts;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code csv}: RFC 4180 with a header naming the columns ({@code id} and {@code title}
 * required; {@code shortdesc}, {@code priority}, {@code done}, {@code done_at}, {@code created_at},
 * {@code updated_at}, {@code due}, {@code tags}, {@code created_by} and {@code updated_by} optional;
 * any order). Tags are separated by spaces
 * or commas. Quoted fields may span lines; empty lines are skipped. Every value is text for the core
 * to read.
 */
final class CsvRecordReader implements RecordReader {

  private static final List<String> OPTIONAL = List.of("shortdesc", "priority", "done", "done_at", "created_at",
      "updated_at", "due", "tags", "created_by", "updated_by");
  private static final String COLUMNS = "a header of id, title and optionally " + String.join(", ", OPTIONAL);

  @Override
  public ReadResult read(InputStream in) throws IOException {
    List<RawRecord> records = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    Lexer lexer = new Lexer(Utf8.strictReader(in));
    try {
      List<String> header = lexer.next();
      if (header == null) {
        problems.add(new InputProblem(1, 0, "the input is empty; accepted: CSV with " + COLUMNS));
        return new ReadResult(records, problems);
      }
      Map<String, Integer> columns = columns(header, lexer.recordLine(), problems);
      if (!problems.isEmpty()) {
        return new ReadResult(records, problems);
      }
      List<String> fields;
      while ((fields = lexer.next()) != null) {
        int number = records.size() + 1;
        if (fields.size() != header.size()) {
          records.add(RawRecord.unreadable(number, lexer.recordLine(), 0,
              "has " + fields.size() + (fields.size() == 1 ? " field" : " fields"),
              header.size() + " fields, as the header has"));
          continue;
        }
        String tags = value(fields, columns, "tags");
        RawRecord.Newer newer = RawRecord.Newer.of(value(fields, columns, "due"),
            tags == null ? null : TaskRules.splitTags(tags),
            value(fields, columns, "done"), value(fields, columns, "done_at"), value(fields, columns, "created_at"),
            value(fields, columns, "updated_at"), value(fields, columns, "created_by"),
            value(fields, columns, "updated_by"));
        records.add(RawRecord.read(number, lexer.recordLine(), value(fields, columns, "id"),
            value(fields, columns, "title"), value(fields, columns, "shortdesc"),
            value(fields, columns, "priority"), newer, List.of()));
      }
    } catch (CsvSyntaxException invalid) {
      problems.add(new InputProblem(invalid.line, 0, invalid.getMessage()));
    } catch (CharacterCodingException notText) {
      problems.add(new InputProblem(lexer.line(), 0, "the input " + Utf8.NOT_TEXT));
    }
    return new ReadResult(records, problems);
  }

  private static Map<String, Integer> columns(List<String> header, long line, List<InputProblem> problems) {
    Map<String, Integer> columns = new HashMap<>();
    for (int index = 0; index < header.size(); index++) {
      String name = header.get(index).strip().toLowerCase(Locale.ROOT);
      if (!name.equals("id") && !name.equals("title") && !OPTIONAL.contains(name)) {
        problems.add(new InputProblem(line, 0, "column " + Excerpts.quote(header.get(index))
            + " is not a field of a task; accepted: " + COLUMNS));
      } else if (columns.putIfAbsent(name, index) != null) {
        problems.add(new InputProblem(line, 0, "column \"" + name + "\" appears twice; accepted: " + COLUMNS));
      }
    }
    for (String required : List.of("id", "title")) {
      if (problems.isEmpty() && !columns.containsKey(required)) {
        problems.add(new InputProblem(line, 0, "the header has no \"" + required + "\" column; accepted: " + COLUMNS));
      }
    }
    return columns;
  }

  private static String value(List<String> fields, Map<String, Integer> columns, String name) {
    Integer index = columns.get(name);
    return index == null ? null : fields.get(index);
  }

  /** A break in the CSV syntax, after which the records cannot be told apart. */
  static final class CsvSyntaxException extends IOException {
    private static final long serialVersionUID = 1L;
    final long line;

    CsvSyntaxException(long line, String message) {
      super(message);
      this.line = line;
    }
  }

  /** Splits the text into records of fields, counting lines (a quoted field may hold line breaks). */
  static final class Lexer {
    private final Reader reader;
    private int pending = -2;
    private long line = 1;
    private long recordLine;

    Lexer(Reader reader) {
      this.reader = reader;
    }

    long line() {
      return line;
    }

    /** The line the last record returned starts on. */
    long recordLine() {
      return recordLine;
    }

    /** The next record's fields, or {@code null} at the end; empty lines are skipped. */
    List<String> next() throws IOException {
      while (true) {
        int c = peek();
        if (c == -1) {
          return null;
        }
        if (c == '\n' || c == '\r') {
          endOfLine();
          continue;
        }
        return record();
      }
    }

    private List<String> record() throws IOException {
      recordLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      long length = 0;
      while (true) {
        if (++length > MAX_RECORD_CHARS) {
          throw new CsvSyntaxException(recordLine, "the record is longer than " + MAX_RECORD_CHARS
              + " characters; accepted: a record of id, title, shortdesc and priority");
        }
        int c = read();
        if (c == '"' && field.length() == 0) {
          quoted(field);
          length += field.length();
          c = peek();
          if (c != ',' && c != '\n' && c != '\r' && c != -1) {
            throw new CsvSyntaxException(line, "text after the closing quote of a field; "
                + "accepted: a quote inside a quoted field written twice (\"\")");
          }
          continue;
        }
        if (c == '"') {
          throw new CsvSyntaxException(line, "a quote inside an unquoted field; "
              + "accepted: the whole field in quotes, with each quote inside written twice (\"\")");
        }
        if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          continue;
        }
        if (c == -1 || c == '\n' || c == '\r') {
          if (c != -1) {
            pending = c;
            endOfLine();
          }
          fields.add(field.toString());
          return fields;
        }
        field.append((char) c);
      }
    }

    private void quoted(StringBuilder field) throws IOException {
      long start = line;
      while (true) {
        int c = read();
        if (c == -1) {
          throw new CsvSyntaxException(start, "the quoted field that starts on this line is never closed "
              + "(a truncated file?); accepted: a closing quote before the end of the input");
        }
        if (c == '"') {
          if (peek() == '"') {
            read();
            field.append('"');
            continue;
          }
          return;
        }
        if (field.length() > MAX_RECORD_CHARS) {
          throw new CsvSyntaxException(start, "the quoted field that starts on this line is longer than "
              + MAX_RECORD_CHARS + " characters (a quote never closed?); accepted: a closing quote");
        }
        if (c == '\n') {
          line++;
        } else if (c == '\r') {
          line++;
          if (peek() == '\n') {
            read();
          }
          // Line breaks inside a value are kept as LF, as the core stores them.
          c = '\n';
        }
        field.append((char) c);
      }
    }

    /** Consumes one LF, CR or CRLF. */
    private void endOfLine() throws IOException {
      int c = read();
      if (c == '\r' && peek() == '\n') {
        read();
      }
      line++;
    }

    private int peek() throws IOException {
      if (pending == -2) {
        pending = reader.read();
      }
      return pending;
    }

    private int read() throws IOException {
      int c = peek();
      pending = -2;
      return c;
    }
  }
}
