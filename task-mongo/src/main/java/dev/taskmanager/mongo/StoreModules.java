package dev.taskmanager.mongo;

import com.google.inject.Module;

/**
 * The one place that chooses where tasks are kept: a MongoDB given by URI when the settings have
 * one, the embedded server in the data directory otherwise. The module it returns binds {@link
 * dev.taskmanager.core.port.TaskStore}, {@link StoreLifecycle} and {@link MongoStoreDoctor}, and
 * nothing else.
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

  public static Module forSettings(StoreSettings settings) {
    return settings.embedded() ? new EmbeddedMongoModule(settings) : new ExternalMongoModule(settings);
  }
}
