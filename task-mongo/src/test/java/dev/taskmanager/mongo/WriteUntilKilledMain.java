package dev.taskmanager.mongo;

import com.mongodb.client.MongoClient;
import java.nio.file.Path;

/**
 * A child process for tests: runs the embedded server on a data directory, as the app does, and
 * creates tasks through it until killed, printing each id once its create was acknowledged.
 * Argument: the data directory.
 */
public final class WriteUntilKilledMain {

  private WriteUntilKilledMain() {}

  public static void main(String[] args) {
    EmbeddedMongo server = EmbeddedMongo.start(Path.of(args[0]), 0);
    try (MongoClient client = TestServers.clientOf(server.uri())) {
      CreateTasksMain.createAndReport(MongoTaskStore.open(client.getDatabase("TaskManager")), 0);
    }
  }
}
