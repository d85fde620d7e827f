package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.port.TaskQuery.Position;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page starts, as an opaque token for links and scripts: the position of a task in one
 * order, and whether the page lies after it (next) or before it (previous).
 */
record PageCursor(boolean backward, SortBy sortBy, boolean descending, Position position) {

  private static final Pattern FORMAT = Pattern.compile("([ab])([ip])([ad]):(-?[0-9]{1,10}):([0-9]{1,19})");
  private static final String ACCEPTED = "a cursor from a link of the same listing, or none for the first page";

  static PageCursor after(Task task, SortBy sortBy, boolean descending) {
    return new PageCursor(false, sortBy, descending, Position.of(task));
  }

  static PageCursor before(Position position, SortBy sortBy, boolean descending) {
    return new PageCursor(true, sortBy, descending, position);
  }

  String encode() {
    String text = (backward ? "b" : "a") + (sortBy == SortBy.ID ? "i" : "p") + (descending ? "d" : "a")
        + ":" + position.priority() + ":" + position.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Reads a token made by {@link #encode()} for a listing in this order.
   *
   * @throws InvalidTaskException when the token is not one, or belongs to another order
   */
  static PageCursor decode(String token, SortBy sortBy, boolean descending) {
    Matcher matcher = token.length() > 64 ? null : FORMAT.matcher(decodeBase64(token));
    if (matcher == null || !matcher.matches()) {
      throw new InvalidTaskException(new Violation("cursor", "is not a valid cursor", ACCEPTED));
    }
    SortBy cursorSort = matcher.group(2).equals("i") ? SortBy.ID : SortBy.PRIORITY;
    boolean cursorDescending = matcher.group(3).equals("d");
    if (cursorSort != sortBy || cursorDescending != descending) {
      throw new InvalidTaskException(new Violation("cursor",
          "belongs to a listing in another order", ACCEPTED));
    }
    try {
      Position position = new Position(Integer.parseInt(matcher.group(4)), Long.parseLong(matcher.group(5)));
      return new PageCursor(matcher.group(1).equals("b"), sortBy, descending, position);
    } catch (NumberFormatException outOfRange) {
      throw new InvalidTaskException(new Violation("cursor", "is not a valid cursor", ACCEPTED));
    }
  }

  private static String decodeBase64(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException notBase64) {
      return "";
    }
  }
}
