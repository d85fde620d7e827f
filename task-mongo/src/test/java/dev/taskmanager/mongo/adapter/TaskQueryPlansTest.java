package dev.taskmanager.mongo.adapter;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static dev.taskmanager.core.contract.TestTimes.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.query.SearchParser;
import dev.taskmanager.core.query.TaskSearch;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.testing.TestServers;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The listings people use most are read from an index, a page of keys at a time, however many tasks
 * lie outside them: the embedded server's {@code explain} counts the keys each find reads.
 */
class TaskQueryPlansTest {

  private static final int TASKS = 4_000;
  private static final int PAGE = 50;

  @TempDir
  static Path dataDir;

  private static EmbeddedMongoServer server;
  private static MongoClient client;
  private static MongoCollection<Document> tasks;

  @BeforeAll
  static void storeManyTasks() {
    server = EmbeddedServer.start(dataDir, 0);
    client = TestServers.clientOf(server.uri());
    MongoTaskStore.open(client.getDatabase("TaskManager"));
    tasks = client.getDatabase("TaskManager").getCollection("tasks");
    List<Task> many = new ArrayList<>(TASKS);
    for (int i = 0; i < TASKS; i++) {
      // Seven in ten done; thirty tags; due days over a year, a third without one.
      boolean done = i % 10 < 7;
      many.add(new Task(i, "task " + i, "", i % 11, done ? NOW.minusSeconds(i) : null, NOW, NOW,
          i % 3 == 0 ? null : TODAY.plusDays(i % 365 - 180), List.of("tag" + i % 30)));
    }
    MongoTaskStore.open(client.getDatabase("TaskManager")).importTasks(many, false);
  }

  @AfterAll
  static void stopServer() {
    client.close();
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "due:today", "overdue", "tag:tag7", "due>=today due<+30d", "is:done",
      "sort:-due", "tag:tag7 sort:-due"})
  void aFirstPageReadsAboutAPageOfKeys(String query) {
    TaskSearch search = SearchParser.parse(query, TODAY);
    TaskQuery first = new TaskQuery(search.filter(), search.sortBy(), search.descending(), null, PAGE);

    long keys = 0;
    List<String> plans = new ArrayList<>();
    for (TaskQueries.Step step : TaskQueries.steps(first)) {
      Document explained = tasks.find(step.filter()).sort(step.sort()).limit(PAGE).explain();
      Document stats = explained.get("executionStats", Document.class);
      keys += ((Number) stats.get("totalKeysExamined")).longValue();
      plans.add(explained.toJson());
    }

    assertThat(plans).allSatisfy(plan -> assertThat(plan).contains("IXSCAN"));
    assertThat(keys).describedAs("keys read for " + query + ": " + plans).isLessThanOrEqualTo(2L * PAGE + 2);
  }
}
