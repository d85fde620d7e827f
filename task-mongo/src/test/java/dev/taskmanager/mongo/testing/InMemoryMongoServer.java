package dev.taskmanager.mongo.testing;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded server's protocol over its in-memory backend on 127.0.0.1, with a driver client,
 * for one test class:
 *
 * <pre>{@code @RegisterExtension static final InMemoryMongoServer mongo = new InMemoryMongoServer();}</pre>
 */
public final class InMemoryMongoServer implements BeforeAllCallback, AfterAllCallback {

  private MongoServer server;
  private MongoClient client;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestServers.startInMemory(0);
    client = TestServers.clientOf(uri());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    client.close();
    server.shutdownNow();
  }

  public MongoClient client() {
    return client;
  }

  public String uri() {
    return TestServers.uriOf(server);
  }
}
