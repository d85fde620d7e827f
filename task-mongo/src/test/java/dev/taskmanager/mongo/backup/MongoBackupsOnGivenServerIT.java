package dev.taskmanager.mongo.backup;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoClient;
import dev.taskmanager.mongo.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Backups on any server named by {@code TASK_TEST_MONGO_URI} (a replica set, a sharded cluster, a
 * managed service); skipped when it is unset. It makes and drops databases named
 * {@code TaskManagerBackupContract<n>} there, and touches nothing else.
 */
class MongoBackupsOnGivenServerIT extends MongoBackupsContract {

  private static MongoClient client;

  @BeforeAll
  static void connect() {
    String uri = System.getenv("TASK_TEST_MONGO_URI");
    assumeTrue(uri != null && !uri.isBlank(), "TASK_TEST_MONGO_URI is not set");
    client = TestServers.clientOf(uri);
  }

  @AfterAll
  static void disconnect() {
    if (client != null) {
      client.close();
    }
  }

  @Override
  protected MongoClient client() {
    return client;
  }
}
