package dev.taskmanager.mongo;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the embedded server's protocol with its in-memory backend: the fast variant. */
class MongoTaskStoreOnMemoryServerTest extends MongoStoreContract {

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
