package dev.taskmanager.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A partial update: the fields to change, {@code null} for the ones to keep. Building one checks
 * the rules of every field it changes, with the same normalisation as {@link TaskDraft}.
 *
 * <pre>{@code TaskPatch.none().withPriority(5).withTitle("Renamed")}</pre>
 *
 * <p>Given values that break the rules, the constructor throws {@link InvalidTaskException}
 * listing every rule they break.
 */
public record TaskPatch(String title, String shortdesc, Integer priority) {

  private static final TaskPatch NONE = new TaskPatch(null, null, null);

  public TaskPatch {
    title = TaskRules.trim(title);
    shortdesc = shortdesc == null ? null : TaskRules.normalizeLineEndings(shortdesc);
    List<Violation> violations = new ArrayList<>();
    if (title != null) {
      TaskRules.checkTitle(title, violations);
    }
    if (shortdesc != null) {
      TaskRules.checkShortdesc(shortdesc, violations);
    }
    if (priority != null) {
      TaskRules.checkPriority(priority, violations);
    }
    if (!violations.isEmpty()) {
      throw new InvalidTaskException(violations);
    }
  }

  /** A patch that changes nothing; start here and add fields with the {@code with} methods. */
  public static TaskPatch none() {
    return NONE;
  }

  public TaskPatch withTitle(String newTitle) {
    return new TaskPatch(newTitle, shortdesc, priority);
  }

  public TaskPatch withShortdesc(String newShortdesc) {
    return new TaskPatch(title, newShortdesc, priority);
  }

  public TaskPatch withPriority(int newPriority) {
    return new TaskPatch(title, shortdesc, newPriority);
  }

  /** Whether this patch changes no field. */
  public boolean isEmpty() {
    return title == null && shortdesc == null && priority == null;
  }
}
