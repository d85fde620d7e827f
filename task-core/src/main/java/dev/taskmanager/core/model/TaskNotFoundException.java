package dev.taskmanager.core.model;

/** No task has the given id: it never existed, or it was deleted. */
public final class TaskNotFoundException extends TaskException {

  private static final long serialVersionUID = 1L;

  private final long id;

  public TaskNotFoundException(long id) {
    super("task " + id + " does not exist");
    this.id = id;
  }

  /** The id that was asked for. */
  public long id() {
    return id;
  }
}
