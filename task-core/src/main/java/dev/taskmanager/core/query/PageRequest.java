package dev.taskmanager.core.model;

import dev.taskmanager.core.text.Excerpts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which page of tasks to list: the order, an optional title filter, where to start and how many.
 * The constructor throws {@link InvalidTaskException} when the limit or the filter is out of range.
 *
 * @param sortBy the order; ties are broken by id
 * @param descending whether the order is reversed
 * @param titleContains keep only tasks whose title contains this text, ignoring case; {@code null}
 *     or blank for all tasks
 * @param cursor where to start, as a previous {@link TaskPage} gave it; {@code null} for the first
 *     page. A cursor belongs to its order: using it with another is an error.
 * @param limit how many tasks at most, from 1 to {@link #MAX_LIMIT}
 */
public record PageRequest(
    SortBy sortBy, boolean descending, String titleContains, String cursor, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  private static final String LIMIT_ACCEPTED = "a whole number from 1 to " + MAX_LIMIT;
  private static final String FILTER_ACCEPTED =
      "up to " + TaskRules.TITLE_MAX_LENGTH + " characters, no control characters";

  public PageRequest {
    if (sortBy == null) {
      sortBy = SortBy.ID;
    }
    if (TaskRules.isBlank(titleContains)) {
      titleContains = null;
    }
    if (cursor != null && cursor.isEmpty()) {
      cursor = null;
    }
    List<Violation> violations = new ArrayList<>();
    if (limit < 1 || limit > MAX_LIMIT) {
      violations.add(new Violation("limit", limit + " is out of range", LIMIT_ACCEPTED));
    }
    checkFilter(titleContains, violations);
    if (!violations.isEmpty()) {
      throw new InvalidTaskException(violations);
    }
  }

  /** The first page in order of id, {@link #DEFAULT_LIMIT} tasks long. */
  public static PageRequest firstPage() {
    return new PageRequest(SortBy.ID, false, null, null, DEFAULT_LIMIT);
  }

  /**
   * A request from text, as a query string or command line gives it; {@code null} or blank values
   * take their defaults (sort by id, ascending, all titles, first page, {@link #DEFAULT_LIMIT}).
   *
   * @param sort {@code id} or {@code priority}
   * @param order {@code asc} or {@code desc}
   * @throws InvalidTaskException listing every value that is not accepted
   */
  public static PageRequest parse(
      String sort, String order, String titleContains, String cursor, String limit) {
    List<Violation> violations = new ArrayList<>();
    SortBy sortBy = parseSort(sort, violations);
    boolean descending = parseOrder(order, violations);
    int parsedLimit = parseLimit(limit, violations);
    checkFilter(titleContains, violations);
    if (!violations.isEmpty()) {
      throw new InvalidTaskException(violations);
    }
    return new PageRequest(sortBy, descending, titleContains, cursor, parsedLimit);
  }

  /** This request starting at another cursor ({@code null}: the first page). */
  public PageRequest at(String newCursor) {
    return new PageRequest(sortBy, descending, titleContains, newCursor, limit);
  }

  private static SortBy parseSort(String text, List<Violation> violations) {
    if (TaskRules.isBlank(text)) {
      return SortBy.ID;
    }
    for (SortBy candidate : SortBy.values()) {
      if (candidate.key().equals(TaskRules.trim(text).toLowerCase(Locale.ROOT))) {
        return candidate;
      }
    }
    violations.add(new Violation("sort", Excerpts.quote(text) + " is not a sort order", "id or priority"));
    return SortBy.ID;
  }

  private static boolean parseOrder(String text, List<Violation> violations) {
    if (TaskRules.isBlank(text)) {
      return false;
    }
    switch (TaskRules.trim(text).toLowerCase(Locale.ROOT)) {
      case "asc":
        return false;
      case "desc":
        return true;
      default:
        violations.add(new Violation("order", Excerpts.quote(text) + " is not a direction", "asc or desc"));
        return false;
    }
  }

  private static int parseLimit(String text, List<Violation> violations) {
    if (TaskRules.isBlank(text)) {
      return DEFAULT_LIMIT;
    }
    String digits = TaskRules.trim(text);
    if (!digits.matches("[0-9]{1,9}")) {
      violations.add(new Violation("limit", Excerpts.quote(text) + " is not a whole number from 1 to " + MAX_LIMIT,
          LIMIT_ACCEPTED));
      return DEFAULT_LIMIT;
    }
    int value = Integer.parseInt(digits);
    if (value < 1 || value > MAX_LIMIT) {
      violations.add(new Violation("limit", value + " is out of range", LIMIT_ACCEPTED));
      return DEFAULT_LIMIT;
    }
    return value;
  }

  private static void checkFilter(String titleContains, List<Violation> violations) {
    if (titleContains == null) {
      return;
    }
    List<Violation> found = new ArrayList<>();
    TaskRules.checkTitle(titleContains, found);
    // The filter shares the title's limits but names itself, so the message points at the right box.
    found.forEach(v -> violations.add(new Violation("title-contains", v.problem(), FILTER_ACCEPTED)));
  }
}
