package dev.taskmanager.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a file a command reads, saying in one line why it cannot (invalid input, exit code 1). */
final class InputFiles {

  private InputFiles() {}

  static InputStream open(String name) throws IOException {
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      throw new CliException(ExitCodes.INVALID_INPUT, "cannot read " + name + ": it is a directory");
    }
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException missing) {
      throw new CliException(ExitCodes.INVALID_INPUT, "cannot read " + name + ": no such file", missing);
    } catch (AccessDeniedException denied) {
      throw new CliException(ExitCodes.INVALID_INPUT, "cannot read " + name + ": permission denied", denied);
    }
  }
}
