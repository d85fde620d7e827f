package dev.taskmanager.mongo.doctor;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.mongo.doctor.MongoStoreDoctor.Finding;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.testing.InMemoryMongoServer;
import dev.taskmanager.mongo.testing.TestServers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The doctor finds what the tutorial app's race leaves behind, shows its plan, and repairs it. */
class MongoStoreDoctorTest {

  @RegisterExtension
  static final InMemoryMongoServer mongo = new InMemoryMongoServer();
  private MongoDatabase database;
  private MongoStoreDoctor doctor;

  @BeforeEach
  void emptyDatabase() {
    database = mongo.client().getDatabase("TaskManagerDoctor");
    database.drop();
    doctor = new MongoStoreDoctor(database);
  }

  @Test
  void findsNothingWrongWithADatabaseTheStoreKeeps() {
    MongoTaskStore store = MongoTaskStore.open(database);
    store.create(new TaskDraft("one"), NOW);
    store.create(new TaskDraft("two"), NOW);

    assertThat(doctor.check()).allMatch(Finding::ok);
    assertThat(doctor.plannedRepairs()).isEmpty();
  }

  @Test
  void findsNothingToDoInADatabaseNobodyUsedYet() {
    assertThat(doctor.check()).allMatch(Finding::ok).extracting(Finding::check)
        .containsExactly("store reachable", "database in use");
    assertThat(doctor.plannedRepairs()).isEmpty();
  }

  @Test
  void findsWhatTheTutorialsRaceLeftAndSaysWhatItWillChange() {
    leaveTheTutorialsMess();

    List<Finding> findings = doctor.check();
    List<String> plan = doctor.plannedRepairs();

    assertThat(findings.stream().filter(finding -> !finding.ok()).map(Finding::check)).containsExactly(
        "unique index on tasks.id", "settings holds exactly one document", "sequence past the largest id", "no duplicate ids");
    assertThat(findings).filteredOn(finding -> finding.check().equals("no duplicate ids"))
        .extracting(Finding::detail).containsExactly("5 tasks share the ids 1, 2");
    assertThat(plan).hasSize(6);
    assertThat(plan.get(0)).matches("give the task with _id \\w+ \\(\"second one\"\\) the id 5 instead of 1");
    assertThat(plan.get(1)).matches("give the task with _id \\w+ \\(\"second two\"\\) the id 6 instead of 2");
    assertThat(plan.get(2)).matches("give the task with _id \\w+ \\(\"third two\"\\) the id 7 instead of 2");
    assertThat(plan.get(3)).startsWith("delete the stray settings document {");
    assertThat(plan.subList(4, 6)).containsExactly(
        "set the sequence (settings task_id) from 2 to 8", "create the unique index on tasks.id");
  }

  @Test
  void repairsSoThatTheStoreOpensWithEveryTaskKept() {
    leaveTheTutorialsMess();

    doctor.repair(doctor.plannedRepairs());

    assertThat(doctor.check()).allMatch(Finding::ok);
    MongoTaskStore store = MongoTaskStore.open(database);
    assertThat(store.count()).isEqualTo(6);
    assertThat(allTitlesById(store)).containsExactly(
        "first one", "first two", "four", "second one", "second two", "third two");
    assertThat(store.create(new TaskDraft("after the repair"), NOW).id()).isEqualTo(8);
    assertThat(database.getCollection("settings").countDocuments()).isEqualTo(1);
  }

  @Test
  void refusesAPlanTheDataNoLongerMatches() {
    leaveTheTutorialsMess();
    List<String> plan = doctor.plannedRepairs();
    database.getCollection("tasks").insertOne(new Document("id", 4).append("title", "another four"));

    assertThatThrownBy(() -> doctor.repair(plan))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("changed since the repair was planned");
    assertThat(database.getCollection("tasks").countDocuments()).describedAs("nothing repaired").isEqualTo(7);
  }

  @Test
  void reportsTasksWhoseIdIsNoNumberWithoutTouchingThem() {
    MongoTaskStore.open(database);
    database.getCollection("tasks").insertOne(new Document("id", "seven").append("title", "odd"));

    assertThat(doctor.check()).filteredOn(finding -> !finding.ok()).extracting(Finding::check)
        .containsExactly("every id a whole number");
    assertThat(doctor.plannedRepairs()).isEmpty();
  }

  @Test
  void saysTheStoreIsUnavailableWhenItCannotBeReached() {
    MongoServer stopped = TestServers.startInMemory(0);
    String uri = TestServers.uriOf(stopped);
    stopped.shutdownNow();
    try (MongoClient unreachable = TestServers.clientOf(uri, TestServers.SHORT_TIMEOUT)) {
      MongoStoreDoctor blind = new MongoStoreDoctor(unreachable.getDatabase("TaskManagerDoctor"));

      assertThatThrownBy(blind::check).isInstanceOf(TaskStoreException.class).hasMessageContaining("cannot be reached");
    }
  }

  /** As pymongo under gunicorn left it: ids 1 and 2 taken twice and thrice, a stray setting. */
  private void leaveTheTutorialsMess() {
    database.getCollection("tasks").insertMany(List.of(
        tutorialTask(1, "first one"), tutorialTask(2, "first two"), tutorialTask(1, "second one"),
        tutorialTask(2, "second two"), tutorialTask(2, "third two"), tutorialTask(4, "four")));
    database.getCollection("settings").insertMany(List.of(
        new Document("name", "task_id").append("value", 2),
        new Document("name", "theme").append("value", "dark")));
  }

  private static Document tutorialTask(int id, String title) {
    return new Document("id", id).append("title", title).append("shortdesc", "").append("priority", 1);
  }

  private static List<String> allTitlesById(MongoTaskStore store) {
    List<Task> all = new ArrayList<>();
    for (long id = 0; id < 10; id++) {
      store.get(id).ifPresent(all::add);
    }
    return all.stream().map(Task::title).collect(Collectors.toList());
  }
}
