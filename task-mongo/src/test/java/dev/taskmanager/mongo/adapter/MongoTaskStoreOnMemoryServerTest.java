package dev.taskmanager.mongo.adapter;

import com.mongodb.client.MongoClient;
import dev.taskmanager.mongo.testing.InMemoryMongoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract on the MongoDB-wire library's own in-memory backend: another server implementation
 * than the embedded engine, and fast.
 */
class MongoTaskStoreOnMemoryServerTest extends MongoStoreContract {

  @RegisterExtension
  static final InMemoryMongoServer mongo = new InMemoryMongoServer();

  @Override
  protected MongoClient client() {
    return mongo.client();
  }

  /** The library's memory backend ignores hints: a write after a drop finds no index missing. */
  @Override
  protected boolean noticesWhatOtherProgramsDrop() {
    return false;
  }
}
