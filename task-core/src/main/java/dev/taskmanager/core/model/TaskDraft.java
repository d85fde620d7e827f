package dev.taskmanager.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A task to create, before the store gives it an id. Building one checks every rule, so a draft
 * that exists is valid.
 *
 * <p>The title is trimmed; a {@code null} description becomes empty and its line endings become
 * newlines.
 *
 * <p>A constructor given values that break the rules throws {@link InvalidTaskException} listing
 * every rule they break.
 */
public record TaskDraft(String title, String shortdesc, int priority) {

  public TaskDraft {
    title = TaskRules.trim(title);
    shortdesc = shortdesc == null ? "" : TaskRules.normalizeLineEndings(shortdesc);
    List<Violation> violations = new ArrayList<>();
    TaskRules.checkTitle(title, violations);
    TaskRules.checkShortdesc(shortdesc, violations);
    TaskRules.checkPriority(priority, violations);
    if (!violations.isEmpty()) {
      throw new InvalidTaskException(violations);
    }
  }

  /** A draft with only a title: no description and the default priority. */
  public TaskDraft(String title) {
    this(title, "", TaskRules.DEFAULT_PRIORITY);
  }

  /** The task this draft becomes once the store assigns it {@code id}. */
  public Task toTask(long id) {
    return new Task(id, title, shortdesc, priority);
  }
}
