package dev.taskmanager.mongo;

import dev.taskmanager.core.model.TaskStoreException;
import java.nio.file.Path;

/**
 * Runs the embedded server as a process of its own, until it is stopped (SIGTERM or Ctrl-C close the
 * data file cleanly). It prints one line, {@code listening on mongodb://127.0.0.1:<port>}, once
 * clients can connect.
 *
 * <pre>java -cp ... dev.taskmanager.mongo.EmbeddedMongoMain [data directory] [port]</pre>
 *
 * The data directory defaults to {@code TASK_DATA_DIR}, then {@code ./data}; the port to 0 (any free
 * port). Exit code 1 with one line on standard error when it cannot start.
 */
public final class EmbeddedMongoMain {

  private EmbeddedMongoMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path dataDir;
    int port;
    try {
      dataDir = Path.of(args.length > 0 ? args[0] : System.getenv().getOrDefault("TASK_DATA_DIR", "data"));
      port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    } catch (RuntimeException badArguments) {
      System.err.println("embedded-mongo: usage: EmbeddedMongoMain [data directory] [port 0-65535]");
      System.exit(2);
      return;
    }
    EmbeddedMongo server;
    try {
      server = EmbeddedMongo.start(dataDir, port);
    } catch (TaskStoreException cannotStart) {
      System.err.println("embedded-mongo: " + cannotStart.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-mongo-shutdown"));
    System.out.println("listening on " + server.uri());
    System.out.flush();
    Thread.currentThread().join();
  }
}
