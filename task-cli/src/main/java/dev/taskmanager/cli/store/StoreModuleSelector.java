package dev.taskmanager.cli.store;

import com.google.inject.Module;
import dev.taskmanager.mongo.wiring.StoreOptions;

/**
 * Chooses the Guice module of the store from the store options. The application uses
 * {@link StoreModules#select(StoreOptions)}; tests pass their own, e.g. one module around a shared
 * in-memory store.
 */
@FunctionalInterface
public interface StoreModuleSelector {

  /**
   * A module binding {@link dev.taskmanager.core.port.TaskStore}, {@link StoreDoctor} and
   * {@link dev.taskmanager.mongo.wiring.StoreLifecycle}.
   *
   * @throws dev.taskmanager.core.model.TaskStoreException when no store can be offered for these options
   */
  Module select(StoreOptions options);
}
