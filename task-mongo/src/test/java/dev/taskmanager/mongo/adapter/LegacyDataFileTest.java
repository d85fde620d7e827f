package dev.taskmanager.mongo.adapter;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.testing.TestServers;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data file written before documents were kept as BSON (by the library's own H2 backend, which
 * serializes them with Java serialization) opens unchanged: every task is there, paging and the
 * unique index work, and new tasks are written beside the old ones.
 */
class LegacyDataFileTest {

  @TempDir
  Path dataDir;

  @Test
  void aFileWrittenInTheOldEncodingKeepsWorking() {
    List<Task> written = writeWithTheLibrarysOwnBackend(120);

    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
      MongoDatabase database = client.getDatabase("TaskManager");
      TaskStore store = MongoTaskStore.open(database);

      assertThat(everyTask(store, SortBy.ID)).containsExactlyElementsOf(written);
      Task added = store.create(aTask().titled("after the upgrade").build());
      assertThat(added.id()).isEqualTo(120);
      assertThat(store.find(new TaskQuery(SortBy.ID, true, null, null, 1))).containsExactly(added);
      assertThat(store.get(7)).contains(written.get(7));
      // The unique index, rebuilt or not, still refuses a second task 7.
      Throwable duplicate = catchThrowable(() -> database.getCollection("tasks").insertOne(new Document("id", 7L)));
      assertThat(duplicate).isInstanceOf(MongoWriteException.class);
    }

    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
      TaskStore store = MongoTaskStore.open(client.getDatabase("TaskManager"));
      assertThat(store.count()).isEqualTo(121);
      assertThat(everyTask(store, SortBy.PRIORITY)).hasSize(121);
    }
  }

  private List<Task> writeWithTheLibrarysOwnBackend(int count) {
    MVStore mvStore = new MVStore.Builder().fileName(dataDir.resolve(EmbeddedServer.DATA_FILE_NAME).toString()).open();
    MongoServer server = new MongoServer(new H2Backend(mvStore));
    server.bind(new InetSocketAddress(TestServers.LOOPBACK, 0));
    List<Task> written = new ArrayList<>();
    try (MongoClient client = TestServers.clientOf(TestServers.uriOf(server))) {
      TaskStore store = MongoTaskStore.open(client.getDatabase("TaskManager"));
      for (int i = 0; i < count; i++) {
        written.add(store.create(aTask().titled("old task " + i).withPriority(1 + i % 5).build()));
      }
    } finally {
      server.shutdownNow();
    }
    return written;
  }

  private static List<Task> everyTask(TaskStore store, SortBy sortBy) {
    List<Task> all = new ArrayList<>();
    TaskQuery query = new TaskQuery(sortBy, false, null, null, 50);
    List<Task> page;
    do {
      page = store.find(query);
      all.addAll(page);
      if (!page.isEmpty()) {
        query = new TaskQuery(sortBy, false, null, TaskQuery.Position.of(page.get(page.size() - 1)), 50);
      }
    } while (page.size() == 50);
    return all;
  }
}
