package dev.taskmanager.mongo.backup;

import com.mongodb.client.MongoClient;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.testing.TestServers;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Backups of the embedded default store: the durable H2 file, as the app runs it. */
class MongoBackupsOnEmbeddedMongoTest extends MongoBackupsContract {

  @TempDir
  static Path dataDir;

  private static EmbeddedMongoServer server;
  private static MongoClient client;

  @BeforeAll
  static void startServer() {
    server = EmbeddedServer.start(dataDir, 0);
    client = TestServers.clientOf(server.uri());
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.close();
  }

  @Override
  protected MongoClient client() {
    return client;
  }
}
