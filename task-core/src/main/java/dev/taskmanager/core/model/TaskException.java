package dev.taskmanager.core.model;

/**
 * The root of every error the core reports. Unchecked: callers handle it at their edge (an HTTP
 * status, an exit code), not at every call.
 *
 * <p>Its subclasses are the causes an adapter must tell apart: {@link InvalidTaskException}
 * (bad input), {@link TaskNotFoundException} (no such task) and {@link TaskStoreException} (the
 * store could not do its job).
 */
public abstract class TaskException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected TaskException(String message) {
    super(message);
  }

  protected TaskException(String message, Throwable cause) {
    super(message, cause);
  }
}
