package dev.taskmanager.cli.store;

import com.google.inject.Module;
import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.model.TaskStoreException;

/**
 * THE place where the command line's store options become a store: every command reaches its store
 * through the Guice module chosen here, and nowhere else.
 *
 * <p><b>Temporary, until task-mongo is integrated:</b> only {@code --store memory}
 * ({@code TASK_STORE=memory}) gives a store, a fresh in-memory one that dies with the command. For
 * MongoDB (a {@code --mongo-uri}, or the embedded server in {@code --data-dir}) this method throws
 * {@link TaskStoreException}, which the command line reports as "store unavailable" (exit code 4).
 * The integration replaces the MongoDB branch with task-mongo's module(s), built from
 * {@link StoreOptions#mongoUri()}, {@link StoreOptions#database()} and {@link StoreOptions#dataDir()},
 * binding a Mongo {@link StoreDoctor} too.
 */
public final class StoreModules {

  private StoreModules() {}

  /**
   * The module for these options.
   *
   * @throws TaskStoreException when the options name a store this build cannot open
   */
  public static Module select(StoreOptions options) {
    switch (options.kind()) {
      case MEMORY:
        return new InMemoryStoreModule(new InMemoryTaskStore());
      case MONGO:
      default:
        throw new TaskStoreException("this build cannot open MongoDB stores yet (" + options.describe()
            + "); use --store memory (TASK_STORE=memory) for a temporary in-memory store");
    }
  }
}
