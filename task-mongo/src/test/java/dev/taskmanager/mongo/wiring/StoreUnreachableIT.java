package dev.taskmanager.mongo.wiring;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.testing.TestServers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unreachable store fails within the configured timeout, and serves again once it is back. */
class StoreUnreachableIT {

  /**
   * The configured timeout plus ample room for a loaded machine: what it tells apart is that timeout
   * from the driver's default of 30 s.
   */
  private static final Duration FAILS_WITHIN = TestServers.SHORT_TIMEOUT.plusSeconds(10);

  @TempDir
  Path dataDir;

  @Test
  void failsFastWhileTheServerIsDownAndRecoversWhenItIsBackOnTheSamePort() throws Exception {
    EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0);
    int port = URI.create(server.uri()).getPort();
    try (MongoClient client = TestServers.clientOf(server.uri(), TestServers.SHORT_TIMEOUT)) {
      TaskStore store = MongoTaskStore.open(client.getDatabase("TaskManager"));
      Task before = store.create(aTask().titled("before the outage").build(), NOW);

      server.close();
      for (int call = 0; call < 3; call++) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> store.create(aTask().build(), NOW)).isInstanceOf(TaskStoreException.class)
            .describedAs("a message for people, without the driver's cluster dump")
            .message().doesNotContain("Exception", "com.mongodb", "{");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAILS_WITHIN);
      }

      server = EmbeddedServer.start(dataDir, port);
      assertThat(eventually(() -> store.get(before.id()))).contains(before);
      assertThat(store.create(aTask().titled("after the outage").build(), NOW).id()).isGreaterThan(before.id());
    } finally {
      server.close();
    }
  }

  /** The driver reconnects on its own; the first call after the restart may still see the outage. */
  private static <T> T eventually(Supplier<T> call) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return call.get();
      } catch (TaskStoreException stillDown) {
        if (System.nanoTime() > deadline) {
          throw stillDown;
        }
        Thread.sleep(100);
      }
    }
  }
}
