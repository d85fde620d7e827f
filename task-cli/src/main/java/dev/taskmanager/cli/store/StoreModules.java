package dev.taskmanager.cli.store;

import com.google.inject.Module;
import dev.taskmanager.core.memory.InMemoryTaskStore;

/**
 * THE place where the command line's store options become a store: every command reaches its store
 * through the Guice module chosen here, and nowhere else.
 *
 * <p>MongoDB by default: the server at {@code --mongo-uri}; without one, the embedded server of
 * the web app running on {@code --data-dir}, or, when nothing runs there, that directory opened by
 * the command itself. {@code --store memory} gives a fresh in-memory store that dies with the
 * command, for trying the tool out.
 */
public final class StoreModules {

  private StoreModules() {}

  /** The module for these options, whose values {@link StoreOptions#problem()} found usable. */
  public static Module select(StoreOptions options) {
    switch (options.kind()) {
      case MEMORY:
        return new InMemoryStoreModule(new InMemoryTaskStore());
      case MONGO:
      default:
        return new MongoStoreModule(options.settings());
    }
  }
}
