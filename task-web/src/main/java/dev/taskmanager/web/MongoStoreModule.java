package dev.taskmanager.web;

import com.google.inject.AbstractModule;
import dev.taskmanager.mongo.wiring.StoreModules;
import dev.taskmanager.mongo.wiring.StoreSettings;

/**
 * The MongoDB store for the web app: the server at {@code TASK_MONGO_URI}, or the embedded server
 * the app starts on its data directory, which other local processes (the CLI) then reach through
 * the address it writes there.
 */
final class MongoStoreModule extends AbstractModule {

  private final StoreSettings settings;

  MongoStoreModule(Settings settings) {
    this.settings = StoreSettings.defaults()
        .withUri(settings.mongoUri())
        .withDatabase(settings.database())
        .withDataDir(settings.dataDir());
  }

  @Override
  protected void configure() {
    install(StoreModules.forSettings(settings));
    if (settings.uri() == null) {
      bind(ServedCommandLine.class).toInstance(new ServedCommandLine(settings.dataDir(), settings.database()));
    }
  }
}
