package dev.taskmanager.mongo.adapter;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static dev.taskmanager.core.contract.TestTimes.NOW;
import static java.util.Comparator.comparingInt;
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
import dev.taskmanager.core.query.TaskFilter;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.testing.TestServers;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data files written by earlier releases open: converted once to the current format (their indexes
 * built anew), every task there, paging and the unique index working, new tasks written beside them.
 */
class LegacyDataFileTest {

  /**
   * A data directory's file as the release of 2026-11-26 (commit 91f66a7) wrote it: 300 tasks created
   * (titles "task N", every seventh with " ünïcödé ✓"; descriptions "about N" but every third empty;
   * priorities N * 37 % 11), the tasks 5, 15, … 295 deleted, task 3 renamed "renamed three" with
   * priority 9, then what the tutorial app writes inserted raw: id 300 as int32, no priority; the
   * sequence at 301. Closed cleanly, gzipped.
   */
  private static final String RELEASE_2026_11_26 = "/legacy/tasks-2026-11-26.mv.db.gz";

  @TempDir
  Path dataDir;

  @Test
  void aDataDirectoryOfTheReleaseOf20261126IsConvertedOnceAndKeepsEveryTask() throws IOException {
    try (InputStream packed = new GZIPInputStream(LegacyDataFileTest.class.getResourceAsStream(RELEASE_2026_11_26))) {
      Files.copy(packed, dataDir.resolve(EmbeddedServer.DATA_FILE_NAME));
    }
    List<Task> expected = tasksOfTheRelease20261126();

    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
      assertThat(server.notices()).singleElement().asString().contains("from format 1 to 2");
      MongoDatabase database = client.getDatabase("TaskManager");
      TaskStore store = MongoTaskStore.open(database);

      assertThat(store.count()).isEqualTo(271);
      assertThat(store.nextId()).isEqualTo(301);
      assertThat(everyTask(store, SortBy.ID, false)).containsExactlyElementsOf(expected);
      assertThat(everyTask(store, SortBy.ID, true)).containsExactlyElementsOf(reversed(expected));
      assertThat(everyTask(store, SortBy.PRIORITY, false)).containsExactlyElementsOf(
          expected.stream().sorted(comparingInt(Task::priority).thenComparingLong(Task::id)).toList());
      assertThat(database.getCollection("tasks").find().sort(new Document("priority", 1).append("id", 1)).limit(20)
          .explain().toJson()).contains("\"indexName\": \"priority_1_id_1\"");
      Throwable duplicate = catchThrowable(() -> database.getCollection("tasks").insertOne(new Document("id", 7L)));
      assertThat(duplicate).isInstanceOf(MongoWriteException.class);
      assertThat(store.create(aTask().titled("after the upgrade").build(), NOW).id()).isEqualTo(301);
    }

    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
      assertThat(server.notices()).describedAs("converted once").isEmpty();
      assertThat(MongoTaskStore.open(client.getDatabase("TaskManager")).count()).isEqualTo(272);
    }
  }

  /** What {@link #RELEASE_2026_11_26} holds, as the store reads it (the missing priority as 0). */
  private static List<Task> tasksOfTheRelease20261126() {
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      if (i % 10 == 5) {
        continue;
      }
      String title = i == 3 ? "renamed three" : "task " + i + (i % 7 == 0 ? " ünïcödé ✓" : "");
      tasks.add(new Task(i, title, i % 3 == 0 ? "" : "about " + i, i == 3 ? 9 : (i * 37) % 11));
    }
    tasks.add(new Task(300, "from the old app", "no priority", 0));
    return tasks;
  }

  private static List<Task> reversed(List<Task> tasks) {
    List<Task> reversed = new ArrayList<>(tasks);
    Collections.reverse(reversed);
    return reversed;
  }

  @Test
  void aFileOfTheLibrarysOwnEncodingIsConvertedAndKeepsWorking() {
    List<Task> written = writeWithTheLibrarysOwnBackend(120);

    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
      MongoDatabase database = client.getDatabase("TaskManager");
      TaskStore store = MongoTaskStore.open(database);

      assertThat(everyTask(store, SortBy.ID, false)).containsExactlyElementsOf(written);
      Task added = store.create(aTask().titled("after the upgrade").build(), NOW);
      assertThat(added.id()).isEqualTo(120);
      assertThat(store.find(new TaskQuery(TaskFilter.ANY, SortBy.ID, true, null, 1))).containsExactly(added);
      assertThat(store.get(7)).contains(written.get(7));
      // The unique index, rebuilt or not, still refuses a second task 7.
      Throwable duplicate = catchThrowable(() -> database.getCollection("tasks").insertOne(new Document("id", 7L)));
      assertThat(duplicate).isInstanceOf(MongoWriteException.class);
    }

    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
      TaskStore store = MongoTaskStore.open(client.getDatabase("TaskManager"));
      assertThat(store.count()).isEqualTo(121);
      assertThat(everyTask(store, SortBy.PRIORITY, false)).hasSize(121);
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
        written.add(store.create(aTask().titled("old task " + i).withPriority(1 + i % 5).build(), NOW));
      }
    } finally {
      server.shutdownNow();
    }
    return written;
  }

  private static List<Task> everyTask(TaskStore store, SortBy sortBy, boolean descending) {
    List<Task> all = new ArrayList<>();
    TaskQuery query = new TaskQuery(TaskFilter.ANY, sortBy, descending, null, 50);
    List<Task> page;
    do {
      page = store.find(query);
      all.addAll(page);
      if (!page.isEmpty()) {
        query = new TaskQuery(TaskFilter.ANY, sortBy, descending, TaskQuery.Position.of(page.get(page.size() - 1)), 50);
      }
    } while (page.size() == 50);
    return all;
  }
}
