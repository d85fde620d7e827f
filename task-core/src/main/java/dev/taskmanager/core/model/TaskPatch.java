package dev.taskmanager.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A partial update: the fields to change, {@code null} for the ones to keep. Building one checks
 * the rules of every field it changes, with the same normalisation as {@link TaskDraft}.
 *
 * <pre>{@code TaskPatch.none().withPriority(5).withTitle("Renamed").withDone(true)}</pre>
 *
 * <p>Given values that break the rules, the constructor throws {@link InvalidTaskException}
 * listing every rule they break.
 *
 * @param due {@code null} keeps the due date, an empty optional removes it, a date sets it
 * @param tags the whole new set of tags, {@code null} to keep them
 * @param done {@code true} completes the task (a done task keeps its completion time),
 *     {@code false} reopens it, {@code null} leaves it as it is
 * @param updatedBy who makes the change, {@code null} when unknown: set with {@link #by}, by the
 *     adapter that knows who asks; not a change of its own ({@link #isEmpty()} ignores it)
 */
public record TaskPatch(String title, String shortdesc, Integer priority, Optional<LocalDate> due, List<String> tags,
    Boolean done, String updatedBy) {

  private static final TaskPatch NONE = new TaskPatch(null, null, null, null, null, null, null);

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
    tags = tags == null ? null : Tags.sorted(TaskRules.normalizeTags(tags, violations));
    if (!violations.isEmpty()) {
      throw new InvalidTaskException(violations);
    }
  }

  /** A patch of no known author. */
  public TaskPatch(String title, String shortdesc, Integer priority, Optional<LocalDate> due, List<String> tags,
      Boolean done) {
    this(title, shortdesc, priority, due, tags, done, null);
  }

  /** A patch of the tutorial's three editable fields. */
  public TaskPatch(String title, String shortdesc, Integer priority) {
    this(title, shortdesc, priority, null, null, null);
  }

  /** A patch that changes nothing; start here and add fields with the {@code with} methods. */
  public static TaskPatch none() {
    return NONE;
  }

  public TaskPatch withTitle(String newTitle) {
    return new TaskPatch(newTitle, shortdesc, priority, due, tags, done, updatedBy);
  }

  public TaskPatch withShortdesc(String newShortdesc) {
    return new TaskPatch(title, newShortdesc, priority, due, tags, done, updatedBy);
  }

  public TaskPatch withPriority(int newPriority) {
    return new TaskPatch(title, shortdesc, newPriority, due, tags, done, updatedBy);
  }

  /** Sets the due date, or removes it when {@code newDue} is {@code null}. */
  public TaskPatch withDue(LocalDate newDue) {
    return new TaskPatch(title, shortdesc, priority, Optional.ofNullable(newDue), tags, done, updatedBy);
  }

  public TaskPatch withTags(List<String> newTags) {
    return new TaskPatch(title, shortdesc, priority, due, List.copyOf(newTags), done, updatedBy);
  }

  public TaskPatch withDone(boolean newDone) {
    return new TaskPatch(title, shortdesc, priority, due, tags, newDone, updatedBy);
  }

  /** This patch as made by {@code actor} (a user's name; {@code null} for unknown). */
  public TaskPatch by(String actor) {
    return new TaskPatch(title, shortdesc, priority, due, tags, done, actor);
  }

  /** Whether this patch changes no field. */
  public boolean isEmpty() {
    return title == null && shortdesc == null && priority == null && due == null && tags == null && done == null;
  }
}
