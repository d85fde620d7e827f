package dev.taskmanager.mongo.adapter;

import com.mongodb.client.MongoClient;
import dev.taskmanager.mongo.testing.InMemoryMongoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on the embedded server's protocol with its in-memory backend: the fast variant. */
class MongoTaskStoreOnMemoryServerTest extends MongoStoreContract {

  @RegisterExtension
  static final InMemoryMongoServer mongo = new InMemoryMongoServer();

  @Override
  protected MongoClient client() {
    return mongo.client();
  }
}
