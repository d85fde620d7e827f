package dev.taskmanager.embeddedmongo;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and directories that only the user running the server may open: the data, its lock and the
 * address with the client secret. On a file system without POSIX permissions (Windows) the
 * system's defaults apply.
 */
final class OwnerOnly {

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnly() {}

  /** Creates the directory and any missing parents as {@code rwx------}; an existing one is left as it is. */
  static void createDirectories(Path dir) throws IOException {
    if (POSIX && !Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** The attributes of a new file only its owner may read and write. */
  static FileAttribute<?>[] newFile() {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
  }

  /**
   * Makes an existing file {@code rw-------}: files an earlier release or another program made were
   * readable by every local user.
   */
  static void restrict(Path file) throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
