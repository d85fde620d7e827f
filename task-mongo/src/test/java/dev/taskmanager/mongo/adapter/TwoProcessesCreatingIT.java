package dev.taskmanager.mongo.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.embeddedmongo.testing.ChildProcess;
import dev.taskmanager.mongo.testing.TestServers;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Separate processes creating at once through one embedded server never share an id (ID rule 2). */
class TwoProcessesCreatingIT {

  private static final int PER_PROCESS = 500;

  @TempDir
  Path dataDir;

  @Test
  @Timeout(60)
  void processesCreatingAtOnceGetDistinctIds() throws Exception {
    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0);
        ChildProcess first = ChildProcess.start(CreateTasksMain.class, server.uri(), "TaskManager", "" + PER_PROCESS);
        ChildProcess second = ChildProcess.start(CreateTasksMain.class, server.uri(), "TaskManager", "" + PER_PROCESS)) {
      assertThat(first.awaitExit(50_000)).describedAs("first: %s", first.err()).isZero();
      assertThat(second.awaitExit(50_000)).describedAs("second: %s", second.err()).isZero();

      List<Long> ids = new ArrayList<>();
      for (ChildProcess child : List.of(first, second)) {
        ids.addAll(child.out().stream().map(Long::valueOf).collect(Collectors.toList()));
      }
      assertThat(ids).hasSize(2 * PER_PROCESS).doesNotHaveDuplicates();
      try (MongoClient client = TestServers.clientOf(server.uri())) {
        TaskStore store = MongoTaskStore.open(client.getDatabase("TaskManager"));
        assertThat(store.count()).isEqualTo(2 * PER_PROCESS);
        assertThat(store.nextId()).isEqualTo(2 * PER_PROCESS);
      }
    }
  }
}
