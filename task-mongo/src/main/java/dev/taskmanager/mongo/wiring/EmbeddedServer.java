package dev.taskmanager.mongo.wiring;

import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.embeddedmongo.DataDirectoryInUseException;
import dev.taskmanager.embeddedmongo.EmbeddedMongoException;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The app's embedded MongoDB-wire server: the embedded-mongo engine on {@value #DATA_FILE_NAME} in
 * the data directory, its failures told in the app's terms.
 */
public final class EmbeddedServer {

  /** The data file's name, kept from the first releases so that their data directories still open. */
  public static final String DATA_FILE_NAME = "tasks.mv.db";

  private static final Logger LOG = Logger.getLogger(EmbeddedServer.class.getName());

  private EmbeddedServer() {}

  /**
   * Opens (or creates) the data in {@code dataDir} and starts serving it on 127.0.0.1.
   *
   * @param port 0 lets the system pick a free one
   * @throws TaskStoreException with a one-line message when another process holds the data
   *     directory (saying how to reach it instead), the port is busy, or the data file cannot be used
   */
  public static EmbeddedMongoServer start(Path dataDir, int port) {
    try {
      EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, DATA_FILE_NAME, port);
      // Such as the conversion of a data file an older release wrote: once, worth a line in the log.
      server.notices().forEach(LOG::info);
      return server;
    } catch (DataDirectoryInUseException inUse) {
      throw new TaskStoreException("data directory " + dataDir + " is in use by process " + inUse.processId()
          + inUse.runningAt().map(address -> ", which serves it at " + address).orElse("")
          + "; set TASK_MONGO_URI to the URI in " + dataDir.resolve("mongo.address") + ", or stop that process", inUse);
    } catch (EmbeddedMongoException cannotStart) {
      throw new TaskStoreException(cannotStart.getMessage(), cannotStart);
    }
  }

  /** Where the server running on {@code dataDir} in another process listens, if one does. */
  static Optional<String> runningOn(Path dataDir) {
    return EmbeddedMongoServer.runningOn(dataDir);
  }

  /** Closes the server, its failure told as the store's. */
  static void close(EmbeddedMongoServer server) {
    try {
      server.close();
    } catch (EmbeddedMongoException cannotClose) {
      throw new TaskStoreException(cannotClose.getMessage(), cannotClose);
    }
  }
}
