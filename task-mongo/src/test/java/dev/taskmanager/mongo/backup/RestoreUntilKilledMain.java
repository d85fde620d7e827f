package dev.taskmanager.mongo.backup;

import com.mongodb.client.MongoClient;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.testing.TestServers;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A child process for tests: runs the embedded server on a data directory, as the CLI does when no
 * app is running, and restores a backup into it, printing {@code started} first and {@code
 * restored} once the restore returned. Arguments: the data directory, the backup file.
 */
public final class RestoreUntilKilledMain {

  private RestoreUntilKilledMain() {}

  public static void main(String[] args) {
    try (EmbeddedMongoServer server = EmbeddedServer.start(Path.of(args[0]), 0);
        MongoClient client = TestServers.clientOf(server.uri())) {
      MongoBackups backups = new MongoBackups(client.getDatabase("TaskManager"), Clock.systemUTC());
      System.out.println("started");
      backups.restore(Path.of(args[1]));
      System.out.println("restored");
    }
  }
}
