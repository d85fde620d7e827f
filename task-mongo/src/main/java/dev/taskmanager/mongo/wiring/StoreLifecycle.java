package dev.taskmanager.mongo.wiring;

/**
 * The open store as the programs hold it: what it is, for logs and the start-up line, and what
 * they close on shutdown (the store's client connections and, for the embedded default, the server
 * with its data file). Bound by the modules of {@link StoreModules}, and by the programs' in-memory
 * modules; closing twice does nothing more.
 */
public interface StoreLifecycle extends AutoCloseable {

  /** Where the store is, for logs and the start-up line: a URI without credentials. */
  String description();

  @Override
  void close();

  /** A store that its creator closes, or that needs no closing, such as one in memory. */
  static StoreLifecycle nothingToClose(String description) {
    return new StoreLifecycle() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public void close() {}
    };
  }
}
