package dev.taskmanager.cli;

import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.Violation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Ids given on the command line: every one checked before any task is touched. */
final class TaskIds {

  private TaskIds() {}

  /**
   * The ids in the order given, each once.
   *
   * @throws InvalidTaskException naming every argument that is not an id
   */
  static Set<Long> parse(List<String> texts) {
    Set<Long> ids = new LinkedHashSet<>();
    List<Violation> violations = new ArrayList<>();
    for (String text : texts) {
      try {
        ids.add(TaskInput.parseId(text));
      } catch (InvalidTaskException invalid) {
        violations.addAll(invalid.violations());
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidTaskException(violations);
    }
    return ids;
  }
}
