package dev.taskmanager.core.model;

import java.util.Objects;

/**
 * One broken rule: which field, what was wrong with it, and what is accepted instead.
 *
 * <p>The page shows {@link #problem()} and {@link #accepted()} under the field, the API returns the
 * three parts, and the command line prints {@link #message()}: the same words everywhere.
 *
 * @param field the field's name as the user knows it, e.g. {@code title}
 * @param problem what was wrong, e.g. {@code is empty}
 * @param accepted what would be accepted, e.g. {@code 1 to 200 characters}
 */
public record Violation(String field, String problem, String accepted) {

  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(accepted, "accepted");
  }

  /** The violation as one line: {@code title: is empty; accepted: 1 to 200 characters}. */
  public String message() {
    return field + ": " + problem + "; accepted: " + accepted;
  }
}
