package dev.taskmanager.mongo;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Servers and clients for tests, all on 127.0.0.1. */
final class TestServers {

  /** Timeouts short enough for tests about an unreachable server. */
  static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);
  static final String LOOPBACK = "127.0.0.1";

  private TestServers() {}

  /** The embedded server's protocol over the fast in-memory backend: nothing touches the disk. */
  static MongoServer startInMemory(int port) {
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind(new InetSocketAddress(LOOPBACK, port));
    return server;
  }

  static String uriOf(MongoServer server) {
    return "mongodb://" + LOOPBACK + ":" + server.getLocalAddress().getPort();
  }

  static MongoClient clientOf(String uri) {
    return MongoClientFactory.create(uri, StoreSettings.defaults());
  }

  static MongoClient clientOf(String uri, Duration timeout) {
    return MongoClientFactory.create(uri, StoreSettings.defaults().withTimeouts(timeout, timeout));
  }
}
