package dev.taskmanager.mongo.wiring;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the tasks are kept and how long to wait for the store: what the web app and the CLI fill
 * from their environment variables and flags. Immutable; start from {@link #defaults()}.
 *
 * @param uri a MongoDB connection string ({@code TASK_MONGO_URI}); {@code null} for the embedded
 *     server in {@code dataDir}
 * @param database the database name ({@code TASK_DB}), {@code TaskManager} when null
 * @param dataDir where the embedded server keeps its file ({@code TASK_DATA_DIR}), {@code ./data} by
 *     default; unused with a {@code uri}
 * @param embeddedPort the port the embedded server listens on, on 127.0.0.1; 0 lets the system pick
 * @param connectTimeout how long to wait for a server to be found and connected before an operation
 *     fails; a few seconds, so an unreachable store fails fast instead of after the driver's 30 s
 * @param socketTimeout how long to wait for a server's answer once connected
 * @throws IllegalArgumentException for a port or timeout out of range
 * @throws InvalidSettingException for a URI or database name that {@link StoreConfiguration}'s rules
 *     refuse; the message never repeats the URI, which may hold a password
 */
public record StoreSettings(
    String uri, String database, Path dataDir, int embeddedPort, Duration connectTimeout, Duration socketTimeout) {

  public static final String DEFAULT_DATABASE = StoreConfiguration.DEFAULT_DATABASE;
  public static final Path DEFAULT_DATA_DIR = Path.of(StoreConfiguration.DEFAULT_DATA_DIR);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(30);

  public StoreSettings {
    if (uri != null && uri.isBlank()) {
      uri = null;
    }
    if (uri != null) {
      new StoreConfiguration.MongoUriConverter().convert(uri);
    }
    database = new StoreConfiguration.DatabaseConverter().convert(database == null ? DEFAULT_DATABASE : database);
    dataDir = dataDir == null ? DEFAULT_DATA_DIR : dataDir;
    if (embeddedPort < 0 || embeddedPort > 65_535) {
      throw new IllegalArgumentException("embedded port: " + embeddedPort
          + " is out of range; accepted: 1 to 65535, or 0 for any free port");
    }
    connectTimeout = positive("connect timeout", connectTimeout, DEFAULT_CONNECT_TIMEOUT);
    socketTimeout = positive("socket timeout", socketTimeout, DEFAULT_SOCKET_TIMEOUT);
  }

  /** The embedded server in {@code ./data}, database {@code TaskManager}, any free port. */
  public static StoreSettings defaults() {
    return new StoreSettings(null, null, null, 0, null, null);
  }

  public StoreSettings withUri(String newUri) {
    return new StoreSettings(newUri, database, dataDir, embeddedPort, connectTimeout, socketTimeout);
  }

  public StoreSettings withDatabase(String newDatabase) {
    return new StoreSettings(uri, newDatabase, dataDir, embeddedPort, connectTimeout, socketTimeout);
  }

  public StoreSettings withDataDir(Path newDataDir) {
    return new StoreSettings(uri, database, newDataDir, embeddedPort, connectTimeout, socketTimeout);
  }

  public StoreSettings withEmbeddedPort(int newPort) {
    return new StoreSettings(uri, database, dataDir, newPort, connectTimeout, socketTimeout);
  }

  public StoreSettings withTimeouts(Duration newConnectTimeout, Duration newSocketTimeout) {
    return new StoreSettings(uri, database, dataDir, embeddedPort, newConnectTimeout, newSocketTimeout);
  }

  /** Whether the tasks live in the embedded server rather than a MongoDB given by URI. */
  public boolean embedded() {
    return uri == null;
  }

  private static Duration positive(String name, Duration value, Duration fallback) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + ": " + value + " is not positive; accepted: a positive duration");
    }
    return value;
  }
}
