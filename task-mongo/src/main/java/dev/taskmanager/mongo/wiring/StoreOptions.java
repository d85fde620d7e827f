package dev.taskmanager.mongo.wiring;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The store's four options, as a picocli mixin for every program ({@code @Mixin StoreOptions}):
 * their flags, variables, descriptions and rules ({@link StoreConfiguration}) are written here once.
 * A program parses its command line with {@link EnvironmentDefaults}, which reads each variable named
 * in {@code ${env:…}} below. Global in a program with subcommands: given before or after one.
 */
public final class StoreOptions {

  @Option(names = "--store", scope = ScopeType.INHERIT, parameterConsumer = TakesAnyValue.class, paramLabel = "KIND", defaultValue = "${env:TASK_STORE:-mongo}",
      converter = StoreConfiguration.KindConverter.class, completionCandidates = KindCandidates.class,
      description = "TASK_STORE: mongo (the default: MongoDB at --mongo-uri, else the embedded server in --data-dir)"
          + " or memory (tasks in memory, lost at exit: for trying things out).")
  StoreKind kind = StoreKind.MONGO;

  @Option(names = "--mongo-uri", scope = ScopeType.INHERIT, parameterConsumer = TakesAnyValue.class, paramLabel = "URI", defaultValue = "${env:TASK_MONGO_URI}",
      converter = StoreConfiguration.MongoUriConverter.class,
      description = "TASK_MONGO_URI: a MongoDB connection string (standalone, replica set or sharded cluster);"
          + " unset: the embedded server in --data-dir.")
  String mongoUri;

  @Option(names = "--db", scope = ScopeType.INHERIT, parameterConsumer = TakesAnyValue.class, paramLabel = "NAME", defaultValue = "${env:TASK_DB:-TaskManager}",
      converter = StoreConfiguration.DatabaseConverter.class,
      description = "TASK_DB: the database name (default: TaskManager).")
  String database = StoreConfiguration.DEFAULT_DATABASE;

  @Option(names = "--data-dir", scope = ScopeType.INHERIT, parameterConsumer = TakesAnyValue.class, paramLabel = "DIR", defaultValue = "${env:TASK_DATA_DIR:-data}",
      converter = StoreConfiguration.DataDirConverter.class,
      description = "TASK_DATA_DIR: the embedded server's directory (default: data).")
  Path dataDir = Path.of(StoreConfiguration.DEFAULT_DATA_DIR);

  /** What {@code --store} completes to in a shell. */
  static final class KindCandidates extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    KindCandidates() {
      super(List.of("mongo", "memory"));
    }
  }

  /** These values without a command line, for tests and embedding programs; not checked. */
  public static StoreOptions of(StoreKind kind, String mongoUri, String database, Path dataDir) {
    StoreOptions options = new StoreOptions();
    options.kind = kind;
    options.mongoUri = mongoUri;
    options.database = database;
    options.dataDir = dataDir;
    return options;
  }

  public StoreKind kind() {
    return kind;
  }

  /** The connection string, if one was given. */
  public Optional<String> mongoUri() {
    return Optional.ofNullable(mongoUri);
  }

  public String database() {
    return database;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The MongoDB store's settings for these options, with the default timeouts. */
  public StoreSettings settings() {
    return StoreSettings.defaults().withUri(mongoUri).withDatabase(database).withDataDir(dataDir);
  }

  /** One line for people: the MongoDB store these options name, any password in the URI hidden. */
  public String describeMongo() {
    return mongoUri()
        .map(uri -> "MongoDB at " + hidePassword(uri) + ", database " + database)
        .orElse("embedded MongoDB-wire server, data dir " + dataDir + ", database " + database);
  }

  static String hidePassword(String uri) {
    // mongodb://user:secret@db.example → mongodb://user:****@db.example
    return uri.replaceFirst("^(mongodb(?:\\+srv)?://[^:/@]*):[^/]*@", "$1:****@");
  }
}
