package dev.taskmanager.cli.store;

import com.google.inject.Injector;
import dev.taskmanager.core.port.TaskStore;

/** A store opened for one command: its port, its doctor and its description. Close it when done. */
public final class OpenedStore implements AutoCloseable {

  private final Injector injector;
  private final StoreShutdown shutdown;

  OpenedStore(Injector injector) {
    this.injector = injector;
    this.shutdown = injector.getInstance(StoreShutdown.class);
  }

  public TaskStore tasks() {
    return injector.getInstance(TaskStore.class);
  }

  public StoreDoctor doctor() {
    return injector.getInstance(StoreDoctor.class);
  }

  public StoreInfo info() {
    return injector.getInstance(StoreInfo.class);
  }

  @Override
  public void close() {
    shutdown.close();
  }
}
