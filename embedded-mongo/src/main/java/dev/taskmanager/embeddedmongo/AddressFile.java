package dev.taskmanager.embeddedmongo;

import dev.taskmanager.embeddedmongo.storage.FileFailures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code mongo.address} in the data directory: the URI of the embedded server running on it, for the
 * CLI and other local processes. It holds the server's client secret, so only its owner may read
 * it. Written whole or not at all, deleted on a clean shutdown.
 */
final class AddressFile {

  static final String FILE_NAME = "mongo.address";

  private AddressFile() {}

  static void write(Path dataDir, String uri) {
    Path target = dataDir.resolve(FILE_NAME);
    Path temporary = dataDir.resolve(FILE_NAME + ".tmp");
    try {
      Files.deleteIfExists(temporary);
      // Made owner-only before the secret is in it: no moment where another user could read it.
      Files.createFile(temporary, OwnerOnly.newFile());
      Files.writeString(temporary, uri + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException failed) {
      throw new EmbeddedMongoException("cannot write " + target + ": " + FileFailures.reason(failed)
          + "; accepted: a writable directory on a disk with free space", failed);
    }
  }

  /** The URI written by the server that runs on this directory, if one was written. */
  static Optional<String> read(Path dataDir) {
    try {
      String content = Files.readString(dataDir.resolve(FILE_NAME), StandardCharsets.UTF_8).strip();
      return content.isEmpty() ? Optional.empty() : Optional.of(content);
    } catch (IOException absent) {
      return Optional.empty();
    }
  }

  /** {@code mongodb://127.0.0.1:<port>} of a URI written here, for messages. */
  static String withoutSecret(String uri) {
    return uri.replaceFirst("//[^/@]*@", "//").replaceFirst("/?\\?.*$", "");
  }

  static void delete(Path dataDir) {
    try {
      Files.deleteIfExists(dataDir.resolve(FILE_NAME));
    } catch (IOException ignored) {
      // A stale file is harmless: the next server overwrites it, and the lock tells who runs.
    }
  }
}
