package dev.taskmanager.cli.store;

import com.google.inject.Injector;
import com.google.inject.Key;
import dev.taskmanager.core.account.TokenStore;
import dev.taskmanager.core.account.UserStore;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.mongo.backup.MongoBackups;
import dev.taskmanager.mongo.wiring.StoreLifecycle;
import java.util.Optional;

/** A store opened for one command: its ports, its doctor and its description. Close it when done. */
public final class OpenedStore implements AutoCloseable {

  private final Injector injector;
  private final StoreLifecycle lifecycle;

  OpenedStore(Injector injector) {
    this.injector = injector;
    this.lifecycle = injector.getInstance(StoreLifecycle.class);
  }

  public TaskStore tasks() {
    return injector.getInstance(TaskStore.class);
  }

  public UserStore users() {
    return injector.getInstance(UserStore.class);
  }

  public TokenStore tokens() {
    return injector.getInstance(TokenStore.class);
  }

  public StoreDoctor doctor() {
    return injector.getInstance(StoreDoctor.class);
  }

  /** Backups of the whole database; none for a store in memory, which keeps nothing to back up. */
  public Optional<MongoBackups> backups() {
    return Optional.ofNullable(injector.getExistingBinding(Key.get(MongoBackups.class)))
        .map(binding -> binding.getProvider().get());
  }

  /** Where the store is, for the commands that say so. */
  public String description() {
    return lifecycle.description();
  }

  @Override
  public void close() {
    lifecycle.close();
  }
}
