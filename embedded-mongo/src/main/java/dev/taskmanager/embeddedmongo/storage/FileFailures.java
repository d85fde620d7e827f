package dev.taskmanager.embeddedmongo.storage;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Why a file in the data directory could not be read or written, in the system's words ("No space
 * left on device", "File too large", "Read-only file system", "permission denied"), for one-line
 * messages: never an exception's class name or a library's internals.
 */
public final class FileFailures {

  private FileFailures() {}

  /** The innermost cause's reason. */
  public static String reason(Throwable failure) {
    Throwable root = rootCause(failure);
    if (root instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (root instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (root instanceof FileSystemException && ((FileSystemException) root).getReason() != null) {
      return ((FileSystemException) root).getReason();
    }
    return root.getMessage() == null ? "input/output error" : root.getMessage();
  }

  /** The innermost cause: where the system said what went wrong. */
  public static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
