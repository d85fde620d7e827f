package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.cli.store.StoreModules;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.mongo.EmbeddedMongo;
import dev.taskmanager.mongo.MongoTaskStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
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
    assertThat(listed.out()).isEqualTo("id,title,shortdesc,priority\n0,Water the plants,,3\n");
    assertThat(stats.out()).contains("embedded").contains(dataDir.toString());
  }

  @Test
  void reachesTheServerOfTheAppRunningOnTheDataDirectoryInsteadOfOpeningItsFile() {
    try (EmbeddedMongo running = EmbeddedMongo.start(dataDir, 0);
        MongoClient client = MongoClients.create(running.uri())) {
      MongoTaskStore appStore = MongoTaskStore.open(client.getDatabase("TaskManager"));
      appStore.create(new TaskDraft("Made by the app"));

      Result added = cli.run("add", "Made by the CLI", "--data-dir", dataDir.toString());
      Result listed = cli.run("list", "--format", "csv", "--data-dir", dataDir.toString());

      assertThat(added.exitCode()).as(added.err()).isZero();
      assertThat(listed.out()).isEqualTo("id,title,shortdesc,priority\n0,Made by the app,,0\n1,Made by the CLI,,0\n");
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
}
