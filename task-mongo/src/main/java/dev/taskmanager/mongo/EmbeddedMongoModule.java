package dev.taskmanager.mongo;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.mongodb.client.MongoClient;

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
  StoreLifecycle lifecycle(EmbeddedMongo server, MongoClient client) {
    return new ClientLifecycle(server.uri() + "/" + settings.database() + " (embedded, " + server.dataDir() + ")",
        client, server::close);
  }
}
