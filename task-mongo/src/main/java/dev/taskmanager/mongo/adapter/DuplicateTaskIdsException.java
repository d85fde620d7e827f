package dev.taskmanager.mongo.adapter;

import dev.taskmanager.core.model.TaskStoreException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stored tasks share ids, as the tutorial app's racy id sequence left them, so the unique index
 * on {@code tasks.id} cannot be built and the store refuses to start. Nothing was changed; {@code task
 * doctor --repair} gives each duplicate a fresh id.
 */
public final class DuplicateTaskIdsException extends TaskStoreException {

  private static final long serialVersionUID = 1L;

  private final List<Long> duplicateIds;

  DuplicateTaskIdsException(String collection, List<Long> duplicateIds, boolean more) {
    super("cannot start: several tasks in " + collection + " share the id"
        + (duplicateIds.size() == 1 ? " " : "s ")
        + duplicateIds.stream().map(String::valueOf).collect(Collectors.joining(", "))
        + (more ? " and more" : "")
        + ", so the unique index on id cannot be built; nothing was changed."
        + " Run 'task doctor --repair' to give each duplicate a fresh id, then start again.");
    this.duplicateIds = List.copyOf(duplicateIds);
  }

  /** The shared ids, the smallest first; at most a screenful of them. */
  public List<Long> duplicateIds() {
    return duplicateIds;
  }
}
