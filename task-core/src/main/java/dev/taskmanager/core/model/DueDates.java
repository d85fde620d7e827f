package dev.taskmanager.core.model;

import dev.taskmanager.core.text.Excerpts;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a due date as a person types it: an ISO date ({@code 2026-12-24}) everywhere, and where a
 * person types rather than a program, the words {@code today}, {@code tomorrow}, a weekday (the next
 * one after today: {@code friday} or {@code fri}) and distances from today ({@code +3d}, {@code +2w}).
 *
 * <p>"Today" is the caller's: the day in the zone the person lives in, not in UTC.
 */
public final class DueDates {

  /** The first and last years a due date may have: four digits, so dates sort as text. */
  public static final int FIRST_YEAR = 1000;
  public static final int LAST_YEAR = 9999;

  public static final String ISO_ACCEPTED = "a date as YYYY-MM-DD";
  public static final String WORDS_ACCEPTED =
      "a date as YYYY-MM-DD, today, tomorrow, a weekday (the next one), or +N days or weeks as +3d or +2w";

  private static final Pattern ISO = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern DISTANCE = Pattern.compile("\\+([0-9]{1,4})([dw])");
  private static final int MAX_DAYS = 3660;

  private DueDates() {}

  /**
   * The date the text names, or {@code null} with a violation of {@code field} added.
   *
   * @param today the person's today, to read words by; {@code null} to accept ISO dates only
   */
  public static LocalDate parse(String text, LocalDate today, String field, List<Violation> violations) {
    String accepted = today == null ? ISO_ACCEPTED : WORDS_ACCEPTED;
    String typed = TaskRules.trim(text).toLowerCase(Locale.ROOT);
    if (ISO.matcher(typed).matches()) {
      try {
        LocalDate date = LocalDate.parse(typed);
        if (date.getYear() >= FIRST_YEAR) {
          return date;
        }
        violations.add(new Violation(field, Excerpts.quote(text) + " is before the year " + FIRST_YEAR, accepted));
      } catch (DateTimeParseException noSuchDay) {
        violations.add(new Violation(field, Excerpts.quote(text) + " is not a day of the calendar", accepted));
      }
      return null;
    }
    LocalDate word = today == null ? null : fromWord(typed, today);
    if (word == null) {
      violations.add(new Violation(field, Excerpts.quote(text) + " is not a date", accepted));
    }
    return word;
  }

  private static LocalDate fromWord(String word, LocalDate today) {
    switch (word) {
      case "today":
        return today;
      case "tomorrow":
        return today.plusDays(1);
      default:
        break;
    }
    Matcher distance = DISTANCE.matcher(word);
    if (distance.matches()) {
      long days = Long.parseLong(distance.group(1)) * (distance.group(2).equals("w") ? 7 : 1);
      return days <= MAX_DAYS ? today.plusDays(days) : null;
    }
    for (DayOfWeek day : DayOfWeek.values()) {
      String name = day.name().toLowerCase(Locale.ROOT);
      if (word.equals(name) || word.equals(name.substring(0, 3))) {
        int ahead = (day.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
        return today.plusDays(ahead == 0 ? 7 : ahead);
      }
    }
    return null;
  }
}
