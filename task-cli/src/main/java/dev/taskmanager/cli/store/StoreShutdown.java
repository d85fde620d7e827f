package dev.taskmanager.cli.store;

/**
 * Releases what a store module opened (a client, an embedded server, a file lock). Called once,
 * when the command is done, whether it succeeded or not.
 */
@FunctionalInterface
public interface StoreShutdown extends AutoCloseable {

  @Override
  void close();
}
