package dev.taskmanager.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A task to create, before the store gives it an id. Building one checks every rule, so a draft
 * that exists is valid.
 *
 * <p>The title is trimmed; a {@code null} description becomes empty and its line endings become
 * newlines; tags are lower-cased, sorted and without repeats, {@code null} meaning none.
 *
 * <p>A constructor given values that break the rules throws {@link InvalidTaskException} listing
 * every rule they break.
 *
 * @param due the day it is due, {@code null} for none
 * @param createdBy who creates it, {@code null} when unknown: set with {@link #by}, by the adapter
 *     that knows who asks, never from what they typed
 */
public record TaskDraft(String title, String shortdesc, int priority, LocalDate due, List<String> tags,
    String createdBy) {

  public TaskDraft {
    title = TaskRules.trim(title);
    shortdesc = shortdesc == null ? "" : TaskRules.normalizeLineEndings(shortdesc);
    List<Violation> violations = new ArrayList<>();
    TaskRules.checkTitle(title, violations);
    TaskRules.checkShortdesc(shortdesc, violations);
    TaskRules.checkPriority(priority, violations);
    tags = Tags.sorted(tags == null ? List.of() : TaskRules.normalizeTags(tags, violations));
    if (!violations.isEmpty()) {
      throw new InvalidTaskException(violations);
    }
  }

  /** A draft of no known author. */
  public TaskDraft(String title, String shortdesc, int priority, LocalDate due, List<String> tags) {
    this(title, shortdesc, priority, due, tags, null);
  }

  /** A draft with no due date and no tags. */
  public TaskDraft(String title, String shortdesc, int priority) {
    this(title, shortdesc, priority, null, List.of());
  }

  /** A draft with only a title: no description and the default priority. */
  public TaskDraft(String title) {
    this(title, "", TaskRules.DEFAULT_PRIORITY);
  }

  /** This draft as created by {@code actor} (a user's name; {@code null} for unknown). */
  public TaskDraft by(String actor) {
    return new TaskDraft(title, shortdesc, priority, due, tags, actor);
  }

  /** The open task this draft becomes once the store assigns it {@code id} at {@code now}. */
  public Task toTask(long id, Instant now) {
    return new Task(id, title, shortdesc, priority, null, now, now, due, tags, createdBy, createdBy);
  }
}
