package dev.taskmanager.embeddedmongo.storage;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps commits between write commands, never inside one. A command changes several maps (the
 * documents, each index, the collection's size), and H2 commits map by map: a commit in the middle
 * of a command would put on disk a document without its index entries, which a crash would then
 * keep. Commands pass the gate together; a commit (or compaction, which commits too) passes it
 * alone, and so does a command that may build an index, which commits as it goes to keep its
 * unsaved pages few (a half-built index is marked so on disk, and built again if the process dies).
 */
final class CommitGate {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /** Runs a write command; many may run at once. */
  <T> T write(Supplier<T> command) {
    lock.readLock().lock();
    try {
      return command.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs a commit, or a command that commits, with no other write command under way. */
  <T> T alone(Supplier<T> work) {
    lock.writeLock().lock();
    try {
      return work.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  void alone(Runnable work) {
    alone(() -> {
      work.run();
      return null;
    });
  }
}
