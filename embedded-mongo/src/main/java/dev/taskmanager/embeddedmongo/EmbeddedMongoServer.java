package dev.taskmanager.embeddedmongo;

import de.bwaldvogel.mongo.MongoServer;
import dev.taskmanager.embeddedmongo.access.ClientSecret;
import dev.taskmanager.embeddedmongo.access.SecretRequiringBackend;
import dev.taskmanager.embeddedmongo.storage.DurableBackend;
import dev.taskmanager.embeddedmongo.storage.FileFailures;
import dev.taskmanager.embeddedmongo.storage.FileFormat;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * A MongoDB-wire server in this process: mongo-java-server on a durable H2 file in a data
 * directory, listening on 127.0.0.1 only. Clients reach it with any MongoDB driver at {@link #uri()},
 * which is also written to {@code mongo.address} in the data directory for other local processes
 * ({@link #runningOn}).
 *
 * <p>Only the user running the server gets at the data: the data directory it creates, the data
 * file, the lock and the address are theirs alone, and the port serves a connection only once it
 * presents the secret in {@link #uri()} ({@link SecretRequiringBackend}), made once and kept in
 * {@code mongo.secret}.
 *
 * <pre>{@code
 * try (EmbeddedMongoServer server = EmbeddedMongoServer.start(Path.of("data"), "mongo.mv.db", 0)) {
 *   MongoClient client = MongoClients.create(server.uri());
 * }
 * }</pre>
 *
 * <p>The data directory belongs to one process at a time (a lock file holds it). A write the server
 * acknowledged survives the process being killed, unless its write concern said {@code j: false}.
 * Indexes the clients create are kept in the file and serve queries; see the module's README.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

  public static final String HOST = "127.0.0.1";

  private static final String NETTY_FLIGHT_RECORDER = "io.netty.jfr.enabled";

  /** Commits block the event loop that waits for them; many loops keep clients from sharing one. */
  private static final int EVENT_LOOPS = 32;
  /**
   * The page cache lives in the caller's heap. Pages, creates and lookups read the same few pages
   * again and again; a scan of every document reads them all whatever the cache (over 100,000
   * documents it took 0.55-0.67 s with 16 MB, 0.7 s with 32 MB and 2.1 s with 64 MB, the heap then
   * too full of cached pages to collect cheaply).
   */
  private static final int CACHE_MEGABYTES = 16;
  /**
   * Every commit writes again the whole leaf page new documents go to; H2's 16 KB leaves hold ~100
   * documents, 4 KB ones ~25: creates at 4 clients went from ~1,900/s to ~2,200/s.
   */
  private static final int PAGE_SPLIT_BYTES = 4 * 1024;
  /**
   * How long a chunk that no longer holds live pages keeps its place in the file before its space is
   * reused (counted from the chunk's writing). H2's default is 45 s, which made frequent commits grow
   * the file by gigabytes. At 0, H2 may reuse a chunk's blocks while the chunk map still lists it
   * (h2database#2752, #4083, #4247), and Nitrite's soak failed every run at 0 and none with a 1 s
   * window. (The kill tests here once seemed to lose writes at 0 too; probably their reading of the
   * child's output, which lost its last lines, fixed since.) The compaction here keeps the file
   * small with 1 s, and puts it back after H2's {@code compactFile}, which sets 0 for good.
   */
  private static final int RETENTION_MILLIS = 1_000;

  /**
   * netty 4.2 defines Flight Recorder events for its allocator and, when the JVM offers Flight
   * Recorder, loads Flight Recorder's classes with them as the server starts (~100; netty's events
   * cannot go in a class-data archive): ~70 ms of every {@code task} command that opens a store
   * (1.03 s against 0.95 s on a 1,000-task store). Off unless the JVM was told otherwise; netty
   * reads the setting once, as its classes load, which is after this class's.
   */
  static {
    if (System.getProperty(NETTY_FLIGHT_RECORDER) == null) {
      System.setProperty(NETTY_FLIGHT_RECORDER, "false");
    }
  }

  private final Path dataDir;
  private final DataDirectoryLock lock;
  private final MongoServer server;
  private final String uri;
  private final String address;
  private final List<String> notices;

  private EmbeddedMongoServer(
      Path dataDir, DataDirectoryLock lock, MongoServer server, ClientSecret secret, List<String> notices) {
    this.dataDir = dataDir;
    this.lock = lock;
    this.server = server;
    int port = server.getLocalAddress().getPort();
    this.uri = secret.uri(HOST, port);
    this.address = "mongodb://" + HOST + ":" + port;
    this.notices = List.copyOf(notices);
  }

  /**
   * Opens (or creates) the file {@code fileName} in {@code dataDir} and starts serving it. A file of
   * an older format is converted first, its indexes built anew ({@link #notices} says so).
   *
   * @param port the port on 127.0.0.1; 0 lets the system pick a free one
   * @throws DataDirectoryInUseException when another process holds the data directory
   * @throws EmbeddedMongoException with a one-line message when the port is busy or the data file
   *     cannot be opened
   */
  public static EmbeddedMongoServer start(Path dataDir, String fileName, int port) {
    DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
    try {
      List<String> notices = new ArrayList<>();
      Path file = dataDir.resolve(fileName);
      ownerOnly(file);
      ClientSecret secret = SecretFile.readOrCreate(dataDir);
      MongoServer server = new MongoServer(new SecretRequiringBackend(openBackend(file, notices), secret));
      bind(server, port);
      EmbeddedMongoServer started = new EmbeddedMongoServer(dataDir, lock, server, secret, notices);
      AddressFile.write(dataDir, started.uri);
      return started;
    } catch (RuntimeException failed) {
      lock.close();
      throw failed;
    }
  }

  /**
   * The URI of the server that runs on {@code dataDir} now, as it wrote it down, its secret included
   * (so only the directory's owner can read it); empty when no process holds the directory, or this
   * user may not read where it listens (then a caller may try to open the directory itself).
   */
  public static Optional<String> runningOn(Path dataDir) {
    if (!DataDirectoryLock.isHeld(dataDir)) {
      return Optional.empty();
    }
    return AddressFile.read(dataDir);
  }

  /**
   * The URI clients connect to, with the secret the server demands as the password of the user
   * {@code embedded} ({@code authMechanism=PLAIN}). Never for a log or a message: {@link
   * #address()} is.
   */
  public String uri() {
    return uri;
  }

  /** Where the server listens, {@code mongodb://127.0.0.1:<port>}, without the secret. */
  public String address() {
    return address;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** What the opening did that its operator should know of, such as converting an older file. */
  public List<String> notices() {
    return notices;
  }

  /**
   * Stops serving, writes the file closed cleanly and releases the data directory.
   *
   * @throws EmbeddedMongoException when the file cannot be closed cleanly (a full disk); every write
   *     acknowledged before is on disk all the same
   */
  @Override
  public void close() {
    try {
      AddressFile.delete(dataDir);
      server.shutdownNow();
    } catch (MVStoreException unwritable) {
      throw new EmbeddedMongoException("cannot close the data file in " + dataDir + " cleanly: "
          + FileFailures.reason(unwritable) + "; every write acknowledged before is kept", unwritable);
    } finally {
      lock.close();
    }
  }

  /**
   * A new data file is created owner-only before H2 opens it (H2 would create it readable by all),
   * and an existing one, perhaps made so by an earlier release, is made owner-only.
   */
  private static void ownerOnly(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createFile(file, OwnerOnly.newFile());
      }
      OwnerOnly.restrict(file);
    } catch (IOException failed) {
      throw new EmbeddedMongoException("cannot use the data file " + file + ": " + FileFailures.reason(failed)
          + "; accepted: a file of the user running the server, in a writable directory", failed);
    }
  }

  private static DurableBackend openBackend(Path file, List<String> notices) {
    MVStore mvStore = open(file);
    DurableBackend backend = null;
    try {
      FileFormat format = FileFormat.of(mvStore);
      long started = System.nanoTime();
      backend = new DurableBackend(mvStore);
      format.recordOpening(mvStore);
      if (!format.isCurrent()) {
        notices.add("converted " + file + " from format " + format.version() + " to " + FileFormat.CURRENT
            + " (indexes built anew) in " + (System.nanoTime() - started) / 1_000_000 + " ms");
      }
      return backend;
    } catch (MVStoreException | IllegalStateException unusable) {
      // Let go of the file: the error is for the caller to report, not for a later close to repeat.
      if (backend != null) {
        backend.abandon();
      }
      mvStore.closeImmediately();
      throw new EmbeddedMongoException("cannot open the data file " + file + ": " + FileFailures.reason(unusable),
          unusable);
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
      mvStore.setRetentionTime(RETENTION_MILLIS);
      return mvStore;
    } catch (MVStoreException unreadable) {
      throw new EmbeddedMongoException("cannot open the data file " + file + ": " + FileFailures.reason(unreadable),
          unreadable);
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
        throw new EmbeddedMongoException("cannot listen on " + HOST + ":" + port
            + ": the port is in use; choose another port, or 0 for any free one", failed);
      }
      throw new EmbeddedMongoException("cannot listen on " + HOST + ":" + port + ": " + failed.getMessage(), failed);
    }
  }
}
