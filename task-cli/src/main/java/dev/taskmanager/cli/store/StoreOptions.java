package dev.taskmanager.cli.store;

import java.nio.file.Path;
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
   * when they are usable. Only the values' form is checked here; whether the store answers is not.
   */
  public Optional<String> problem() {
    if (kind == Kind.MEMORY) {
      return Optional.empty();
    }
    Optional<String> uri = mongoUri();
    if (uri.isPresent() && !(uri.get().startsWith("mongodb://") || uri.get().startsWith("mongodb+srv://"))) {
      return Optional.of("--mongo-uri/TASK_MONGO_URI: is not a MongoDB connection string; "
          + "accepted: mongodb://HOST[:PORT]/… or mongodb+srv://HOST/…");
    }
    if (database == null || database.isBlank() || database.length() > 63
        || !database.chars().allMatch(c -> c > 0x20 && c != 0x7f && "/\\. \"$*<>:|?".indexOf(c) < 0)) {
      return Optional.of("--db/TASK_DB: is not a database name; "
          + "accepted: 1 to 63 characters without spaces, control characters or /\\.\"$*<>:|?");
    }
    return Optional.empty();
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
    // mongodb://user:secret@host → mongodb://user:****@host
    return uri.replaceFirst("^(mongodb(?:\\+srv)?://[^:/@]*):[^@/]*@", "$1:****@");
  }
}
