package dev.taskmanager.mongo.wiring;

import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.taskmanager.core.account.TokenStore;
import dev.taskmanager.core.account.UserStore;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.adapter.MongoTokenStore;
import dev.taskmanager.mongo.adapter.MongoUserStore;
import dev.taskmanager.mongo.backup.InterruptedRestore;
import dev.taskmanager.mongo.backup.MongoBackups;
import dev.taskmanager.mongo.doctor.MongoStoreDoctor;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What every MongoDB store module shares: the store, its users and tokens, its doctor and its
 * backups on the configured database, exposed with the lifecycle and nothing else. Subclasses say where the client
 * connects ({@link MongoClient}) and what closing involves ({@link StoreLifecycle}).
 */
abstract class AbstractMongoModule extends PrivateModule {

  protected final StoreSettings settings;

  AbstractMongoModule(StoreSettings settings) {
    this.settings = settings;
  }

  @Override
  protected void configure() {
    expose(TaskStore.class);
    expose(UserStore.class);
    expose(TokenStore.class);
    expose(StoreLifecycle.class);
    expose(MongoStoreDoctor.class);
    expose(MongoBackups.class);
  }

  /** The configured database, a restore stopped after its commit finished before anything reads it. */
  @Provides
  @Singleton
  MongoDatabase database(MongoClient client, StoreLifecycle lifecycle) {
    return closingOnFailure(lifecycle, () -> {
      MongoDatabase database = client.getDatabase(settings.database());
      InterruptedRestore.finish(database);
      return database;
    });
  }

  @Provides
  @Singleton
  TaskStore store(MongoDatabase database, StoreLifecycle lifecycle) {
    return closingOnFailure(lifecycle, () -> MongoTaskStore.open(database));
  }

  /** Opened (its index made if missing) once, at start-up in the web app, on first use in the CLI. */
  @Provides
  @Singleton
  UserStore users(MongoDatabase database, StoreLifecycle lifecycle) {
    return closingOnFailure(lifecycle, () -> MongoUserStore.open(database));
  }

  @Provides
  @Singleton
  TokenStore tokens(MongoDatabase database, StoreLifecycle lifecycle) {
    return closingOnFailure(lifecycle, () -> MongoTokenStore.open(database));
  }

  private static <T> T closingOnFailure(StoreLifecycle lifecycle, Supplier<T> opening) {
    try {
      return opening.get();
    } catch (RuntimeException cannotOpen) {
      // The client's (and an embedded server's) threads would keep the JVM alive after a failed start.
      lifecycle.close();
      throw cannotOpen;
    }
  }

  /** Needs no {@link TaskStore}: it reads and writes whole collections. */
  @Provides
  @Singleton
  MongoBackups backups(MongoClient client) {
    return new MongoBackups(client.getDatabase(settings.database()), Clock.systemUTC());
  }

  /** Needs no {@link TaskStore}: it must work on a database the store refuses to open. */
  @Provides
  @Singleton
  MongoStoreDoctor doctor(MongoClient client) {
    return new MongoStoreDoctor(client.getDatabase(settings.database()));
  }
}
