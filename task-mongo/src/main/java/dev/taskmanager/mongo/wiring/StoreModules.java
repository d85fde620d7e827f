package dev.taskmanager.mongo.wiring;

import com.google.inject.Module;
import java.util.Optional;

/**
 * The one place that chooses where tasks are kept: a MongoDB given by URI when the settings have
 * one, the embedded server in the data directory otherwise. The module it returns binds {@link
 * dev.taskmanager.core.port.TaskStore}, {@link StoreLifecycle}, {@link dev.taskmanager.mongo.doctor.MongoStoreDoctor} and
 * {@link dev.taskmanager.mongo.backup.MongoBackups}, and nothing else.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(StoreModules.forSettings(settings), ...);
 * TaskStore store = injector.getInstance(TaskStore.class);
 * ...
 * injector.getInstance(StoreLifecycle.class).close();
 * }</pre>
 */
public final class StoreModules {

  private StoreModules() {}

  /** For the process that owns the data: the web app starts the embedded server when no URI is set. */
  public static Module forSettings(StoreSettings settings) {
    return settings.embedded() ? new EmbeddedMongoModule(settings) : new ExternalMongoModule(settings);
  }

  /**
   * For tools beside the app, such as the CLI: when no URI is set and a running process holds the
   * data directory, its embedded server is reached at the address it wrote there, so the tool never
   * opens a data file in use; with nothing running, the tool opens the directory itself.
   */
  public static Module forTools(StoreSettings settings) {
    if (settings.embedded()) {
      Optional<String> running = EmbeddedServer.runningOn(settings.dataDir());
      if (running.isPresent()) {
        return new ExternalMongoModule(settings.withUri(running.get()));
      }
    }
    return forSettings(settings);
  }
}
