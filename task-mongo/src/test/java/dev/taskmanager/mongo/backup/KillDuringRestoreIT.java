package dev.taskmanager.mongo.backup;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.embeddedmongo.testing.ChildProcess;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.testing.TestServers;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore killed with {@code kill -9} at a random moment, server and all, leaves the store as it
 * was or, once the next program opens it, as the backup: never a mix.
 */
class KillDuringRestoreIT {

  private static final int ROUNDS = 6;
  private static final int TASKS_BEFORE = 500;
  private static final int TASKS_IN_BACKUP = 20_000;

  @TempDir
  Path folder;

  @Test
  @Timeout(300)
  void aRestoreKilledAtAnyMomentLeavesTheStoreAsItWasOrAsTheBackup() throws Exception {
    Path backup = folder.resolve("big.backup.jsonl.gz");
    Path before = folder.resolve("before");
    Map<Long, String> backupTasks = prepare(folder.resolve("source"), TASKS_IN_BACKUP, "in the backup", backup);
    Map<Long, String> beforeTasks = prepare(before, TASKS_BEFORE, "before", null);

    long fullRestoreMillis = 0;
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int round = 0; round <= ROUNDS; round++) {
      Path dataDir = folder.resolve("round-" + round);
      copy(before, dataDir);
      long killAfter = round == 0 ? Long.MAX_VALUE : ThreadLocalRandom.current().nextLong(fullRestoreMillis * 5 / 4);
      try (ChildProcess restorer = ChildProcess.start(RestoreUntilKilledMain.class, dataDir.toString(), backup.toString())) {
        assertThat(restorer.awaitOutLines(1, 30_000)).describedAs("the restorer started: %s", restorer.err()).isTrue();
        long started = System.nanoTime();
        if (round == 0) {
          // The first round runs to its end: how long a restore takes here sets when the others are killed.
          assertThat(restorer.awaitOutLines(2, 120_000)).describedAs("the restore finished: %s", restorer.err()).isTrue();
          fullRestoreMillis = (System.nanoTime() - started) / 1_000_000;
        } else {
          restorer.awaitOutLines(2, killAfter);
          restorer.kill();
        }
      }

      Map<Long, String> after;
      try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
        MongoDatabase database = client.getDatabase("TaskManager");
        // What every program does when it opens the store.
        InterruptedRestore.finish(database);
        after = tasks(database);
        assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain(InterruptedRestore.JOURNAL);
        long largestId = after.keySet().stream().mapToLong(id -> id < 0 ? -1 - id : id).max().orElse(-1);
        assertThat(MongoTaskStore.open(database).nextId()).describedAs("round %d: the sequence past every id", round)
            .isGreaterThan(largestId);
      }
      String outcome = after.equals(backupTasks) ? "as the backup" : after.equals(beforeTasks) ? "as before" : null;
      assertThat(outcome).describedAs("round %d, killed after %d ms: %d tasks, neither as before (%d) nor as the backup (%d)",
          round, killAfter, after.size(), beforeTasks.size(), backupTasks.size()).isNotNull();
      outcomes.merge(outcome, 1, Integer::sum);
    }
    System.out.printf("KillDuringRestoreIT: a restore of %d tasks took %d ms; %d rounds killed at random: %s%n",
        TASKS_IN_BACKUP, fullRestoreMillis, ROUNDS, outcomes);
  }

  /** A data directory with these tasks (and their backup, when asked); returns them by id. */
  private static Map<Long, String> prepare(Path dataDir, int count, String title, Path backup) {
    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
      MongoDatabase database = client.getDatabase("TaskManager");
      MongoTaskStore store = MongoTaskStore.open(database);
      List<dev.taskmanager.core.model.Task> tasks = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        tasks.add(new TaskDraft(title + " " + i).toTask(i, NOW));
      }
      store.importTasks(tasks, false);
      store.delete(0, NOW);
      if (backup != null) {
        new MongoBackups(database, Clock.systemUTC()).backup(backup);
      }
      return tasks(database);
    }
  }

  private static Map<Long, String> tasks(MongoDatabase database) {
    Map<Long, String> tasks = new TreeMap<>();
    for (Document task : database.getCollection(MongoTaskStore.TASKS).find()) {
      tasks.put(((Number) task.get("id")).longValue(), task.getString("title"));
    }
    for (Document deleted : database.getCollection("deleted_tasks").find()) {
      tasks.put(-1 - ((Number) deleted.get("id")).longValue(), "deleted: " + deleted.getString("title"));
    }
    return tasks;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
