package dev.taskmanager.mongo.adapter;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.core.port.TaskQuery.Position;
import dev.taskmanager.core.port.TaskQuery;
import dev.taskmanager.core.query.TaskFilter;
import dev.taskmanager.mongo.testing.InMemoryMongoServer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database as the tutorial's pymongo code leaves it: int32 ids and sequence value, gaps from
 * deletes, a task without priority, one with a null description, a double id, a field of its own.
 */
class TutorialDataCompatibilityTest {

  @RegisterExtension
  static final InMemoryMongoServer mongo = new InMemoryMongoServer();

  private MongoDatabase database;
  private MongoCollection<Document> tasks;
  private MongoCollection<Document> settings;

  @BeforeEach
  void layOutTheTutorialsData() {
    database = mongo.client().getDatabase("TaskManager");
    database.drop();
    tasks = database.getCollection("tasks");
    settings = database.getCollection("settings");
    tasks.insertMany(List.of(
        new Document("id", 0).append("title", "Water plants").append("shortdesc", "balcony").append("priority", 2),
        // ids 1 and 2 were deleted
        new Document("id", 3).append("title", "Pay rent").append("shortdesc", "").append("priority", 9),
        new Document("id", 4).append("title", "No priority").append("shortdesc", "left out"),
        new Document("id", 5.0).append("title", "Double id").append("shortdesc", null).append("priority", 1),
        new Document("id", 6).append("title", "Tagged").append("shortdesc", "x").append("priority", 0)
            .append("tags", List.of("home"))));
    settings.insertOne(new Document("name", "task_id").append("value", 7));
  }

  @Test
  void readsEveryTaskTheTutorialWrote() {
    MongoTaskStore store = MongoTaskStore.open(database);

    assertThat(store.get(0)).contains(new Task(0, "Water plants", "balcony", 2));
    assertThat(store.get(4)).contains(new Task(4, "No priority", "left out", 0));
    assertThat(store.get(5)).contains(new Task(5, "Double id", "", 1));
    assertThat(store.count()).isEqualTo(5);
    assertThat(store.nextId()).isEqualTo(7);
    assertThat(store.existingIds(List.of(0L, 1L, 4L, 5L))).containsExactlyInAnyOrder(0L, 4L, 5L);
  }

  @Test
  void continuesTheTutorialsSequenceAndLeavesItReadableTheTutorialsWay() {
    MongoTaskStore store = MongoTaskStore.open(database);

    Task created = store.create(aTask().titled("After the switch").build(), NOW);
    store.create(aTask().build(), NOW);

    assertThat(created.id()).isEqualTo(7);
    assertThat(settings.countDocuments()).describedAs("settings holds exactly one document").isEqualTo(1);
    long tutorialsNextId = ((Number) settings.find().first().get("value")).longValue();
    assertThat(tutorialsNextId).isEqualTo(9);
    assertThat(store.get(tutorialsNextId)).describedAs("the id the tutorial would take is free").isEmpty();
  }

  @Test
  void skipsIdsTheTutorialStoredBeyondItsSequence() {
    // The tutorial's read-then-write race lost increments: its sequence lags behind its tasks.
    settings.updateOne(new Document("name", "task_id"), new Document("$set", new Document("value", 3)));
    MongoTaskStore store = MongoTaskStore.open(database);

    Task created = store.create(aTask().build(), NOW);

    assertThat(created.id()).isEqualTo(7);
    assertThat(store.get(3)).map(Task::title).contains("Pay rent");
  }

  @Test
  void keepsFieldsItDoesNotKnowWhenUpdating() {
    MongoTaskStore store = MongoTaskStore.open(database);

    store.update(6, TaskPatch.none().withTitle("Tagged and renamed"), NOW);

    Document stored = tasks.find(new Document("id", 6)).first();
    assertThat(stored.getString("title")).isEqualTo("Tagged and renamed");
    assertThat(stored.getList("tags", String.class)).containsExactly("home");
  }

  @Test
  void theTutorialsQueriesStillListAndEditATaskWithTheNewFieldsAndKeepThem() {
    MongoTaskStore store = MongoTaskStore.open(database);
    Task created = store.create(new TaskDraft("Plan trip", "by train", 4, LocalDate.of(2027, 1, 5),
        List.of("travel")), NOW);
    store.update(created.id(), TaskPatch.none().withDone(true), NOW);

    // The tutorial lists with find() and reads its four fields by name, with their types.
    Document listed = tasks.find(new Document("id", created.id())).first();
    assertThat(listed.get("title")).isEqualTo("Plan trip");
    assertThat(listed.get("shortdesc")).isEqualTo("by train");
    assertThat(listed.get("priority")).isEqualTo(4);
    assertThat(((Number) listed.get("id")).longValue()).isEqualTo(created.id());
    // Its edit form sets those three and nothing else.
    tasks.updateOne(new Document("id", created.id()), new Document("$set",
        new Document("title", "Plan the trip").append("shortdesc", "by train").append("priority", 6)));

    Task read = store.get(created.id()).orElseThrow();
    assertThat(read.title()).isEqualTo("Plan the trip");
    assertThat(read.priority()).isEqualTo(6);
    assertThat(read.due()).isEqualTo(LocalDate.of(2027, 1, 5));
    assertThat(read.tags()).containsExactly("travel");
    assertThat(read.done()).isTrue();
  }

  @Test
  void aTaskTheTutorialWritesReadsAsOpenUndatedUntaggedOfUnknownAge() {
    MongoTaskStore store = MongoTaskStore.open(database);

    Task pay = store.get(3).orElseThrow();

    assertThat(pay.done()).isFalse();
    assertThat(pay.due()).isNull();
    assertThat(pay.tags()).isEmpty();
    assertThat(pay.createdAt()).isNull();
    assertThat(store.find(new TaskQuery(TaskFilter.OPEN, SortBy.DUE, false, null, 10)))
        .extracting(Task::id).contains(3L);
  }

  @Test
  void listsTasksWithoutPriorityAmongThoseOfPriorityZeroOnEveryPage() {
    MongoTaskStore store = MongoTaskStore.open(database);

    List<Long> walked = new ArrayList<>();
    Position after = null;
    while (true) {
      List<Task> page = store.find(new TaskQuery(TaskFilter.ANY, SortBy.PRIORITY, false, after, 2));
      if (page.isEmpty()) {
        break;
      }
      page.forEach(task -> walked.add(task.id()));
      after = Position.of(page.get(page.size() - 1));
    }

    assertThat(walked).containsExactly(4L, 6L, 5L, 0L, 3L);
  }
}
