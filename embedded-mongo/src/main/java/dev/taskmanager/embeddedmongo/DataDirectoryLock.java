package dev.taskmanager.embeddedmongo;

import dev.taskmanager.embeddedmongo.storage.FileFailures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Claims a data directory for this process, for as long as it runs: an OS lock on {@code lock} with
 * the process id written in, so a second process learns who holds it.
 *
 * <p>Taken before the MVStore file is opened, because a failed second open of that file in one JVM
 * drops the first open's OS lock; this lock is never opened twice by one process.
 */
final class DataDirectoryLock implements AutoCloseable {

  static final String FILE_NAME = "lock";

  /** The directories this process holds, so that it never opens their lock file a second time. */
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path dataDir;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(Path dataDir, FileChannel channel, FileLock lock) {
    this.dataDir = dataDir;
    this.channel = channel;
    this.lock = lock;
    HELD_HERE.add(key(dataDir));
  }

  /**
   * @throws DataDirectoryInUseException naming the process that holds the directory, and where its
   *     server listens, when the directory is taken
   * @throws EmbeddedMongoException when the directory cannot be created or written
   */
  static DataDirectoryLock acquire(Path dataDir) {
    if (HELD_HERE.contains(key(dataDir))) {
      // Opening the file again and closing it on refusal would drop this process's own lock.
      throw inUse(dataDir, String.valueOf(ProcessHandle.current().pid()));
    }
    Path file = dataDir.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      OwnerOnly.createDirectories(dataDir);
      channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
          OwnerOnly.newFile());
      OwnerOnly.restrict(file);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw inUse(dataDir, readHolder(channel));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      return new DataDirectoryLock(dataDir, channel, lock);
    } catch (IOException failed) {
      closeQuietly(channel);
      throw new EmbeddedMongoException("cannot use the data directory " + dataDir + ": " + FileFailures.reason(failed)
          + "; accepted: a writable directory on a disk with free space", failed);
    } catch (RuntimeException refused) {
      closeQuietly(channel);
      throw refused;
    }
  }

  /**
   * Whether a process, this one included, holds this data directory now, without claiming it. The
   * file is not even opened when this process holds it: closing any handle on a locked file would
   * drop this process's lock.
   */
  static boolean isHeld(Path dataDir) {
    if (HELD_HERE.contains(key(dataDir))) {
      return true;
    }
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock probe = tryLock(channel);
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    } catch (IOException unreadable) {
      return false;
    }
  }

  @Override
  public void close() {
    HELD_HERE.remove(key(dataDir));
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // The OS drops the lock with the process anyway.
    }
  }

  private static Path key(Path dataDir) {
    return dataDir.toAbsolutePath().normalize();
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldByThisProcess) {
      return null;
    }
  }

  private static String readHolder(FileChannel channel) throws IOException {
    ByteBuffer content = ByteBuffer.allocate(32);
    channel.read(content, 0);
    String pid = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).strip();
    return pid.matches("[0-9]+") ? pid : "unknown";
  }

  private static DataDirectoryInUseException inUse(Path dataDir, String pid) {
    return new DataDirectoryInUseException(dataDir, pid, AddressFile.read(dataDir).map(AddressFile::withoutSecret));
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Already failing; the first error is the one worth reporting.
      }
    }
  }
}
