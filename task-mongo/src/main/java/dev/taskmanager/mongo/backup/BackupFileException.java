package dev.taskmanager.mongo.backup;

/**
 * A file that is not a whole, unchanged backup this program can read: the message says what is
 * wrong with it, for the person who chose it. Nothing was changed in the store.
 */
public final class BackupFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BackupFileException(String message) {
    super(message);
  }

  BackupFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
