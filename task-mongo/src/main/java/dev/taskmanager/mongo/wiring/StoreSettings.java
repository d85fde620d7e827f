package dev.taskmanager.mongo.wiring;

import com.mongodb.ConnectionString;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the tasks are kept and how long to wait for the store: what the web app and the CLI fill
 * from their environment variables and flags. Immutable; start from {@link #defaults()}.
 *
 * @param uri a MongoDB connection string ({@code TASK_MONGO_URI}); {@code null} for the embedded
 *     server in {@code dataDir}
 * @param database the database name ({@code TASK_DB}), {@code TaskManager} by default
 * @param dataDir where the embedded server keeps its file ({@code TASK_DATA_DIR}), {@code ./data} by
 *     default; unused with a {@code uri}
 * @param embeddedPort the port the embedded server listens on, on 127.0.0.1; 0 lets the system pick
 * @param connectTimeout how long to wait for a server to be found and connected before an operation
 *     fails; a few seconds, so an unreachable store fails fast instead of after the driver's 30 s
 * @param socketTimeout how long to wait for a server's answer once connected
 * @throws IllegalArgumentException when a value is not accepted; the message names the value but
 *     never repeats the URI, which may hold a password
 */
public record StoreSettings(
    String uri, String database, Path dataDir, int embeddedPort, Duration connectTimeout, Duration socketTimeout) {

  public static final String DEFAULT_DATABASE = "TaskManager";
  public static final Path DEFAULT_DATA_DIR = Path.of("data");
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(30);

  public StoreSettings {
    if (uri != null && uri.isBlank()) {
      uri = null;
    }
    if (uri != null) {
      checkUri(uri);
    }
    database = database == null || database.isBlank() ? DEFAULT_DATABASE : database.strip();
    if (database.length() > 63 || database.matches(".*[/\\\\. \"$\\x00].*")) {
      throw new IllegalArgumentException("database: \"" + database
          + "\" is not a MongoDB database name; accepted: up to 63 characters, none of / \\ . space \" $");
    }
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

  private static void checkUri(String uri) {
    try {
      new ConnectionString(uri);
    } catch (IllegalArgumentException invalid) {
      // The driver's reason names what is wrong without echoing the credentials.
      throw new IllegalArgumentException("uri: not a MongoDB connection string (" + invalid.getMessage()
          + "); accepted: mongodb://host:port/ or mongodb+srv://host/", invalid);
    }
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
