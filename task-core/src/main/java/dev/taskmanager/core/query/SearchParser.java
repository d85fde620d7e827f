package dev.taskmanager.core.query;

import dev.taskmanager.core.model.DueDates;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.TaskRules;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.query.TaskFilter.Status;
import dev.taskmanager.core.text.Excerpts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the query language, the same on the page's search box, the API's {@code ?q=} and the
 * command line's {@code task list QUERY...}. Terms are separated by white space and all must hold:
 *
 * <ul>
 *   <li>{@code is:open} (the default), {@code is:done}, {@code is:any}
 *   <li>{@code tag:home} has the tag, {@code -tag:work} has not
 *   <li>{@code due:2026-12-24}, {@code due:today}, {@code due<+7d}, {@code due>=monday} (also
 *       {@code =}, {@code <=}, {@code >}), {@code due:none}; dates as {@link DueDates} reads them
 *   <li>{@code overdue}: due before today
 *   <li>{@code priority>=5} (also {@code :}, {@code =}, {@code <}, {@code <=}, {@code >})
 *   <li>{@code sort:due}, {@code sort:priority}, {@code sort:id}, {@code sort:created},
 *       {@code sort:done}; {@code sort:-due} for the reverse
 *   <li>any other word, or {@code "a quoted phrase"}: in the title or the description, ignoring case
 * </ul>
 *
 * <p>Without a sort, open tasks list by due day and done ones most recently completed first. A
 * mistake is one {@link Violation} of the field {@value #FIELD} naming the term, its position and
 * what is accepted.
 */
public final class SearchParser {

  /** The name problems with a query carry, as the API's parameter is called. */
  public static final String FIELD = "q";
  public static final int MAX_LENGTH = 500;
  public static final String SYNTAX = "is:open|done|any, tag:NAME, -tag:NAME, due:DATE or due:none, "
      + "due<DATE (also <=, >, >=), overdue, priority>=N (also :, <, <=, >), "
      + "sort:id|priority|due|created|done (-FIELD reverses), words and \"quoted phrases\"";

  private static final Pattern OPERATION = Pattern.compile("(-?)([A-Za-z_]+)(:|<=|>=|<|>|=)(.*)", Pattern.DOTALL);
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

  private final LocalDate today;
  private Status status;
  private final Set<String> tags = new LinkedHashSet<>();
  private final Set<String> withoutTags = new LinkedHashSet<>();
  private LocalDate dueFrom;
  private LocalDate dueTo;
  private boolean dueNone;
  private Integer priorityMin;
  private Integer priorityMax;
  private final List<String> words = new ArrayList<>();
  private SortBy sortBy;
  private boolean descending;

  private SearchParser(LocalDate today) {
    this.today = today;
  }

  /**
   * Reads a query; {@code null} or blank is the default listing.
   *
   * @param today the person's today, for {@code due:today}, {@code overdue} and the like
   * @throws InvalidTaskException naming the first term that is not understood
   */
  public static TaskSearch parse(String text, LocalDate today) {
    if (text == null || TaskRules.trim(text).isEmpty()) {
      return TaskSearch.DEFAULT;
    }
    int length = text.codePointCount(0, text.length());
    if (length > MAX_LENGTH) {
      throw new InvalidTaskException(new Violation(FIELD, "is " + length + " characters long",
          "up to " + MAX_LENGTH + " characters of " + SYNTAX));
    }
    SearchParser parser = new SearchParser(today);
    parser.readAll(text);
    return parser.result(TaskRules.trim(text));
  }

  private void readAll(String text) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        i++;
        continue;
      }
      int start = i;
      if (c == '"') {
        int close = text.indexOf('"', i + 1);
        if (close < 0) {
          throw problem(text.substring(start), start, "has no closing quote", "a phrase between two double quotes");
        }
        phrase(text.substring(i + 1, close), text.substring(start, close + 1), start);
        i = close + 1;
        continue;
      }
      while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && !Character.isSpaceChar(text.charAt(i))) {
        i++;
      }
      term(text.substring(start, i), start);
    }
  }

  private void term(String term, int position) {
    if (term.equalsIgnoreCase("overdue")) {
      dueTo = earlier(dueTo, today.minusDays(1));
      return;
    }
    Matcher operation = OPERATION.matcher(term);
    if (!operation.matches()) {
      phrase(term, term, position);
      return;
    }
    boolean negated = !operation.group(1).isEmpty();
    String name = operation.group(2).toLowerCase(Locale.ROOT);
    String operator = operation.group(3);
    String value = operation.group(4);
    if (negated && !name.equals("tag")) {
      phrase(term, term, position);
      return;
    }
    switch (name) {
      case "is" -> is(term, position, operator, value);
      case "tag" -> tag(term, position, operator, value, negated);
      case "due" -> due(term, position, operator, value);
      case "priority" -> priority(term, position, operator, value);
      case "sort" -> sort(term, position, operator, value);
      default -> throw problem(term, position, Excerpts.quote(name) + " is not a filter",
          SYNTAX + "; to search for the text itself, put it in double quotes");
    }
  }

  private void is(String term, int position, String operator, String value) {
    String accepted = "is:open, is:done or is:any, once";
    if (!operator.equals(":")) {
      throw problem(term, position, "compares with " + operator, accepted);
    }
    if (status != null) {
      throw problem(term, position, "is a second is: term", accepted);
    }
    status = switch (value.toLowerCase(Locale.ROOT)) {
      case "open" -> Status.OPEN;
      case "done" -> Status.DONE;
      case "any" -> Status.ANY;
      default -> throw problem(term, position, Excerpts.quote(value) + " is not a state", accepted);
    };
  }

  private void tag(String term, int position, String operator, String value, boolean negated) {
    String tag = value.toLowerCase(Locale.ROOT);
    String accepted = "tag:NAME or -tag:NAME, NAME being 1 to " + TaskRules.TAG_MAX_LENGTH
        + " characters of letters a-z, digits, - and _";
    if (!operator.equals(":")) {
      throw problem(term, position, "compares with " + operator, accepted);
    }
    if (!TaskRules.isTag(tag)) {
      throw problem(term, position, Excerpts.quote(value) + " is not a tag", accepted);
    }
    (negated ? withoutTags : tags).add(tag);
  }

  private void due(String term, int position, String operator, String value) {
    if (operator.equals(":") && value.equalsIgnoreCase("none")) {
      dueNone = true;
      return;
    }
    List<Violation> found = new ArrayList<>();
    LocalDate date = DueDates.parse(value, today, FIELD, found);
    if (date == null) {
      String accepted = operator.equals(":") ? DueDates.WORDS_ACCEPTED + ", or none" : DueDates.WORDS_ACCEPTED;
      throw problem(term, position, found.get(0).problem(), accepted);
    }
    switch (operator) {
      case ":", "=" -> {
        dueFrom = later(dueFrom, date);
        dueTo = earlier(dueTo, date);
      }
      case "<" -> dueTo = earlier(dueTo, date.minusDays(1));
      case "<=" -> dueTo = earlier(dueTo, date);
      case ">" -> dueFrom = later(dueFrom, date.plusDays(1));
      default -> dueFrom = later(dueFrom, date);
    }
  }

  private void priority(String term, int position, String operator, String value) {
    String accepted = "priority followed by :, =, <, <=, > or >= and a whole number from "
        + TaskRules.PRIORITY_MIN + " to " + TaskRules.PRIORITY_MAX;
    if (!NUMBER.matcher(value).matches() || Integer.parseInt(value) > TaskRules.PRIORITY_MAX) {
      throw problem(term, position, Excerpts.quote(value) + " is not a priority", accepted);
    }
    int number = Integer.parseInt(value);
    switch (operator) {
      case ":", "=" -> {
        priorityMin = max(priorityMin, number);
        priorityMax = min(priorityMax, number);
      }
      case "<" -> priorityMax = min(priorityMax, number - 1);
      case "<=" -> priorityMax = min(priorityMax, number);
      case ">" -> priorityMin = max(priorityMin, number + 1);
      default -> priorityMin = max(priorityMin, number);
    }
  }

  private void sort(String term, int position, String operator, String value) {
    String accepted = "one of sort:id, sort:priority, sort:due, sort:created, sort:done, "
        + "with - before the field for descending (sort:-due), once";
    if (!operator.equals(":")) {
      throw problem(term, position, "compares with " + operator, accepted);
    }
    if (sortBy != null) {
      throw problem(term, position, "is a second sort", accepted);
    }
    boolean reverse = value.startsWith("-");
    String field = (reverse ? value.substring(1) : value).toLowerCase(Locale.ROOT);
    for (SortBy candidate : SortBy.values()) {
      if (candidate.key().equals(field)) {
        sortBy = candidate;
        descending = reverse;
        return;
      }
    }
    throw problem(term, position, Excerpts.quote(value) + " is not a sort field", accepted);
  }

  private void phrase(String phrase, String term, int position) {
    String trimmed = TaskRules.trim(phrase);
    if (trimmed.isEmpty()) {
      throw problem(term, position, "is an empty phrase", "a phrase of at least one character between double quotes");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw problem(term, position, "contains a control character", "words and phrases of printable characters");
    }
    words.add(trimmed);
  }

  private TaskSearch result(String text) {
    Status chosen = status == null ? Status.OPEN : status;
    TaskFilter filter = new TaskFilter(chosen, List.copyOf(tags), List.copyOf(withoutTags), dueFrom, dueTo, dueNone,
        priorityMin, priorityMax, words);
    if (sortBy == null) {
      return new TaskSearch(text, filter, chosen == Status.DONE ? SortBy.DONE : SortBy.DUE, chosen == Status.DONE);
    }
    return new TaskSearch(text, filter, sortBy, descending);
  }

  private InvalidTaskException problem(String term, int position, String problem, String accepted) {
    return new InvalidTaskException(new Violation(FIELD,
        "the term " + Excerpts.quote(term) + " at position " + (position + 1) + ": " + problem, accepted));
  }

  private static LocalDate earlier(LocalDate current, LocalDate candidate) {
    return current == null || candidate.isBefore(current) ? candidate : current;
  }

  private static LocalDate later(LocalDate current, LocalDate candidate) {
    return current == null || candidate.isAfter(current) ? candidate : current;
  }

  private static Integer min(Integer current, int candidate) {
    return current == null ? candidate : Math.min(current, candidate);
  }

  private static Integer max(Integer current, int candidate) {
    return current == null ? candidate : Math.max(current, candidate);
  }
}
