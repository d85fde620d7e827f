package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/task backup} and {@code bin/task restore} on the data directory of a running web app
 * (reaching its embedded server), while a client creates tasks through the API: the backup is
 * consistent, and the restore puts it back under the running app.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BackupWhileServingIT {

  private static final Pattern BACKED_UP = Pattern.compile("backed up (\\d+) tasks, (\\d+) deleted tasks?, 0 users and 0 API tokens of TaskManager,"
      + " taken \\S+; the next id is (\\d+) to .*");

  private final Path dir = Path.of("target", "e2e", "BackupWhileServingIT").toAbsolutePath();
  private final Api api = new Api();

  @Test
  void aBackupTakenWhileTheAppServesRestoresUnderTheRunningApp() throws Exception {
    StackExtension.deleteRecursively(dir);
    Path data = dir.resolve("data");
    Path file = dir.resolve("tasks.backup.jsonl.gz");
    Map<String, String> cli = Map.of("TASK_DATA_DIR", data.toString());
    LoggedProcess app = Programs.startWebApp(StackExtension.repository(), "web",
        Map.of("TASK_DATA_DIR", data.toString(), "TASK_HTTP_HOST", "127.0.0.1", "TASK_HTTP_PORT", "0"),
        dir.resolve("web.log"));
    try {
      URI url = Programs.awaitReady(app);
      for (int i = 0; i < 200; i++) {
        assertThat(create(url, "before the backup " + i).statusCode()).isEqualTo(201);
      }
      assertThat(status(url, "DELETE", "/api/tasks/3", null)).isEqualTo(204);

      AtomicBoolean creating = new AtomicBoolean(true);
      AtomicLong createdDuring = new AtomicLong();
      ExecutorService client = Executors.newSingleThreadExecutor();
      Future<?> writer = client.submit(() -> {
        while (creating.get()) {
          assertThat(create(url, "during the backup").statusCode()).isEqualTo(201);
          createdDuring.incrementAndGet();
        }
        return null;
      });
      Programs.Run backedUp;
      try {
        backedUp = Programs.task(StackExtension.repository(), cli, "backup", file.toString());
      } finally {
        creating.set(false);
        writer.get(30, TimeUnit.SECONDS);
        client.shutdownNow();
      }
      assertThat(backedUp.status()).describedAs(backedUp.err()).isZero();
      Matcher summary = BACKED_UP.matcher(backedUp.out().strip());
      assertThat(summary.matches()).describedAs(backedUp.out()).isTrue();
      long tasksInBackup = Long.parseLong(summary.group(1));
      long nextIdInBackup = Long.parseLong(summary.group(3));
      assertThat(summary.group(2)).isEqualTo("1");
      assertThat(tasksInBackup).isBetween(199L, 199L + createdDuring.get());
      // Ids 0-199 less the deleted one, then those created during the backup in order: the sequence is past all.
      assertThat(nextIdInBackup).isGreaterThanOrEqualTo(tasksInBackup + 1);

      long createdAfter = idOf(create(url, "after the backup").body());
      assertThat(status(url, "DELETE", "/api/tasks/5", null)).isEqualTo(204);
      Programs.Run restored = Programs.task(StackExtension.repository(), cli, "restore", "--yes", file.toString());

      assertThat(restored.status()).describedAs(restored.err()).isZero();
      assertThat(restored.out()).contains("checksum verified").contains("restored " + tasksInBackup + " tasks");
      assertThat(status(url, "GET", "/api/tasks/" + createdAfter, null)).isEqualTo(404);
      assertThat(status(url, "GET", "/api/tasks/5", null)).isEqualTo(200);
      assertThat(status(url, "GET", "/api/tasks/3", null)).isEqualTo(404);
      assertThat(status(url, "POST", "/api/tasks/3/restore", "{}")).describedAs("the task deleted before the backup can still be brought back").isEqualTo(200);
      assertThat(idOf(create(url, "after the restore").body()))
          .describedAs("an id handed out after the backup is never handed out again").isGreaterThan(createdAfter);
      Programs.Run listed = Programs.task(StackExtension.repository(), cli, "stats");
      assertThat(listed.out()).contains("tasks:    " + (tasksInBackup + 2) + "\n");
      System.out.printf("BackupWhileServingIT: backup of %d tasks taken while %d were created through the API;"
          + " restored under the running app%n", tasksInBackup, createdDuring.get());
    } finally {
      app.close();
    }
  }

  private HttpResponse<String> create(URI url, String title) throws IOException, InterruptedException {
    return api.create(url, "{\"title\": \"" + title + "\"}");
  }

  private int status(URI url, String method, String path, String json) throws IOException, InterruptedException {
    return api.send(url, path, method, json).statusCode();
  }

  private static long idOf(String task) {
    return Api.idOf(task);
  }
}
