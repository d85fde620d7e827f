package dev.taskmanager.core.account;

import dev.taskmanager.core.model.TaskException;
import dev.taskmanager.core.model.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** A user's name, role or password broke one or more rules; carries every violation found. */
public final class InvalidAccountException extends TaskException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public InvalidAccountException(List<Violation> violations) {
    super(violations.stream().map(Violation::message).collect(Collectors.joining("\n")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidAccountException needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public InvalidAccountException(Violation violation) {
    this(List.of(violation));
  }

  /** Every violation, in the order of the fields; never empty. */
  public List<Violation> violations() {
    return violations;
  }
}
