package dev.taskmanager.core.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An import was refused and nothing was written: some records break the rules, repeat an id of the
 * input, or take an id already stored when conflicts are not allowed.
 */
public final class InvalidImportException extends TaskException {

  private static final long serialVersionUID = 1L;

  private final transient List<RecordViolation> violations;

  public InvalidImportException(List<RecordViolation> violations) {
    super(violations.stream().map(RecordViolation::message).collect(Collectors.joining("\n")));
    this.violations = List.copyOf(violations);
  }

  /** Every problem found, by record in input order. */
  public List<RecordViolation> violations() {
    return violations;
  }
}
