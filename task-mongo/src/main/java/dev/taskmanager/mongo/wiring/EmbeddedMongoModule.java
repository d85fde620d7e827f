package dev.taskmanager.mongo.wiring;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.mongodb.client.MongoClient;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;

/**
 * Tasks in the embedded server, started on the data directory when first needed and reached through
 * the same driver adapter as a real MongoDB.
 */
final class EmbeddedMongoModule extends AbstractMongoModule {

  EmbeddedMongoModule(StoreSettings settings) {
    super(settings);
  }

  @Provides
  @Singleton
  EmbeddedMongoServer server() {
    return EmbeddedServer.start(settings.dataDir(), settings.embeddedPort());
  }

  @Provides
  @Singleton
  MongoClient client(EmbeddedMongoServer server) {
    return MongoClientFactory.create(server.uri(), settings);
  }

  @Provides
  @Singleton
  StoreLifecycle lifecycle(EmbeddedMongoServer server, MongoClient client) {
    return new ClientLifecycle(server.address() + "/" + settings.database() + " (embedded, " + server.dataDir() + ")",
        client, () -> EmbeddedServer.close(server));
  }
}
