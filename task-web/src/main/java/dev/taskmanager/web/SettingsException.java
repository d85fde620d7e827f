package dev.taskmanager.web;

/**
 * The configuration cannot be used. The message is one line for a person: which variable (and its
 * flag) is wrong and what is accepted. Start-up prints it and exits; it never shows a stack trace.
 */
public final class SettingsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }

  public SettingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
