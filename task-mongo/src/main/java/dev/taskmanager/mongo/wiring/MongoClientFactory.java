package dev.taskmanager.mongo.wiring;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Builds the driver's client with the store's timeouts, so an unreachable server fails fast. */
public final class MongoClientFactory {

  private MongoClientFactory() {}

  public static MongoClient create(String uri, StoreSettings settings) {
    return MongoClients.create(clientSettings(new ConnectionString(uri), settings.connectTimeout(),
        settings.socketTimeout()));
  }

  /**
   * The client's settings for this connection string: where the driver checks the connection
   * string's options against each other (a pool's sizes, a timeout), so {@link StoreConfiguration}
   * checks a URI by building them.
   *
   * @throws RuntimeException of any kind the driver throws for settings it refuses
   */
  static MongoClientSettings clientSettings(ConnectionString uri, Duration connectTimeout, Duration socketTimeout) {
    long connectMillis = connectTimeout.toMillis();
    // No serverApi: the embedded server has no 'hello' command and would never be connected.
    return MongoClientSettings.builder()
        .applyConnectionString(uri)
        .applicationName("task-manager")
        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(connectMillis, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(socket -> socket
            .connectTimeout(connectMillis, TimeUnit.MILLISECONDS)
            .readTimeout(socketTimeout.toMillis(), TimeUnit.MILLISECONDS))
        .build();
  }

  /** The URI's hosts and database, without user or password, for messages. */
  static String describe(String uri) {
    ConnectionString parsed = new ConnectionString(uri);
    return (parsed.isSrvProtocol() ? "mongodb+srv://" : "mongodb://") + String.join(",", parsed.getHosts());
  }
}
