package dev.taskmanager.mongo.adapter;

import com.mongodb.client.MongoClient;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.testing.TestServers;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import java.nio.file.Path;

/**
 * A child process for tests: runs the embedded server on a data directory, as the app does, and
 * creates tasks through it until killed, printing each id once its create was acknowledged.
 * Argument: the data directory.
 */
public final class WriteUntilKilledMain {

  private WriteUntilKilledMain() {}

  public static void main(String[] args) {
    EmbeddedMongoServer server = EmbeddedServer.start(Path.of(args[0]), 0);
    try (MongoClient client = TestServers.clientOf(server.uri())) {
      CreateTasksMain.createAndReport(MongoTaskStore.open(client.getDatabase("TaskManager")), 0);
    }
  }
}
