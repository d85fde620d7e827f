package dev.taskmanager.cli.store;

import com.google.inject.AbstractModule;
import dev.taskmanager.core.account.TokenStore;
import dev.taskmanager.core.account.UserStore;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.mongo.wiring.StoreLifecycle;

/**
 * A store that another part of the program opened and will close, given as its ports: the web
 * app's, for the commands it serves ({@link dev.taskmanager.cli.socket.CommandServer}). A command
 * leaves it open when it ends.
 */
public final class OpenStoreModule extends AbstractModule {

  private final TaskStore tasks;
  private final UserStore users;
  private final TokenStore tokens;
  private final String description;

  public OpenStoreModule(TaskStore tasks, UserStore users, TokenStore tokens, String description) {
    this.tasks = tasks;
    this.users = users;
    this.tokens = tokens;
    this.description = description;
  }

  @Override
  protected void configure() {
    bind(TaskStore.class).toInstance(tasks);
    bind(UserStore.class).toInstance(users);
    bind(TokenStore.class).toInstance(tokens);
    bind(StoreLifecycle.class).toInstance(StoreLifecycle.nothingToClose(description));
  }
}
