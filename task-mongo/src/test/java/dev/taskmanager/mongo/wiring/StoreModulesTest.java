package dev.taskmanager.mongo.wiring;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.ConfigurationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.adapter.DuplicateTaskIdsException;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.testing.TestServers;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreModulesTest {

  @TempDir
  Path dataDir;

  @Test
  void withoutAUriTheEmbeddedServerRunsOnTheDataDirectoryUntilClosed() {
    Injector injector = Guice.createInjector(StoreModules.forSettings(StoreSettings.defaults().withDataDir(dataDir)));
    StoreLifecycle lifecycle = injector.getInstance(StoreLifecycle.class);
    try {
      TaskStore store = injector.getInstance(TaskStore.class);

      assertThat(store).isInstanceOf(MongoTaskStore.class).isSameAs(injector.getInstance(TaskStore.class));
      assertThat(store.create(aTask().build(), NOW).id()).isZero();
      assertThat(lifecycle.description()).startsWith("mongodb://127.0.0.1:").contains("/TaskManager (embedded");
      assertThat(dataDir.resolve("mongo.address")).exists();
    } finally {
      lifecycle.close();
      lifecycle.close();
    }
    assertThat(dataDir.resolve("mongo.address")).describedAs("closed cleanly").doesNotExist();
  }

  @Test
  void withAUriTheStoreUsesThatServerAndTheConfiguredDatabase() {
    MongoServer server = TestServers.startInMemory(0);
    String uri = TestServers.uriOf(server);
    Injector injector = Guice.createInjector(StoreModules.forSettings(
        StoreSettings.defaults().withUri(uri).withDatabase("Elsewhere").withDataDir(dataDir)));
    try (StoreLifecycle lifecycle = injector.getInstance(StoreLifecycle.class);
        MongoClient observer = TestServers.clientOf(uri)) {
      injector.getInstance(TaskStore.class).create(aTask().titled("remote").build(), NOW);

      Document stored = observer.getDatabase("Elsewhere").getCollection("tasks").find().first();
      assertThat(stored.getString("title")).isEqualTo("remote");
      assertThat(lifecycle.description()).isEqualTo(uri + "/Elsewhere");
      assertThat(dataDir.resolve("mongo.address")).describedAs("no embedded server").doesNotExist();
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void exposesOnlyTheStoreAndItsLifecycle() {
    MongoServer server = TestServers.startInMemory(0);
    Injector injector = Guice.createInjector(
        StoreModules.forSettings(StoreSettings.defaults().withUri(TestServers.uriOf(server))));
    try {
      assertThatThrownBy(() -> injector.getInstance(MongoClient.class)).isInstanceOf(ConfigurationException.class);
    } finally {
      injector.getInstance(StoreLifecycle.class).close();
      server.shutdownNow();
    }
  }

  @Test
  void aStoreThatCannotOpenReleasesTheDataDirectory() {
    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
      client.getDatabase("TaskManager").getCollection("tasks").insertMany(List.of(
          new Document("id", 1).append("title", "a"), new Document("id", 1).append("title", "b")));
    }
    Injector injector = Guice.createInjector(StoreModules.forSettings(StoreSettings.defaults().withDataDir(dataDir)));

    assertThatThrownBy(() -> injector.getInstance(TaskStore.class))
        .isInstanceOf(ProvisionException.class)
        .hasCauseInstanceOf(DuplicateTaskIdsException.class);
    try (EmbeddedMongoServer again = EmbeddedServer.start(dataDir, 0)) {
      assertThat(again.uri()).describedAs("the failed start let the directory go").isNotBlank();
    }
  }
}
