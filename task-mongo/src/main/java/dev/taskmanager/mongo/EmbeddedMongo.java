package dev.taskmanager.mongo;

import de.bwaldvogel.mongo.MongoServer;
import dev.taskmanager.core.model.TaskStoreException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The embedded MongoDB-wire server: mongo-java-server on a durable H2 file in a data directory,
 * listening on 127.0.0.1 only. Clients reach it with the ordinary MongoDB driver at {@link #uri()},
 * which is also written to {@code mongo.address} in the data directory for other local processes.
 *
 * <pre>{@code
 * try (EmbeddedMongo server = EmbeddedMongo.start(Path.of("data"), 0)) {
 *   MongoClient client = MongoClients.create(server.uri());
 * }
 * }</pre>
 *
 * <p>The data directory belongs to one process at a time (a lock file holds it); a write the server
 * acknowledged survives the process being killed.
 */
public final class EmbeddedMongo implements AutoCloseable {

  static final String DATA_FILE_NAME = "tasks.mv.db";
  static final String HOST = "127.0.0.1";

  /** Commits block the event loop that waits for them; many loops keep clients from sharing one. */
  private static final int EVENT_LOOPS = 32;
  /**
   * The cache lives in the web app's heap (128 MB at most). Pages, creates and lookups read the
   * same few pages again and again; only a title search reads every task, and over 100,000 tasks
   * it took 0.55-0.67 s with 16 MB, 0.7 s with 32 MB and 2.1 s with 64 MB, the heap then too full
   * of cached pages to collect cheaply (the first search after opening took 2 s or more with
   * each). The app's resident size after a create load: 179 MB with 16 MB, 194 with 32, 224 with
   * 64.
   */
  private static final int CACHE_MEGABYTES = 16;
  /**
   * Every commit writes again the whole leaf page new tasks go to; H2's 16 KB leaves hold ~100 tasks,
   * 4 KB ones ~25: creates at 4 clients went from ~1,900/s to ~2,200/s (JMH, MongoCreateBenchmark).
   */
  private static final int PAGE_SPLIT_BYTES = 4 * 1024;

  private final Path dataDir;
  private final DataDirectoryLock lock;
  private final MongoServer server;
  private final String uri;

  private EmbeddedMongo(Path dataDir, DataDirectoryLock lock, MongoServer server) {
    this.dataDir = dataDir;
    this.lock = lock;
    this.server = server;
    InetSocketAddress address = server.getLocalAddress();
    this.uri = "mongodb://" + HOST + ":" + address.getPort();
  }

  /**
   * Opens (or creates) the data in {@code dataDir} and starts serving it.
   *
   * @param port the port on 127.0.0.1; 0 lets the system pick a free one
   * @throws TaskStoreException with a one-line message when another process holds the data
   *     directory, the port is busy, or the data file cannot be opened
   */
  public static EmbeddedMongo start(Path dataDir, int port) {
    DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
    try {
      MVStore mvStore = open(dataDir.resolve(DATA_FILE_NAME));
      MongoServer server = new MongoServer(new DurableH2Backend(mvStore));
      bind(server, port);
      EmbeddedMongo started = new EmbeddedMongo(dataDir, lock, server);
      AddressFile.write(dataDir, started.uri);
      return started;
    } catch (RuntimeException failed) {
      lock.close();
      throw failed;
    }
  }

  /** The address clients connect to, {@code mongodb://127.0.0.1:<port>}. */
  public String uri() {
    return uri;
  }

  public Path dataDir() {
    return dataDir;
  }

  /**
   * Stops serving, writes the file closed cleanly and releases the data directory.
   *
   * @throws TaskStoreException when the file cannot be closed cleanly (a full disk); every write
   *     acknowledged before is on disk all the same
   */
  @Override
  public void close() {
    try {
      AddressFile.delete(dataDir);
      server.shutdownNow();
    } catch (MVStoreException unwritable) {
      throw new TaskStoreException("cannot close the data file " + dataDir.resolve(DATA_FILE_NAME) + " cleanly: "
          + FileFailures.reason(unwritable) + "; every write acknowledged before is kept", unwritable);
    } finally {
      lock.close();
    }
  }

  private static MVStore open(Path file) {
    try {
      MVStore mvStore = new MVStore.Builder()
          .fileName(file.toString())
          .autoCommitDisabled()
          .cacheSize(CACHE_MEGABYTES)
          .pageSplitSize(PAGE_SPLIT_BYTES)
          .open();
      try {
        mvStore.setRetentionTime(0);
        StorageFormat.recordOpening(mvStore);
      } catch (RuntimeException unwritable) {
        // Let go of the file: the error is for the caller to report, not for a later close to repeat.
        mvStore.closeImmediately();
        throw unwritable;
      }
      return mvStore;
    } catch (MVStoreException unreadable) {
      throw new TaskStoreException("cannot open the data file " + file + ": " + FileFailures.reason(unreadable), unreadable);
    }
  }

  private static void bind(MongoServer server, int port) {
    try {
      server.bind(new InetSocketAddress(HOST, port), 1, EVENT_LOOPS);
    } catch (Exception failed) {
      // Netty throws the checked BindException undeclared, and leaves a thread behind that keeps
      // the JVM alive unless the server is shut down now (which also closes the data file).
      server.shutdownNow();
      if (failed instanceof BindException) {
        throw new TaskStoreException("cannot listen on " + HOST + ":" + port
            + ": the port is in use; choose another port, or 0 for any free one", failed);
      }
      throw new TaskStoreException("cannot listen on " + HOST + ":" + port + ": " + failed.getMessage(), failed);
    }
  }
}
