package dev.taskmanager.mongo;

import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.mongodb.client.MongoClient;
import dev.taskmanager.core.port.TaskStore;

/** Tasks in a MongoDB given by URI: a standalone server, a replica set or a sharded cluster. */
final class ExternalMongoModule extends PrivateModule {

  private final StoreSettings settings;

  ExternalMongoModule(StoreSettings settings) {
    this.settings = settings;
  }

  @Override
  protected void configure() {
    expose(TaskStore.class);
    expose(StoreLifecycle.class);
    expose(MongoStoreDoctor.class);
  }

  @Provides
  @Singleton
  MongoClient client() {
    return MongoClientFactory.create(settings.uri(), settings);
  }

  @Provides
  @Singleton
  TaskStore store(MongoClient client, StoreLifecycle lifecycle) {
    try {
      return MongoTaskStore.open(client.getDatabase(settings.database()));
    } catch (RuntimeException cannotOpen) {
      lifecycle.close();
      throw cannotOpen;
    }
  }

  /** Needs no {@link TaskStore}: it must work on a database the store refuses to open. */
  @Provides
  @Singleton
  MongoStoreDoctor doctor(MongoClient client) {
    return new MongoStoreDoctor(client.getDatabase(settings.database()));
  }

  @Provides
  @Singleton
  StoreLifecycle lifecycle(MongoClient client) {
    return new ClientLifecycle(MongoClientFactory.describe(settings.uri()) + "/" + settings.database(), client, () -> {});
  }
}
