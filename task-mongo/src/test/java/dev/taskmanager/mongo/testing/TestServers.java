package dev.taskmanager.mongo.testing;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.taskmanager.mongo.wiring.MongoClientFactory;
import dev.taskmanager.mongo.wiring.StoreSettings;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Servers and clients for tests, all on 127.0.0.1. */
public final class TestServers {

  /** Timeouts short enough for tests about an unreachable server. */
  public static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);
  public static final String LOOPBACK = "127.0.0.1";

  private TestServers() {}

  /** The embedded server's protocol over the fast in-memory backend: nothing touches the disk. */
  public static MongoServer startInMemory(int port) {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind(new InetSocketAddress(LOOPBACK, port));
    return server;
  }

  public static String uriOf(MongoServer server) {
    return "mongodb://" + LOOPBACK + ":" + server.getLocalAddress().getPort();
  }

  public static MongoClient clientOf(String uri) {
    return MongoClientFactory.create(uri, StoreSettings.defaults());
  }

  public static MongoClient clientOf(String uri, Duration timeout) {
    return MongoClientFactory.create(uri, StoreSettings.defaults().withTimeouts(timeout, timeout));
  }
}
