package dev.taskmanager.embeddedmongo;

import java.nio.file.Path;

/**
 * Runs the embedded server as a process of its own, until it is stopped (SIGTERM or Ctrl-C close the
 * data file cleanly). It prints one line, {@code listening on mongodb://127.0.0.1:<port> (the URI
 * with its secret is in <data directory>/mongo.address)}, once clients can connect.
 *
 * <pre>java -cp ... dev.taskmanager.embeddedmongo.EmbeddedMongoMain [data directory [port [file name]]]</pre>
 *
 * The data directory defaults to {@code ./data}, the port to 0 (any free port), the file name to
 * {@code mongo.mv.db}. Exit code 2 for bad arguments, 1 with one line on standard error when it
 * cannot start.
 */
public final class EmbeddedMongoMain {

  private static final String USAGE = "usage: EmbeddedMongoMain [data directory [port 0-65535 [file name]]]";

  private EmbeddedMongoMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path dataDir;
    int port;
    String fileName;
    try {
      if (args.length > 3) {
        throw new IllegalArgumentException("too many arguments");
      }
      dataDir = Path.of(args.length > 0 ? args[0] : "data");
      port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port out of range");
      }
      fileName = args.length > 2 ? args[2] : "mongo.mv.db";
    } catch (RuntimeException badArguments) {
      System.err.println("embedded-mongo: " + USAGE);
      System.exit(2);
      return;
    }
    EmbeddedMongoServer server;
    try {
      server = EmbeddedMongoServer.start(dataDir, fileName, port);
    } catch (EmbeddedMongoException cannotStart) {
      System.err.println("embedded-mongo: " + cannotStart.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-mongo-shutdown"));
    server.notices().forEach(notice -> System.out.println("embedded-mongo: " + notice));
    System.out.println("listening on " + server.address() + " (the URI with its secret is in "
        + dataDir.resolve("mongo.address") + ")");
    System.out.flush();
    Thread.currentThread().join();
  }
}
