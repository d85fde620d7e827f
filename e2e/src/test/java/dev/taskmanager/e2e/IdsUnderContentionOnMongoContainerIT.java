package dev.taskmanager.e2e;

import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Contention on a real MongoDB, the official image, which the web app and {@code bin/task} reach by
 * {@code TASK_MONGO_URI}; skipped, and reported so, without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class IdsUnderContentionOnMongoContainerIT extends IdsUnderContention {

  @Container
  private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

  @Override
  Map<String, String> appStore(Path dir, String database) {
    // The data directory keeps only the generated secret here.
    return Map.of("TASK_MONGO_URI", MONGO.getConnectionString(), "TASK_DB", database,
        "TASK_DATA_DIR", dir.resolve("data").toString());
  }

  @Override
  Map<String, String> cliStore(Path dir, String database) {
    return Map.of("TASK_MONGO_URI", MONGO.getConnectionString(), "TASK_DB", database);
  }
}
