package dev.taskmanager.mongo.wiring;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.concurrent.TimeUnit;

/** Builds the driver's client with the store's timeouts, so an unreachable server fails fast. */
public final class MongoClientFactory {

  private MongoClientFactory() {}

  public static MongoClient create(String uri, StoreSettings settings) {
    long connectMillis = settings.connectTimeout().toMillis();
    // No serverApi: the embedded server has no 'hello' command and would never be connected.
    MongoClientSettings clientSettings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(uri))
        .applicationName("task-manager")
        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(connectMillis, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(socket -> socket
            .connectTimeout(connectMillis, TimeUnit.MILLISECONDS)
            .readTimeout(settings.socketTimeout().toMillis(), TimeUnit.MILLISECONDS))
        .build();
    return MongoClients.create(clientSettings);
  }

  /** The URI's hosts and database, without user or password, for messages. */
  static String describe(String uri) {
    ConnectionString parsed = new ConnectionString(uri);
    return (parsed.isSrvProtocol() ? "mongodb+srv://" : "mongodb://") + String.join(",", parsed.getHosts());
  }
}
