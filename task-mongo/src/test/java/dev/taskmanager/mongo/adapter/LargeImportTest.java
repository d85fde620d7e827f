package dev.taskmanager.mongo.adapter;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.mongo.testing.TestServers;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An import larger than one write command: written in parts, each well within the socket timeout,
 * and undone when a part fails, so that it is imported whole or not at all.
 */
class LargeImportTest {

  private static final int TASKS = 2_500;

  /** Fails the {@code failingInsert}th insert command (from 1), as a store that gives out part way. */
  private final AtomicInteger inserts = new AtomicInteger();
  private volatile int failingInsert = Integer.MAX_VALUE;
  private final MongoServer server = new MongoServer(new MemoryBackend() {
    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
      if (command.equalsIgnoreCase("insert") && inserts.incrementAndGet() == failingInsert) {
        throw new MongoServerError(1, "injected failure");
      }
      return super.handleCommand(channel, database, command, query);
    }
  });
  private final MongoClient client;
  private final MongoTaskStore store;

  LargeImportTest() {
    server.bind(new InetSocketAddress(TestServers.LOOPBACK, 0));
    client = TestServers.clientOf(TestServers.uriOf(server));
    store = MongoTaskStore.open(client.getDatabase("TaskManager"));
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void importsMoreTasksThanOneWriteHolds() {
    store.create(new TaskDraft("Already here"), NOW);

    assertThat(store.importTasks(tasksFrom(10), false)).isEqualTo(TASKS);

    assertThat(store.count()).isEqualTo(TASKS + 1);
    assertThat(store.nextId()).isEqualTo(10 + TASKS);
  }

  @Test
  void anImportThatFailsPartWayLeavesNothingBehind() {
    Task existing = store.create(new TaskDraft("Already here"), NOW);
    inserts.set(0);
    failingInsert = 2;

    assertThatThrownBy(() -> store.importTasks(tasksFrom(10), false)).isInstanceOf(TaskStoreException.class);

    assertThat(store.count()).isEqualTo(1);
    assertThat(store.get(existing.id())).contains(existing);
    assertThat(store.nextId()).isEqualTo(1);
  }

  private static List<Task> tasksFrom(long firstId) {
    return LongStream.range(firstId, firstId + TASKS)
        .mapToObj(id -> new Task(id, "Imported " + id, "", 1))
        .collect(Collectors.toList());
  }
}
