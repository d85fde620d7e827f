package dev.taskmanager.mongo;

import dev.taskmanager.core.model.TaskStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Claims a data directory for this process, for as long as it runs: an OS lock on {@code lock} with
 * the process id written in, so a second process learns who holds it.
 *
 * <p>Taken before the MVStore file is opened, because a failed second open of that file in one JVM
 * drops the first open's OS lock; this lock is never opened twice by one process.
 */
final class DataDirectoryLock implements AutoCloseable {

  static final String FILE_NAME = "lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws TaskStoreException naming the process that holds the directory, and how to reach the
   *     server it runs, when the directory is taken; or when it cannot be created or written
   */
  static DataDirectoryLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw inUse(dataDir, readHolder(channel));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      return new DataDirectoryLock(channel, lock);
    } catch (IOException failed) {
      closeQuietly(channel);
      throw new TaskStoreException("cannot use the data directory " + dataDir + ": " + failed, failed);
    } catch (RuntimeException refused) {
      closeQuietly(channel);
      throw refused;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // The OS drops the lock with the process anyway.
    }
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

  private static TaskStoreException inUse(Path dataDir, String pid) {
    String uri = AddressFile.read(dataDir).orElse("the URI that process printed");
    return new TaskStoreException("data directory " + dataDir + " is in use by process " + pid
        + "; set TASK_MONGO_URI to " + uri + " or stop that process");
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
