package dev.taskmanager.web;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.taskmanager.core.account.TokenStore;
import dev.taskmanager.core.account.UserStore;
import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.memory.InMemoryTokenStore;
import dev.taskmanager.core.memory.InMemoryUserStore;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.mongo.wiring.StoreLifecycle;

/**
 * A store module with the tasks, users and tokens in memory ({@code TASK_STORE=memory}): for trying
 * the app out, and for tests that keep a reference to the stores. Nothing survives the process, and
 * no user can be added from outside it: the app is open on loopback only.
 */
public final class InMemoryStoreModule extends AbstractModule {

  private final TaskStore store;
  private final UserStore users;
  private final TokenStore tokens;

  /** A module with new, empty stores. */
  public InMemoryStoreModule() {
    this(new InMemoryTaskStore());
  }

  /** A module with a given task store, e.g. one a test keeps a reference to, and no users. */
  public InMemoryStoreModule(TaskStore store) {
    this(store, new InMemoryUserStore(), new InMemoryTokenStore());
  }

  /** A module with given stores. */
  public InMemoryStoreModule(TaskStore store, UserStore users, TokenStore tokens) {
    this.store = store;
    this.users = users;
    this.tokens = tokens;
  }

  @Provides
  @Singleton
  TaskStore taskStore() {
    return store;
  }

  @Provides
  @Singleton
  UserStore users() {
    return users;
  }

  @Provides
  @Singleton
  TokenStore tokens() {
    return tokens;
  }

  @Provides
  @Singleton
  StoreLifecycle lifecycle() {
    return StoreLifecycle.nothingToClose("memory, lost on exit (TASK_STORE=memory)");
  }
}
