package dev.taskmanager.mongo.wiring;

/**
 * What the application closes on shutdown: the store's client connections and, for the embedded
 * default, the server with its data file. Bound by the modules of {@link StoreModules}; closing twice
 * does nothing more.
 */
public interface StoreLifecycle extends AutoCloseable {

  /** Where the store is, for logs and the start-up line: a URI without credentials. */
  String description();

  @Override
  void close();
}
