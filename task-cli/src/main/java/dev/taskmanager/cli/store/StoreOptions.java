package dev.taskmanager.cli.store;

import dev.taskmanager.mongo.wiring.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/**
 * Which store to use, as flags or environment variables, the same as the web app's. Global: they
 * may be given before or after the subcommand.
 */
public final class StoreOptions {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  /** The kinds of store the options can name. */
  public enum Kind {
    /** MongoDB: the server at {@code --mongo-uri}, or else the embedded server in the data dir. */
    MONGO,
    /** The core's in-memory store: temporary, nothing survives the command. */
    MEMORY;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Accepts {@code mongo} and {@code memory}, in any case; blank means {@code mongo}. */
  static final class KindConverter implements ITypeConverter<Kind> {
    @Override
    public Kind convert(String value) {
      String key = value.strip().toLowerCase(Locale.ROOT);
      if (key.isEmpty() || key.equals("mongo")) {
        return Kind.MONGO;
      }
      if (key.equals("memory")) {
        return Kind.MEMORY;
      }
      throw new TypeConversionException("'" + value + "' is not a store; accepted: mongo or memory");
    }
  }

  static final class KindCandidates extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    KindCandidates() {
      super(java.util.List.of("mongo", "memory"));
    }
  }

  @Option(names = "--store", scope = ScopeType.INHERIT, paramLabel = "KIND",
      defaultValue = "${env:TASK_STORE:-mongo}", converter = KindConverter.class,
      completionCandidates = KindCandidates.class,
      description = "mongo (default) or memory: a temporary in-memory store (env TASK_STORE).")
  Kind kind = Kind.MONGO;

  @Option(names = "--mongo-uri", scope = ScopeType.INHERIT, paramLabel = "URI",
      defaultValue = "${env:TASK_MONGO_URI}",
      description = "MongoDB connection string; unset: the embedded server in the data dir (env TASK_MONGO_URI).")
  String mongoUri;

  @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "NAME",
      defaultValue = "${env:TASK_DB:-TaskManager}",
      description = "Database name (env TASK_DB; default: ${DEFAULT-VALUE}).")
  String database = "TaskManager";

  @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
      defaultValue = "${env:TASK_DATA_DIR:-data}",
      description = "Data directory of the embedded store (env TASK_DATA_DIR; default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("data");

  public Kind kind() {
    return kind;
  }

  /** The connection string, if one was given (blank counts as none). */
  public Optional<String> mongoUri() {
    return mongoUri == null || mongoUri.isBlank() ? Optional.empty() : Optional.of(mongoUri.strip());
  }

  public String database() {
    return database;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The options as a {@code StoreOptions} for tests and programs, without parsing a command line. */
  public static StoreOptions of(Kind kind, String mongoUri, String database, Path dataDir) {
    StoreOptions options = new StoreOptions();
    options.kind = kind;
    options.mongoUri = mongoUri;
    options.database = database;
    options.dataDir = dataDir;
    return options;
  }

  /**
   * What is wrong with the values, naming the flag and its variable as a person set them; empty
   * when they are usable. Only the values' form is checked here (by the same rules as the web
   * app's); whether the store answers is not.
   */
  public Optional<String> problem() {
    if (kind == Kind.MEMORY) {
      return Optional.empty();
    }
    try {
      settings();
      return Optional.empty();
    } catch (IllegalArgumentException rejected) {
      String message = rejected.getMessage();
      if (message.startsWith("uri: ")) {
        return Optional.of("--mongo-uri/TASK_MONGO_URI: " + message.substring("uri: ".length()));
      }
      return Optional.of("--db/TASK_DB: " + message.substring(message.indexOf(':') + 2));
    }
  }

  /**
   * The MongoDB store's settings for these options. A command line waits a few seconds at most
   * for an unreachable server.
   *
   * @throws IllegalArgumentException when a value is not accepted
   */
  public StoreSettings settings() {
    return StoreSettings.defaults()
        .withUri(mongoUri().orElse(null))
        .withDatabase(database)
        .withDataDir(dataDir)
        .withTimeouts(CONNECT_TIMEOUT, StoreSettings.DEFAULT_SOCKET_TIMEOUT);
  }

  /** One line for people: the store these options name, with any password in the URI hidden. */
  public String describe() {
    if (kind == Kind.MEMORY) {
      return InMemoryStoreModule.DESCRIPTION;
    }
    return mongoUri()
        .map(uri -> "MongoDB at " + hidePassword(uri) + ", database " + database)
        .orElse("embedded MongoDB-wire server, data dir " + dataDir + ", database " + database);
  }

  static String hidePassword(String uri) {
    // mongodb://user:secret@db.example → mongodb://user:****@db.example
    return uri.replaceFirst("^(mongodb(?:\\+srv)?://[^:/@]*):[^@/]*@", "$1:****@");
  }
}
