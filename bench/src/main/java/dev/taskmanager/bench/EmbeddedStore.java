package dev.taskmanager.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.wiring.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The app's default store for one trial: the embedded server on its durable file in a fresh
 * temporary data directory, reached over the wire by a driver client, with our adapter on it.
 */
final class EmbeddedStore implements AutoCloseable {

  final MongoDatabase database;
  final MongoTaskStore store;
  private final Path dataDir;
  private final EmbeddedMongoServer server;
  private final MongoClient client;

  private EmbeddedStore(Path dataDir, EmbeddedMongoServer server, MongoClient client) {
    this.dataDir = dataDir;
    this.server = server;
    this.client = client;
    this.database = client.getDatabase(StoreSettings.DEFAULT_DATABASE);
    this.store = MongoTaskStore.open(database);
  }

  static EmbeddedStore start() throws IOException {
    Path dataDir = Files.createTempDirectory("task-bench-");
    EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0);
    return new EmbeddedStore(dataDir, server, MongoClients.create(server.uri()));
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      server.close();
      deleteRecursively(dataDir);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }
}
