package dev.taskmanager.mongo.adapter;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.testing.TestServers;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

  @TempDir
  Path dataDir;

  @Test
  void aClientWithoutTheServersSecretIsToldWhereToFindIt() {
    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0);
        MongoClient stranger = TestServers.clientOf(server.address());
        MongoClient guesser = TestServers.clientOf(server.uri().replaceFirst(":[^:@/]+@", ":guess@"))) {
      assertThatThrownBy(() -> MongoTaskStore.open(stranger.getDatabase("TaskManager")).count())
          .isInstanceOf(TaskStoreException.class)
          .hasMessageStartingWith("MongoDB refused access while ")
          .hasMessageContaining("requires authentication; accepted: a URI with a user and password the server takes"
              + " (an embedded store's, secret included, is in mongo.address in its data directory)");
      assertThatThrownBy(() -> MongoTaskStore.open(guesser.getDatabase("TaskManager")).count())
          .isInstanceOf(TaskStoreException.class)
          .hasMessageStartingWith("MongoDB refused to let in the user of the URI while ")
          .hasMessageContaining("Authentication failed.; accepted: a URI with a user and password");
    }
  }

  @Test
  void keepsTasksAndTheSequenceAcrossARestart() {
    Task kept;
    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
      TaskStore store = MongoTaskStore.open(client.getDatabase("TaskManager"));
      kept = store.create(aTask().titled("kept").describedAs("across restarts").withPriority(4).build(), NOW);
      store.create(aTask().titled("deleted").build(), NOW);
      store.delete(1, NOW);
    }

    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
      TaskStore store = MongoTaskStore.open(client.getDatabase("TaskManager"));
      assertThat(store.get(kept.id())).contains(kept);
      assertThat(store.count()).isEqualTo(1);
      assertThat(store.nextId()).isEqualTo(2);
      assertThat(store.create(aTask().build(), NOW).id()).isEqualTo(2);
    }
  }

  @Test
  void listensOnLoopbackAndWritesItsAddressForOtherProcessesUntilClosed() throws IOException {
    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0)) {
      assertThat(server.address()).matches("mongodb://127\\.0\\.0\\.1:[0-9]+");
      assertThat(Files.readString(dataDir.resolve("mongo.address")).strip()).isEqualTo(server.uri());
    }

    assertThat(dataDir.resolve("mongo.address")).doesNotExist();
    assertThat(dataDir.resolve("tasks.mv.db")).exists();
  }

  @Test
  void refusesASecondOpenerOfTheDataDirectoryWithOneClearLine() {
    try (EmbeddedMongoServer first = EmbeddedServer.start(dataDir, 0)) {
      assertThatThrownBy(() -> EmbeddedServer.start(dataDir, 0))
          .isInstanceOf(TaskStoreException.class)
          .hasMessage("data directory " + dataDir + " is in use by process " + ProcessHandle.current().pid()
              + ", which serves it at " + first.address() + "; set TASK_MONGO_URI to the URI in "
              + dataDir.resolve("mongo.address") + ", or stop that process");

      try (MongoClient client = TestServers.clientOf(first.uri())) {
        assertThat(MongoTaskStore.open(client.getDatabase("TaskManager")).create(aTask().build(), NOW).id())
            .describedAs("the first server still works").isZero();
      }
    }
  }

  @Test
  void reportsABusyPortInOneLineAndLetsTheDataDirectoryGo() throws IOException, InterruptedException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedServer.start(dataDir, port))
          .isInstanceOf(TaskStoreException.class)
          .hasMessage("cannot listen on 127.0.0.1:" + port + ": the port is in use; choose another port, or 0 for any free one");
    }

    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0)) {
      assertThat(server.uri()).isNotBlank();
    }
    // Event-loop threads end shortly after the server closes; none may outlive it for long.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (serverThreadsAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serverThreadsAlive()).describedAs("no server thread is left to keep the JVM alive").isFalse();
  }

  private static boolean serverThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().startsWith("mongo-server") && !thread.isDaemon() && thread.isAlive());
  }
}
