package dev.taskmanager.mongo.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.embeddedmongo.testing.ChildProcess;
import dev.taskmanager.mongo.testing.TestServers;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged write survives {@code kill -9} of the process that runs the embedded server. */
class KillDuringWritesIT {

  private static final int ROUNDS = 3;

  @TempDir
  Path dataDir;

  @Test
  @Timeout(90)
  void everyAcknowledgedTaskIsThereAfterTheProcessIsKilledAtARandomMoment() throws Exception {
    Set<Long> acknowledgedSoFar = new TreeSet<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<Long> acknowledged;
      try (ChildProcess writer = ChildProcess.start(WriteUntilKilledMain.class, dataDir.toString())) {
        assertThat(writer.awaitOutLines(1, 20_000)).describedAs("the writer started: %s", writer.err()).isTrue();
        Thread.sleep(ThreadLocalRandom.current().nextLong(100, 1_000));
        writer.kill();
        acknowledged = writer.out().stream().map(Long::valueOf).collect(Collectors.toList());
      }

      try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
        TaskStore store = MongoTaskStore.open(client.getDatabase("TaskManager"));
        acknowledgedSoFar.addAll(acknowledged);
        Set<Long> lost = new TreeSet<>(acknowledgedSoFar);
        lost.removeAll(store.existingIds(acknowledgedSoFar));
        assertThat(lost).describedAs("round %d: tasks acknowledged in this or an earlier round (%d this round) but gone",
            round, acknowledged.size()).isEmpty();
        assertThat(store.nextId()).isGreaterThan(acknowledged.stream().mapToLong(Long::longValue).max().orElse(-1));
        assertThat(store.count()).isGreaterThanOrEqualTo(acknowledgedSoFar.size());
      }
    }
  }
}
