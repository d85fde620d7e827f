package dev.taskmanager.mongo.backup;

import com.mongodb.client.MongoClient;
import dev.taskmanager.mongo.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** Backups on a real MongoDB, the official image; skipped, and reported so, without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class MongoBackupsOnMongoContainerIT extends MongoBackupsContract {

  @Container
  private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

  private static MongoClient client;

  @BeforeAll
  static void connect() {
    client = TestServers.clientOf(MONGO.getConnectionString());
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  @Override
  protected MongoClient client() {
    return client;
  }
}
