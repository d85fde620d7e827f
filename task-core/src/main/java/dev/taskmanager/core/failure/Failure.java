package dev.taskmanager.core.failure;

import dev.taskmanager.core.account.InvalidAccountException;
import dev.taskmanager.core.account.TokenNotFoundException;
import dev.taskmanager.core.account.UserNotFoundException;
import dev.taskmanager.core.model.InvalidImportException;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.RecordViolation;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.core.model.Violation;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * A failure as every face reports it, classified once.
 *
 * @param kind what went wrong, which each face turns into a status or an exit code
 * @param message one sentence without a final full stop, e.g. {@code task 7 does not exist}; for a
 *     store failure the store's own words, which name what to fix (the command line shows them to
 *     its operator; the page and the API log them and show a general text)
 * @param problems for invalid input, one line for each broken rule, in the order of the input
 * @param violations for invalid input of one task, the broken rules field by field (the API lists
 *     them as such); empty otherwise
 * @param thrown what was thrown
 */
public record Failure(FailureKind kind, String message, List<String> problems, List<Violation> violations, Throwable thrown) {

  private static final Logger LOG = System.getLogger(Failure.class.getName());

  public Failure {
    problems = List.copyOf(problems);
    violations = List.copyOf(violations);
  }

  /** Sorts what was thrown into its kind, with its words. */
  public static Failure of(Throwable thrown) {
    if (thrown instanceof InvalidTaskException invalid) {
      return invalidValues(invalid.violations(), thrown);
    }
    if (thrown instanceof InvalidAccountException invalid) {
      return invalidValues(invalid.violations(), thrown);
    }
    if (thrown instanceof InvalidImportException invalid) {
      return new Failure(FailureKind.INVALID_INPUT, "some records are not accepted",
          invalid.violations().stream().map(RecordViolation::message).toList(), List.of(), thrown);
    }
    if (thrown instanceof TaskNotFoundException || thrown instanceof UserNotFoundException
        || thrown instanceof TokenNotFoundException) {
      return new Failure(FailureKind.NOT_FOUND, thrown.getMessage(), List.of(), List.of(), thrown);
    }
    if (thrown instanceof TaskStoreException unavailable) {
      return new Failure(FailureKind.STORE_UNAVAILABLE, unavailable.getMessage(), List.of(), List.of(), thrown);
    }
    return new Failure(FailureKind.INTERNAL, "unexpected error (" + thrown.getClass().getSimpleName() + ")",
        List.of(), List.of(), thrown);
  }

  private static Failure invalidValues(List<Violation> violations, Throwable thrown) {
    return new Failure(FailureKind.INVALID_INPUT, "some values are not accepted",
        violations.stream().map(Violation::message).toList(), violations, thrown);
  }

  /**
   * Writes the failure to the log, if it belongs there: a store failure as a warning in the store's
   * words, a bug as an error with its stack trace.
   *
   * @param during what was being done, e.g. {@code POST /api/tasks}
   */
  public void log(String during) {
    switch (kind) {
      case STORE_UNAVAILABLE -> LOG.log(Level.WARNING, "store unavailable for " + during + ": " + message);
      case INTERNAL -> LOG.log(Level.ERROR, "unexpected failure for " + during, thrown);
      default -> {
        // The person's input explains it; nothing for an operator to do.
      }
    }
  }
}
