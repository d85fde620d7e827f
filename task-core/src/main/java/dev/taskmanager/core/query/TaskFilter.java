package dev.taskmanager.core.query;

import dev.taskmanager.core.model.Task;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Which tasks a listing holds: every condition must hold (they combine with AND). Built by
 * {@link SearchParser} from the query language; stores translate it to their own filters and
 * {@link #matches} is the reference they agree with.
 *
 * @param status open, done or both
 * @param tags tags a task must all have
 * @param withoutTags tags a task must not have
 * @param dueFrom the earliest due day, inclusive; {@code null} for no lower bound
 * @param dueTo the latest due day, inclusive; {@code null} for no upper bound
 * @param dueNone whether only tasks without a due day match
 * @param priorityMin the lowest priority, inclusive; {@code null} for none
 * @param priorityMax the highest priority, inclusive; {@code null} for none
 * @param words lower-cased words and phrases each of which the title or the description holds
 */
public record TaskFilter(Status status, List<String> tags, List<String> withoutTags, LocalDate dueFrom,
    LocalDate dueTo, boolean dueNone, Integer priorityMin, Integer priorityMax, List<String> words) {

  /** A task's state as a filter asks for it. */
  public enum Status {
    OPEN, DONE, ANY;

    boolean admits(Task task) {
      return this == ANY || (this == DONE) == task.done();
    }
  }

  /** Every open task. */
  public static final TaskFilter OPEN = new TaskFilter(Status.OPEN, List.of(), List.of(), null, null, false, null,
      null, List.of());
  /** Every task. */
  public static final TaskFilter ANY = new TaskFilter(Status.ANY, List.of(), List.of(), null, null, false, null,
      null, List.of());

  public TaskFilter {
    if (status == null) {
      throw new IllegalArgumentException("status is required");
    }
    tags = List.copyOf(tags);
    withoutTags = List.copyOf(withoutTags);
    words = words.stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();
  }

  /** Whether a task meets every condition. */
  public boolean matches(Task task) {
    return status.admits(task)
        && task.tags().containsAll(tags)
        && withoutTags.stream().noneMatch(task.tags()::contains)
        && matchesDue(task.due())
        && (priorityMin == null || task.priority() >= priorityMin)
        && (priorityMax == null || task.priority() <= priorityMax)
        && matchesWords(task);
  }

  /** Whether some due day can match: a due range or {@code due:none}. */
  public boolean constrainsDue() {
    return dueFrom != null || dueTo != null || dueNone;
  }

  private boolean matchesDue(LocalDate due) {
    if (dueNone && due != null) {
      return false;
    }
    if ((dueFrom != null || dueTo != null) && due == null) {
      return false;
    }
    return (dueFrom == null || !due.isBefore(dueFrom)) && (dueTo == null || !due.isAfter(dueTo));
  }

  private boolean matchesWords(Task task) {
    if (words.isEmpty()) {
      return true;
    }
    String title = task.title().toLowerCase(Locale.ROOT);
    String shortdesc = task.shortdesc().toLowerCase(Locale.ROOT);
    return words.stream().allMatch(word -> title.contains(word) || shortdesc.contains(word));
  }
}
