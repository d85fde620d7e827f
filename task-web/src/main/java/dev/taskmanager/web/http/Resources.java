package dev.taskmanager.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where templates and static files come from: the jar, or with {@code TASK_DEV=1} the source tree,
 * re-read on every request so an edit shows on the next reload.
 */
public final class Resources {

  private final Path sourceDirectory;

  private Resources(Path sourceDirectory) {
    this.sourceDirectory = sourceDirectory;
  }

  /** Resources read from the class path. */
  public static Resources fromClassPath() {
    return new Resources(null);
  }

  /** Resources read from a directory laid out like {@code src/main/resources}. */
  public static Resources fromDirectory(Path directory) {
    return new Resources(directory);
  }

  /** The source directory in dev mode, {@code null} otherwise. */
  public Path sourceDirectory() {
    return sourceDirectory;
  }

  /** The bytes of a resource such as {@code static/app.css}; {@code null} when it does not exist. */
  public byte[] read(String name) {
    try {
      if (sourceDirectory != null) {
        try {
          return Files.readAllBytes(sourceDirectory.resolve(name));
        } catch (NoSuchFileException missing) {
          return null;
        }
      }
      try (InputStream in = Resources.class.getResourceAsStream("/" + name)) {
        return in == null ? null : in.readAllBytes();
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
