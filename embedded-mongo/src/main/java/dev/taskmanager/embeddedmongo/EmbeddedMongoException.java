package dev.taskmanager.embeddedmongo;

/**
 * The embedded server cannot start or stop as asked. The message is one line for people: what
 * failed and why, in the system's words (never a class name); the cause keeps the details.
 */
public class EmbeddedMongoException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EmbeddedMongoException(String message) {
    super(message);
  }

  public EmbeddedMongoException(String message, Throwable cause) {
    super(message, cause);
  }
}
