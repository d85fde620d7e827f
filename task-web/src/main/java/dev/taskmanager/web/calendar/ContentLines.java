package dev.taskmanager.web.calendar;

import java.nio.charset.StandardCharsets;

/**
 * iCalendar's content lines (RFC 5545, section 3.1): {@code NAME[;PARAM=VALUE]:value}, ended by
 * CRLF, folded so that no line is longer than 75 octets (a continuation starts with a space, and a
 * fold never splits a UTF-8 sequence); TEXT values escaped (section 3.3.11).
 */
final class ContentLines {

  private static final int LONGEST_LINE_OCTETS = 75;

  private final StringBuilder out = new StringBuilder();

  /** A property whose value is written as it is: dates, numbers, URIs, fixed words. */
  ContentLines raw(String nameAndParameters, String value) {
    return line(nameAndParameters + ":" + value);
  }

  /** A property of type TEXT: backslash, semicolon, comma and line breaks escaped; other controls dropped. */
  ContentLines text(String name, String value) {
    return raw(name, escape(value));
  }

  String toText() {
    return out.toString();
  }

  static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    String lines = value.replace("\r\n", "\n").replace('\r', '\n');
    for (int i = 0; i < lines.length(); i++) {
      char c = lines.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case ';' -> escaped.append("\\;");
        case ',' -> escaped.append("\\,");
        case '\n' -> escaped.append("\\n");
        default -> {
          if (c >= 0x20 && c != 0x7f || c == '\t') {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  private ContentLines line(String line) {
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int codePoint = line.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > LONGEST_LINE_OCTETS) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append("\r\n");
    return this;
  }
}
