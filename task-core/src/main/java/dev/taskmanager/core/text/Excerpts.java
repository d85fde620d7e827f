package dev.taskmanager.core.text;

import java.util.Locale;

/**
 * Echoes text in a message: a 10 KB value, a line break or a terminal escape sequence in it must
 * still give one readable line, and the cut never falls inside a character.
 */
public final class Excerpts {

  /** How long a value quoted in a message may be, in characters: a line still fits a terminal. */
  public static final int QUOTED_CHARACTERS = 40;
  private static final String ELLIPSIS = "…";

  private Excerpts() {}

  /**
   * The first {@code max} characters (code points, not UTF-16 units) of the text, and {@code …}
   * when there were more.
   */
  public static String shorten(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max)) + ELLIPSIS;
  }

  /**
   * The text shortened, fit for one line: every character that would not show as itself there (a
   * control or format character such as a line break, NUL, an escape or a right-to-left override,
   * a line or paragraph separator, half of a surrogate pair, an unassigned or private-use code
   * point) written as {@code \}{@code uXXXX}.
   */
  public static String oneLine(String text, int max) {
    StringBuilder shown = new StringBuilder();
    shorten(text, max).codePoints().forEach(codePoint -> {
      if (showsAsItself(codePoint)) {
        shown.appendCodePoint(codePoint);
      } else {
        shown.append(String.format(Locale.ROOT, "\\u%04X", codePoint));
      }
    });
    return shown.toString();
  }

  /** A value for a message, on one line and shortened to {@link #QUOTED_CHARACTERS}: a field's name. */
  public static String oneLine(String text) {
    return oneLine(text, QUOTED_CHARACTERS);
  }

  /**
   * A whole message on one line, however many lines the text it quotes had (a store's error, a
   * parser's report): each run of line breaks, line or paragraph separators and other control
   * characters becomes a space. Nothing is cut.
   */
  public static String joinLines(String message) {
    return message == null ? "" : message.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ");
  }

  /** The text on one line, shortened to {@link #QUOTED_CHARACTERS}, in double quotes. */
  public static String quote(String text) {
    return "\"" + oneLine(text) + "\"";
  }

  /** Whether the character shows as itself on one line of a terminal or a page. */
  public static boolean showsAsItself(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
      case Character.PRIVATE_USE:
        return false;
      default:
        return true;
    }
  }
}
