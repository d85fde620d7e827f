package dev.taskmanager.core.model;

import dev.taskmanager.core.text.Excerpts;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a task's fields obey, checked here and nowhere else. Lengths count characters as a
 * person does (Unicode code points: an emoji is one), not UTF-16 units.
 *
 * <p>The limits are public so adapters can show them (an input's {@code maxlength}, an OpenAPI
 * schema); the checks are package-private and run when a {@link TaskDraft}, {@link TaskPatch} or
 * {@link TaskInput} is built.
 */
public final class TaskRules {

  public static final int TITLE_MAX_LENGTH = 200;
  public static final int SHORTDESC_MAX_LENGTH = 2000;
  public static final int PRIORITY_MIN = 0;
  public static final int PRIORITY_MAX = 1000;
  /** The priority a task gets when none is given. */
  public static final int DEFAULT_PRIORITY = 0;

  /** The fields' names, as violations name them. */
  public static final String TITLE = "title";
  public static final String SHORTDESC = "shortdesc";
  public static final String PRIORITY = "priority";
  public static final String ID = "id";
  public static final String DUE = "due";
  public static final String TAGS = "tags";
  public static final String DONE = "done";

  public static final int MAX_TAGS = 20;
  /** The longest name of who created or changed a task: a user's name, or a system user's on the command line. */
  public static final int AUTHOR_MAX_LENGTH = 128;
  public static final int TAG_MAX_LENGTH = 32;
  /** What a tag may hold, once lower-cased. */
  public static final String TAG_PATTERN = "[a-z0-9_-]{1," + TAG_MAX_LENGTH + "}";

  private static final String TITLE_ACCEPTED =
      "1 to " + TITLE_MAX_LENGTH + " characters, no control characters";
  private static final String SHORTDESC_ACCEPTED =
      "up to " + SHORTDESC_MAX_LENGTH + " characters; newlines and tabs but no other control characters";
  private static final String PRIORITY_ACCEPTED =
      "a whole number from " + PRIORITY_MIN + " to " + PRIORITY_MAX + " (empty means " + DEFAULT_PRIORITY + ")";
  private static final String ID_ACCEPTED = "a whole number from 0 to " + Long.MAX_VALUE;
  private static final String AUTHOR_ACCEPTED = "a name of 1 to " + AUTHOR_MAX_LENGTH
      + " characters without control characters, or nothing (null) when unknown";
  private static final String TAGS_ACCEPTED = "at most " + MAX_TAGS + " tags, each 1 to " + TAG_MAX_LENGTH
      + " characters of letters a-z, digits, - and _ (upper case is lowered)";
  private static final Pattern TAG = Pattern.compile(TAG_PATTERN);
  private static final Pattern TAG_SEPARATORS = Pattern.compile("[,\\s]+");

  /** Stands for any number with more than 30 digits: all such numbers are out of every range. */
  private static final BigInteger HUGE = BigInteger.TEN.pow(31);

  private TaskRules() {}

  /** Checks a title that is already trimmed; {@code null} counts as empty. */
  static void checkTitle(String title, List<Violation> violations) {
    if (title == null || title.isEmpty()) {
      violations.add(new Violation(TITLE, "is empty", TITLE_ACCEPTED));
      return;
    }
    checkLength(TITLE, title, TITLE_MAX_LENGTH, TITLE_ACCEPTED, violations);
    checkCharacters(TITLE, title, false, TITLE_ACCEPTED, violations);
  }

  static void checkShortdesc(String shortdesc, List<Violation> violations) {
    checkLength(SHORTDESC, shortdesc, SHORTDESC_MAX_LENGTH, SHORTDESC_ACCEPTED, violations);
    checkCharacters(SHORTDESC, shortdesc, true, SHORTDESC_ACCEPTED, violations);
  }

  static void checkPriority(int priority, List<Violation> violations) {
    if (priority < PRIORITY_MIN || priority > PRIORITY_MAX) {
      violations.add(new Violation(PRIORITY, priority + " is out of range", PRIORITY_ACCEPTED));
    }
  }

  /**
   * Tags as a person typed them, lower-cased and trimmed, repeats dropped, in their order; a
   * violation for each one that breaks the rules, and one for too many. {@code null} stays
   * {@code null}.
   */
  static List<String> normalizeTags(List<String> typed, List<Violation> violations) {
    if (typed == null) {
      return null;
    }
    Set<String> tags = new LinkedHashSet<>();
    for (String raw : typed) {
      String tag = trim(raw == null ? "" : raw).toLowerCase(Locale.ROOT);
      if (!TAG.matcher(tag).matches()) {
        violations.add(new Violation(TAGS, describeTag(raw, tag), TAGS_ACCEPTED));
        return List.copyOf(tags);
      }
      tags.add(tag);
    }
    if (tags.size() > MAX_TAGS) {
      violations.add(new Violation(TAGS, "has " + tags.size() + " tags", TAGS_ACCEPTED));
    }
    return List.copyOf(tags);
  }

  /**
   * The tags of one typed field, as a form or a CSV column holds them: separated by commas or white
   * space, empty ones dropped. Not checked here: the input that carries them is, with the messages.
   */
  public static List<String> splitTags(String typed) {
    return TAG_SEPARATORS.splitAsStream(typed.strip()).filter(tag -> !tag.isEmpty()).toList();
  }

  /** Whether {@code tag} is a tag as stored: lower case, of the accepted characters and length. */
  public static boolean isTag(String tag) {
    return tag != null && TAG.matcher(tag).matches();
  }

  private static String describeTag(String raw, String tag) {
    if (tag.isEmpty()) {
      return "holds an empty tag";
    }
    int length = tag.codePointCount(0, tag.length());
    if (length > TAG_MAX_LENGTH) {
      return "holds a tag of " + length + " characters";
    }
    return "holds the tag " + Excerpts.quote(raw) + ", which has characters a tag cannot have";
  }

  /**
   * Reads a priority typed by a person. Blank means the default. Returns {@code null} and adds a
   * violation when the text is not an accepted priority.
   */
  static Integer parsePriority(String text, List<Violation> violations) {
    if (isBlank(text)) {
      return DEFAULT_PRIORITY;
    }
    BigInteger value = parseWholeNumber(trim(text));
    if (value == null) {
      violations.add(new Violation(PRIORITY, Excerpts.quote(text) + " is not a whole number", PRIORITY_ACCEPTED));
      return null;
    }
    if (value.compareTo(BigInteger.valueOf(PRIORITY_MIN)) < 0
        || value.compareTo(BigInteger.valueOf(PRIORITY_MAX)) > 0) {
      violations.add(new Violation(PRIORITY, describe(value) + " is out of range", PRIORITY_ACCEPTED));
      return null;
    }
    return value.intValueExact();
  }

  /** Reads a task id typed by a person; returns {@code null} and adds a violation when it is not one. */
  static Long parseId(String text, List<Violation> violations) {
    if (isBlank(text)) {
      violations.add(new Violation(ID, "is empty", ID_ACCEPTED));
      return null;
    }
    BigInteger value = parseWholeNumber(trim(text));
    if (value == null) {
      violations.add(new Violation(ID, Excerpts.quote(text) + " is not a whole number", ID_ACCEPTED));
      return null;
    }
    if (value.signum() < 0 || value.bitLength() > 63) {
      violations.add(new Violation(ID, describe(value) + " is out of range", ID_ACCEPTED));
      return null;
    }
    return value.longValueExact();
  }

  /**
   * Who created or last changed a task, as an import file names them: trimmed, {@code null} when
   * blank; at most {@value #AUTHOR_MAX_LENGTH} characters, none of them a control character.
   */
  static String parseAuthor(String field, String text, List<Violation> violations) {
    if (isBlank(text)) {
      return null;
    }
    String author = trim(text);
    if (author.length() > AUTHOR_MAX_LENGTH || author.chars().anyMatch(Character::isISOControl)) {
      violations.add(new Violation(field, author.length() > AUTHOR_MAX_LENGTH ? "has " + author.length()
          + " characters" : Excerpts.quote(author) + " holds a control character", AUTHOR_ACCEPTED));
      return null;
    }
    return author;
  }

  static void checkId(long id, List<Violation> violations) {
    if (id < 0) {
      violations.add(new Violation(ID, id + " is out of range", ID_ACCEPTED));
    }
  }

  /**
   * Strips surrounding white space as Unicode defines it (the White_Space property), no-break
   * spaces included, which {@link String#strip()} keeps and pasted text often starts with.
   * {@code null} stays {@code null}.
   */
  public static String trim(String text) {
    if (text == null) {
      return null;
    }
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Whether the text is missing or holds nothing but white space (as {@link #trim} sees it). */
  public static boolean isBlank(String text) {
    return text == null || trim(text).isEmpty();
  }

  private static boolean isSpace(char c) {
    return Character.isSpaceChar(c) || (c >= '\t' && c <= '\r') || c == '\u0085';
  }

  /**
   * Turns every line ending into a newline: browsers submit a text area's lines with CRLF, and a
   * description must read the same whichever client wrote it.
   */
  static String normalizeLineEndings(String text) {
    return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /**
   * A whole number in ASCII digits with an optional sign, of any length, so that a huge number is
   * reported as out of range rather than as not a number; {@code null} for anything else.
   */
  private static BigInteger parseWholeNumber(String text) {
    int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    if (start == text.length()) {
      return null;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    // Bounded: a 10 KB run of digits is out of range either way and must not cost a 10 KB BigInteger.
    if (text.length() - start > 30) {
      return text.charAt(0) == '-' ? HUGE.negate() : HUGE;
    }
    return new BigInteger(text);
  }

  private static void checkLength(
      String field, String text, int max, String accepted, List<Violation> violations) {
    int length = text.codePointCount(0, text.length());
    if (length > max) {
      violations.add(new Violation(field, "is " + length + " characters long", accepted));
    }
  }

  private static void checkCharacters(
      String field, String text, boolean multiline, String accepted, List<Violation> violations) {
    int position = 0;
    for (int i = 0; i < text.length(); position++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          violations.add(new Violation(field,
              "contains an invalid character (an unpaired surrogate) at position " + (position + 1), accepted));
          return;
        }
        i += 2;
        continue;
      }
      boolean allowed = multiline && (c == '\n' || c == '\t');
      if (Character.isISOControl(c) && !allowed) {
        violations.add(new Violation(field,
            "contains the control character " + String.format(Locale.ROOT, "U+%04X", (int) c)
                + " at position " + (position + 1), accepted));
        return;
      }
      i++;
    }
  }

  private static String describe(BigInteger value) {
    return value.abs().equals(HUGE) ? (value.signum() < 0 ? "a huge negative number" : "a huge number") : value.toString();
  }
}
