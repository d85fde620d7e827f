package dev.taskmanager.core.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input broke one or more rules. Carries every violation found, not just the first, so a person
 * can fix all of them at once.
 */
public final class InvalidTaskException extends TaskException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public InvalidTaskException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  public InvalidTaskException(Violation violation) {
    this(List.of(violation));
  }

  /** Every violation, in the order of the fields; never empty. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidTaskException needs at least one violation");
    }
    return violations.stream().map(Violation::message).collect(Collectors.joining("\n"));
  }
}
