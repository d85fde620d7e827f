package dev.taskmanager.core.model;

/**
 * The store could not do what was asked: it is unreachable, timed out, or refused for a reason
 * that is not the caller's input. The operation may be retried once the store is back.
 *
 * <p>The message is written for operators and logs; adapters show users a generic text instead.
 */
public class TaskStoreException extends TaskException {

  private static final long serialVersionUID = 1L;

  public TaskStoreException(String message) {
    super(message);
  }

  public TaskStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
