package dev.taskmanager.core.usecase;

import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.port.TaskQuery.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a page starts, as an opaque token for links and scripts: the position of a task in one
 * order, and whether the page lies after it (next) or before it (previous). The token holds the
 * keys of its order only: {@code a|b}, the order's letter, {@code a|d}, then the keys after colons
 * (an empty key for none).
 */
record PageCursor(boolean backward, SortBy sortBy, boolean descending, Position position) {

  private static final String ACCEPTED = "a cursor from a link of the same listing, or none for the first page";
  private static final String ORDERS = "ipucd";
  private static final int MAX_TOKEN = 96;
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,19}");
  private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  static PageCursor after(Task task, SortBy sortBy, boolean descending) {
    return new PageCursor(false, sortBy, descending, Position.of(task));
  }

  static PageCursor before(Position position, SortBy sortBy, boolean descending) {
    return new PageCursor(true, sortBy, descending, position);
  }

  String encode() {
    StringBuilder text = new StringBuilder()
        .append(backward ? 'b' : 'a').append(ORDERS.charAt(sortBy.ordinal())).append(descending ? 'd' : 'a');
    switch (sortBy) {
      case PRIORITY -> text.append(':').append(position.priority());
      case DUE -> text.append(':').append(position.due() == null ? "" : position.due())
          .append(':').append(position.priority());
      case CREATED -> text.append(':').append(millis(position.createdAt()));
      case DONE -> text.append(':').append(millis(position.doneAt()));
      default -> { }
    }
    text.append(':').append(position.id());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Reads a token made by {@link #encode()} for a listing in this order.
   *
   * @throws InvalidTaskException when the token is not one, or belongs to another order
   */
  static PageCursor decode(String token, SortBy sortBy, boolean descending) {
    String text = token.length() > MAX_TOKEN ? "" : decodeBase64(token);
    String[] parts = text.split(":", -1);
    if (parts[0].length() != 3 || "ab".indexOf(parts[0].charAt(0)) < 0 || ORDERS.indexOf(parts[0].charAt(1)) < 0
        || "ad".indexOf(parts[0].charAt(2)) < 0) {
      throw invalid();
    }
    SortBy cursorSort = SortBy.values()[ORDERS.indexOf(parts[0].charAt(1))];
    boolean cursorDescending = parts[0].charAt(2) == 'd';
    if (cursorSort != sortBy || cursorDescending != descending) {
      throw new InvalidTaskException(new Violation("cursor", "belongs to a listing in another order", ACCEPTED));
    }
    int keys = switch (sortBy) {
      case ID -> 1;
      case DUE -> 3;
      default -> 2;
    };
    if (parts.length != keys + 1) {
      throw invalid();
    }
    try {
      long id = Long.parseLong(whole(parts[keys]));
      Position position = switch (sortBy) {
        case ID -> new Position(id, 0, null, null, null);
        case PRIORITY -> new Position(id, Integer.parseInt(whole(parts[1])), null, null, null);
        case DUE -> new Position(id, Integer.parseInt(whole(parts[2])), day(parts[1]), null, null);
        case CREATED -> new Position(id, 0, null, instant(parts[1]), null);
        case DONE -> new Position(id, 0, null, null, instant(parts[1]));
      };
      if (id < 0) {
        throw invalid();
      }
      return new PageCursor(parts[0].charAt(0) == 'b', sortBy, descending, position);
    } catch (RuntimeException notAKey) {
      throw invalid();
    }
  }

  private static String millis(Instant instant) {
    return instant == null ? "" : String.valueOf(instant.toEpochMilli());
  }

  private static String whole(String text) {
    if (!WHOLE.matcher(text).matches()) {
      throw invalid();
    }
    return text;
  }

  private static LocalDate day(String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (!DAY.matcher(text).matches()) {
      throw invalid();
    }
    return LocalDate.parse(text);
  }

  private static Instant instant(String text) {
    return text.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(whole(text)));
  }

  private static InvalidTaskException invalid() {
    return new InvalidTaskException(new Violation("cursor", "is not a valid cursor", ACCEPTED));
  }

  private static String decodeBase64(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException notBase64) {
      return "";
    }
  }
}
