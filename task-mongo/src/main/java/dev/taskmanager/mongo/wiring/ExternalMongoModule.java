package dev.taskmanager.mongo.wiring;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.mongodb.client.MongoClient;

/** Tasks in a MongoDB given by URI: a standalone server, a replica set or a sharded cluster. */
final class ExternalMongoModule extends AbstractMongoModule {

  ExternalMongoModule(StoreSettings settings) {
    super(settings);
  }

  @Provides
  @Singleton
  MongoClient client() {
    return MongoClientFactory.create(settings.uri(), settings);
  }

  @Provides
  @Singleton
  StoreLifecycle lifecycle(MongoClient client) {
    return new ClientLifecycle(MongoClientFactory.describe(settings.uri()) + "/" + settings.database(), client, () -> {});
  }
}
