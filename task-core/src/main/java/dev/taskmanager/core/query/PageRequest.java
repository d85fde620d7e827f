package dev.taskmanager.core.query;

import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.text.Excerpts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which page of tasks to list: the search (which tasks, in which order), where to start and how
 * many. The constructor throws {@link InvalidTaskException} when the limit is out of range.
 *
 * @param search which tasks and in which order
 * @param cursor where to start, as a previous {@link TaskPage} gave it; {@code null} for the first
 *     page. A cursor belongs to its order: using it with another is an error.
 * @param limit how many tasks at most, from 1 to {@link #MAX_LIMIT}
 */
public record PageRequest(TaskSearch search, String cursor, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  private static final String LIMIT_ACCEPTED = "a whole number from 1 to " + MAX_LIMIT;

  public PageRequest {
    Objects.requireNonNull(search, "search");
    if (cursor != null && cursor.isEmpty()) {
      cursor = null;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidTaskException(new Violation("limit", limit + " is out of range", LIMIT_ACCEPTED));
    }
  }

  /** The first page of the default listing, {@link #DEFAULT_LIMIT} tasks long. */
  public static PageRequest firstPage() {
    return new PageRequest(TaskSearch.DEFAULT, null, DEFAULT_LIMIT);
  }

  /**
   * A request from text, as a query string or command line gives it; {@code null} or blank values
   * take their defaults (the default listing, first page, {@link #DEFAULT_LIMIT}).
   *
   * @param query in the query language ({@link SearchParser})
   * @param today the person's today, for the query's dates
   * @throws InvalidTaskException listing every value that is not accepted
   */
  public static PageRequest parse(String query, String cursor, String limit, LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    TaskSearch search = TaskSearch.DEFAULT;
    try {
      search = SearchParser.parse(query, today);
    } catch (InvalidTaskException invalid) {
      violations.addAll(invalid.violations());
    }
    int parsedLimit = parseLimit(limit, violations);
    if (!violations.isEmpty()) {
      throw new InvalidTaskException(violations);
    }
    return new PageRequest(search, cursor, parsedLimit);
  }

  /** This request starting at another cursor ({@code null}: the first page). */
  public PageRequest at(String newCursor) {
    return new PageRequest(search, newCursor, limit);
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
}
