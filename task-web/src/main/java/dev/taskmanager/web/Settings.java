package dev.taskmanager.web;

import dev.taskmanager.mongo.wiring.StoreKind;
import dev.taskmanager.web.http.AddressRanges;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything the web app is configured with, read from environment variables and command-line
 * flags (a flag wins over its variable) by {@link WebOptions}, where every value is checked once,
 * so that a wrong one stops start-up with a line naming the variable and what it accepts.
 *
 * <p>{@code store}, {@code mongoUri}, {@code database} and {@code dataDir} are for the store module,
 * by the rules every program shares (task-mongo's {@code StoreConfiguration}); the others are the
 * web app's own.
 *
 * @param store which store to run
 * @param mongoUri a MongoDB connection string, or {@code null} for the embedded store
 * @param database the MongoDB database name
 * @param dataDir where the embedded store and the generated secret are kept
 * @param httpHost the interface to listen on
 * @param httpPort the port to listen on; 0 picks a free one
 * @param workerThreads the requests handled at once, each on its own thread
 * @param secret the key that signs CSRF tokens and flash messages, or {@code null} to use the one
 *     kept in {@code dataDir}
 * @param dev whether templates and static files are read from the source tree on each request
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-*} headers are believed
 * @param metricsReaders the clients that may read {@code /metrics}
 * @param zone the time zone people live in: "today" and "overdue" follow it
 * @param logFormat how log lines are written on stdout
 * @param help whether only the usage was asked for
 */
public record Settings(
    StoreKind store,
    String mongoUri,
    String database,
    Path dataDir,
    String httpHost,
    int httpPort,
    int workerThreads,
    String secret,
    boolean dev,
    AddressRanges trustedProxies,
    AddressRanges metricsReaders,
    ZoneId zone,
    LogFormat logFormat,
    boolean help) {

  public static final int SECRET_MIN_LENGTH = 32;
  /**
   * A request's work is mostly CPU (a page, the embedded store), with short waits for the store:
   * more threads than this per core only queue for a core, and on 2 cores 16 threads (Undertow's
   * default) made the page's p99 half as long again as 4 did. Raise it for a store far away.
   */
  static final int WORKERS_PER_CORE = 2;
  static final int MAX_WORKER_THREADS = 1000;

  /** The defaults: what the app runs with when nothing is configured. */
  public static Settings defaults() {
    return parse(Map.of());
  }

  /**
   * Reads the settings from environment variables and flags ({@code --http-port 8080} or
   * {@code --http-port=8080}; {@code --dev} alone means true). An empty variable counts as unset.
   *
   * @throws SettingsException for an unknown flag, a flag without a value, or a value not accepted
   */
  public static Settings parse(Map<String, String> env, String... args) {
    return WebOptions.parse(env, args);
  }

  /** This configuration listening on another port (tests use 0). */
  public Settings withHttpPort(int port) {
    return new Settings(store, mongoUri, database, dataDir, httpHost, port, workerThreads, secret, dev, trustedProxies,
        metricsReaders, zone, logFormat, help);
  }

  /** What {@code --help} prints: every flag, its variable, what it accepts and its default. */
  public static String usage() {
    return WebOptions.usage();
  }
}
