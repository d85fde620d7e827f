package dev.taskmanager.web;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.mongo.wiring.StoreLifecycle;

/**
 * A store module with the tasks in memory ({@code TASK_STORE=memory}): for trying the app out, and
 * for tests that keep a reference to the store. Nothing survives the process.
 */
public final class InMemoryStoreModule extends AbstractModule {

  private final TaskStore store;

  /** A module with a new, empty store. */
  public InMemoryStoreModule() {
    this(new InMemoryTaskStore());
  }

  /** A module with a given store, e.g. one a test keeps a reference to. */
  public InMemoryStoreModule(TaskStore store) {
    this.store = store;
  }

  @Provides
  @Singleton
  TaskStore taskStore() {
    return store;
  }

  @Provides
  @Singleton
  StoreLifecycle lifecycle() {
    return StoreLifecycle.nothingToClose("memory, lost on exit (TASK_STORE=memory)");
  }
}
