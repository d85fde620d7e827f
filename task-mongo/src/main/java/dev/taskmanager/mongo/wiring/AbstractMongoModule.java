package dev.taskmanager.mongo.wiring;

import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.backup.InterruptedRestore;
import dev.taskmanager.mongo.backup.MongoBackups;
import dev.taskmanager.mongo.doctor.MongoStoreDoctor;
import java.time.Clock;

/**
 * What every MongoDB store module shares: the store, its doctor and its backups on the configured
 * database, exposed with the lifecycle and nothing else. Subclasses say where the client connects
 * ({@link MongoClient}) and what closing involves ({@link StoreLifecycle}).
 */
abstract class AbstractMongoModule extends PrivateModule {

  protected final StoreSettings settings;

  AbstractMongoModule(StoreSettings settings) {
    this.settings = settings;
  }

  @Override
  protected void configure() {
    expose(TaskStore.class);
    expose(StoreLifecycle.class);
    expose(MongoStoreDoctor.class);
    expose(MongoBackups.class);
  }

  @Provides
  @Singleton
  TaskStore store(MongoClient client, StoreLifecycle lifecycle) {
    try {
      MongoDatabase database = client.getDatabase(settings.database());
      // A restore stopped after its commit is finished before anything reads the store.
      InterruptedRestore.finish(database);
      return MongoTaskStore.open(database);
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
