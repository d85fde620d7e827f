package dev.taskmanager.web;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.port.TaskStore;

/**
 * A store module with the tasks in memory ({@code TASK_STORE=memory}).
 *
 * <p>Temporary: it stands in until the MongoDB store module (embedded server by default, or
 * {@code TASK_MONGO_URI}) is wired into {@link WebApp#storeModule(Settings)}. Any store module
 * has the same shape: it binds {@link TaskStore} and an unqualified {@link AutoCloseable} that the
 * app closes on shutdown, after the last request.
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
  AutoCloseable storeCloser() {
    return () -> { };
  }
}
