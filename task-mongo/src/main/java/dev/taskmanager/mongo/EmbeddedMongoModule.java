package dev.taskmanager.mongo;

import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.mongodb.client.MongoClient;
import dev.taskmanager.core.port.TaskStore;

/**
 * Tasks in the embedded server, started on the data directory when first needed and reached through
 * the same driver adapter as a real MongoDB.
 */
final class EmbeddedMongoModule extends PrivateModule {

  private final StoreSettings settings;

  EmbeddedMongoModule(StoreSettings settings) {
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
  EmbeddedMongo server() {
    return EmbeddedMongo.start(settings.dataDir(), settings.embeddedPort());
  }

  @Provides
  @Singleton
  MongoClient client(EmbeddedMongo server) {
    return MongoClientFactory.create(server.uri(), settings);
  }

  @Provides
  @Singleton
  TaskStore store(MongoClient client, StoreLifecycle lifecycle) {
    try {
      return MongoTaskStore.open(client.getDatabase(settings.database()));
    } catch (RuntimeException cannotOpen) {
      // The server's threads would keep the JVM alive after a failed start.
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
  StoreLifecycle lifecycle(EmbeddedMongo server, MongoClient client) {
    return new ClientLifecycle(server.uri() + "/" + settings.database() + " (embedded, " + server.dataDir() + ")",
        client, server::close);
  }
}
