package dev.taskmanager.mongo.backup;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import dev.taskmanager.mongo.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Backups on the library's in-memory backend: another MongoDB-wire server than the app's own. */
class MongoBackupsOnMemoryServerTest extends MongoBackupsContract {

  private static MongoServer server;
  private static MongoClient client;

  @BeforeAll
  static void startServer() {
    server = TestServers.startInMemory(0);
    client = TestServers.clientOf(TestServers.uriOf(server));
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.shutdownNow();
  }

  @Override
  protected MongoClient client() {
    return client;
  }
}
