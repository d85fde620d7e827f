package dev.taskmanager.mongo;

import com.mongodb.client.MongoClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded default store: the durable H2 file, as the app runs it. */
class MongoTaskStoreOnEmbeddedMongoTest extends MongoStoreContract {

  @TempDir
  static Path dataDir;

  private static EmbeddedMongo server;
  private static MongoClient client;

  @BeforeAll
  static void startServer() {
    server = EmbeddedMongo.start(dataDir, 0);
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
