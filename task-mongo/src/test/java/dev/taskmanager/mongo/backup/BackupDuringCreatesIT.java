package dev.taskmanager.mongo.backup;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import dev.taskmanager.mongo.testing.TestServers;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Backups taken while three writers create tasks as fast as they can: each one consistent. */
class BackupDuringCreatesIT {

  @TempDir
  Path dataDir;

  @TempDir
  Path folder;

  @Test
  @Timeout(120)
  void everyBackupTakenDuringCreatesHasTheSequencePastEveryTaskAndRestoresWhole() throws Exception {
    try (EmbeddedMongoServer server = EmbeddedServer.start(dataDir, 0); MongoClient client = TestServers.clientOf(server.uri())) {
      MongoDatabase database = client.getDatabase("TaskManager");
      MongoTaskStore store = MongoTaskStore.open(database);
      MongoBackups backups = new MongoBackups(database, Clock.systemUTC());
      List<Task> before = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        before.add(new TaskDraft("Before " + i).toTask(i, NOW));
      }
      store.importTasks(before, false);

      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLong created = new AtomicLong();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        Thread writer = new Thread(() -> {
          while (writing.get()) {
            store.create(new TaskDraft("During"), NOW);
            created.incrementAndGet();
          }
        });
        writer.start();
        writers.add(writer);
      }
      List<BackupHeader> headers = new ArrayList<>();
      List<Long> largestIds = new ArrayList<>();
      List<Path> files = new ArrayList<>();
      try {
        for (int round = 0; round < 4; round++) {
          Path file = folder.resolve("during-" + round + ".backup.jsonl.gz");
          BackupHeader header = backups.backup(file);
          headers.add(header);
          largestIds.add(largestTaskId(file, header.count(MongoTaskStore.TASKS)));
          files.add(file);
        }
      } finally {
        writing.set(false);
        for (Thread writer : writers) {
          writer.join();
        }
      }

      for (int round = 0; round < headers.size(); round++) {
        assertThat(headers.get(round).sequence()).describedAs("round %d", round).isGreaterThan(largestIds.get(round));
      }
      MongoDatabase copy = client.getDatabase("Copy");
      MongoTaskStore.open(copy);
      BackupHeader restored = new MongoBackups(copy, Clock.systemUTC()).restore(files.get(files.size() - 1));
      assertThat(MongoTaskStore.open(copy).count()).isEqualTo(restored.count(MongoTaskStore.TASKS));
      assertThat(MongoTaskStore.open(copy).create(new TaskDraft("Next"), NOW).id()).isEqualTo(restored.sequence());
      System.out.printf("BackupDuringCreatesIT: %d backups of %d to %d tasks while 3 writers created %d%n",
          headers.size(), headers.get(0).count(MongoTaskStore.TASKS),
          headers.get(headers.size() - 1).count(MongoTaskStore.TASKS), created.get());
    }
  }

  /** The largest task id in the file, having checked that every task the header counts was read. */
  private static long largestTaskId(Path file, long tasks) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      long[] ids = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(BsonDocument::parse)
          .filter(line -> line.containsKey("collection") && line.getString("collection").getValue().equals("tasks"))
          .mapToLong(line -> line.getDocument("document").getNumber("id").longValue()).toArray();
      assertThat(ids).hasSize((int) tasks);
      return java.util.Arrays.stream(ids).max().orElse(-1);
    }
  }
}
