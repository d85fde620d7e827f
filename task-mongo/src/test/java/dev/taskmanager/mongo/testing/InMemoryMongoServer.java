package dev.taskmanager.mongo.testing;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded server's protocol over its in-memory backend on 127.0.0.1, with a driver client,
 * for one test class and the {@code @Nested} classes inside it:
 *
 * <pre>{@code @RegisterExtension static final InMemoryMongoServer mongo = new InMemoryMongoServer();}</pre>
 */
public final class InMemoryMongoServer implements BeforeAllCallback, AfterAllCallback {

  private MongoServer server;
  private MongoClient client;
  /** The class that started the server: JUnit calls back for each {@code @Nested} class inside it too. */
  private ExtensionContext owner;

  @Override
  public void beforeAll(ExtensionContext context) {
    if (owner != null) {
      return;
    }
    owner = context;
    server = TestServers.startInMemory(0);
    client = TestServers.clientOf(uri());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (context != owner) {
      return;
    }
    owner = null;
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
