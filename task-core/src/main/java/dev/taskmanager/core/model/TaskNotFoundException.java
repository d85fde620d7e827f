package dev.taskmanager.core.model;

/** No task has the given id: it never existed, or it was deleted; or none such was deleted. */
public final class TaskNotFoundException extends TaskException {

  private static final long serialVersionUID = 1L;

  private final long id;

  public TaskNotFoundException(long id) {
    this(id, "task " + id + " does not exist");
  }

  private TaskNotFoundException(long id, String message) {
    super(message);
    this.id = id;
  }

  /** No deleted task with this id is kept: it never was deleted, was restored, or was purged. */
  public static TaskNotFoundException notDeleted(long id) {
    return new TaskNotFoundException(id, "task " + id + " is not among the deleted tasks (they are kept "
        + DeletedTask.KEPT.toDays() + " days)");
  }

  /** The id that was asked for. */
  public long id() {
    return id;
  }
}
