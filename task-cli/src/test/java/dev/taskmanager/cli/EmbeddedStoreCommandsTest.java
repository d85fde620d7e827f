package dev.taskmanager.cli;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.cli.store.StoreModules;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default store: the embedded server's data directory, opened by the command or shared. */
class EmbeddedStoreCommandsTest {

  private final Cli cli = new Cli(StoreModules::select);

  @TempDir
  Path dataDir;

  @Test
  void keepsTasksInTheDataDirectoryFromOneCommandToTheNext() {
    Result added = cli.run("add", "Water the plants", "--priority", "3", "--data-dir", dataDir.toString());
    Result listed = cli.run("list", "--format", "csv", "--data-dir", dataDir.toString());
    Result stats = cli.run("stats", "--data-dir", dataDir.toString());

    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out()).isEqualTo("0\n");
    assertThat(Cli.tutorialColumns(listed.out())).isEqualTo("id,title,shortdesc,priority\n0,Water the plants,,3\n");
    assertThat(stats.out()).contains("embedded").contains(dataDir.toString());
  }

  @Test
  void reachesTheServerOfTheAppRunningOnTheDataDirectoryInsteadOfOpeningItsFile() {
    try (EmbeddedMongoServer running = EmbeddedServer.start(dataDir, 0);
        MongoClient client = MongoClients.create(running.uri())) {
      MongoTaskStore appStore = MongoTaskStore.open(client.getDatabase("TaskManager"));
      appStore.create(new TaskDraft("Made by the app"), NOW);

      Result added = cli.run("add", "Made by the CLI", "--data-dir", dataDir.toString());
      Result listed = cli.run("list", "--format", "csv", "--data-dir", dataDir.toString());

      assertThat(added.exitCode()).as(added.err()).isZero();
      assertThat(Cli.tutorialColumns(listed.out()))
          .isEqualTo("id,title,shortdesc,priority\n0,Made by the app,,0\n1,Made by the CLI,,0\n");
      assertThat(appStore.get(1)).map(task -> task.title()).contains("Made by the CLI");
    }
  }

  @Test
  void doctorFindsAStoreInUseHealthy() {
    cli.run("add", "One task", "--data-dir", dataDir.toString());

    Result result = cli.run("doctor", "--data-dir", dataDir.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("unique index on tasks.id").doesNotContain("FAIL");
  }

  @Test
  void doctorRepairsTheDuplicateIdsTheTutorialLeftSoThatTheStoreOpensAgain() {
    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0);
        MongoClient client = MongoClients.create(server.uri())) {
      client.getDatabase("TaskManager").getCollection("tasks").insertMany(List.of(
          new Document("id", 1).append("title", "first").append("shortdesc", "").append("priority", 1),
          new Document("id", 1).append("title", "raced").append("shortdesc", "").append("priority", 1)));
      client.getDatabase("TaskManager").getCollection("settings").insertOne(new Document("name", "task_id").append("value", 1));
    }

    Result refused = cli.run("list", "--data-dir", dataDir.toString());
    Result found = cli.run("doctor", "--data-dir", dataDir.toString());
    Result repaired = cli.run("doctor", "--repair", "--data-dir", dataDir.toString());
    Result listed = cli.run("list", "--format", "csv", "--data-dir", dataDir.toString());

    assertThat(refused.exitCode()).isEqualTo(4);
    assertThat(refused.err()).contains("share the id 1").contains("task doctor --repair").hasLineCount(1);
    assertThat(found.exitCode()).isEqualTo(5);
    assertThat(found.out()).contains("no duplicate ids").contains("2 tasks share the id 1");
    assertThat(repaired.exitCode()).as(repaired.err()).isZero();
    assertThat(repaired.out()).contains("the id 2 instead of 1");
    assertThat(Cli.tutorialColumns(listed.out())).isEqualTo("id,title,shortdesc,priority\n1,first,,1\n2,raced,,1\n");
  }
}
