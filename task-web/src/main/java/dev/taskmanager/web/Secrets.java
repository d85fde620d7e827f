package dev.taskmanager.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Finds the key that signs CSRF tokens and flash cookies: {@code TASK_SECRET} when set, otherwise a
 * random one generated once and kept in the data directory, so a restart does not invalidate the
 * forms people have open. Replicas must be given the same {@code TASK_SECRET} to accept each
 * other's tokens.
 */
final class Secrets {

  static final String FILE_NAME = "web-secret";

  private Secrets() {}

  /** The key bytes for these settings, generating and storing one if needed. */
  static byte[] resolve(Settings settings) {
    if (settings.secret() != null) {
      return settings.secret().getBytes(StandardCharsets.UTF_8);
    }
    Path file = settings.dataDir().resolve(FILE_NAME);
    try {
      if (!Files.isDirectory(settings.dataDir())) {
        // The data directory is the owner's alone, as the embedded store makes it when it comes first.
        Files.createDirectories(settings.dataDir(), ownerOnly("rwx------"));
      }
      if (!Files.exists(file)) {
        generate(file);
      }
      String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (stored.length() < Settings.SECRET_MIN_LENGTH) {
        throw new SettingsException("TASK_DATA_DIR (--data-dir): " + file + " holds no usable secret; delete it to have"
            + " a new one generated, or set TASK_SECRET (at least " + Settings.SECRET_MIN_LENGTH + " characters)");
      }
      return stored.getBytes(StandardCharsets.US_ASCII);
    } catch (IOException | SecurityException failure) {
      throw new SettingsException("TASK_DATA_DIR (--data-dir): cannot keep the generated secret in " + file + " ("
          + describe(failure) + "); accepted: a writable directory, or set TASK_SECRET", failure);
    }
  }

  private static void generate(Path file) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    try {
      Files.createFile(file, ownerOnly("rw-------"));
    } catch (FileAlreadyExistsException anotherProcessWon) {
      return; // Another process created it first: use theirs.
    }
    try {
      Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
    } catch (IOException unwritten) {
      // A full disk must not leave an empty secret behind: it would stop every later start, even
      // once the disk has room again.
      Files.deleteIfExists(file);
      throw unwritten;
    }
  }

  /** Owner-only permissions from the start: never readable by others, even briefly. */
  private static FileAttribute<?>[] ownerOnly(String permissions) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
  }

  /** The system's reason ("No space left on device", "permission denied"), never a class name. */
  private static String describe(Exception failure) {
    if (failure instanceof AccessDeniedException || failure instanceof SecurityException) {
      return "permission denied";
    }
    if (failure instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (failure instanceof FileSystemException && ((FileSystemException) failure).getReason() != null) {
      return ((FileSystemException) failure).getReason();
    }
    return failure.getMessage() == null ? "input/output error" : failure.getMessage();
  }
}
