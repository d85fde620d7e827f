package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web app on its embedded store is killed with {@code kill -9} while clients create tasks, at a
 * random moment, round after round on one data directory: every create it acknowledged is there,
 * unchanged, after each restart, and no id is issued again. The moments come from a seed, printed;
 * {@code -Dtask.seed=N} repeats a run.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KillDuringCreatesIT {

  private static final int ROUNDS = 4;
  private static final int CLIENTS = 4;
  private static final long DEFAULT_SEED = 4_186_112_523_907_455_381L;

  private final Path dir = Path.of("target", "e2e", "KillDuringCreatesIT").toAbsolutePath();
  private final Api api = new Api();

  @Test
  void everyAcknowledgedTaskSurvivesKillNineUnchangedAndNoIdIsIssuedAgain() throws Exception {
    StackExtension.deleteRecursively(dir);
    // A fixed seed by default, so every build kills at the same moments; -Dtask.seed tries others.
    long seed = Long.getLong("task.seed", DEFAULT_SEED);
    System.out.println("KillDuringCreatesIT: seed " + seed + " (-Dtask.seed=" + seed + " repeats these kill moments)");
    Random random = new Random(seed);
    // id → the task exactly as the app acknowledged it (the 201 response's body).
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    Map<String, String> settings = Map.of("TASK_DATA_DIR", dir.resolve("data").toString(),
        "TASK_HTTP_HOST", "127.0.0.1", "TASK_HTTP_PORT", "0");
    for (int round = 1; round <= ROUNDS; round++) {
      LoggedProcess app = Programs.startWebApp(StackExtension.repository(), "web", settings, dir.resolve("web.log"));
      try {
        URI url = Programs.awaitReady(app);
        assertEverySurvived(url, acknowledged, round);
        long killAfterMillis = 300 + random.nextInt(1_200);
        int before = acknowledged.size();
        createUntilKilled(app, url, acknowledged, Duration.ofMillis(killAfterMillis), round);
        System.out.printf("KillDuringCreatesIT: round %d: kill -9 after %d ms of creates; %d creates acknowledged"
            + " in the round, %d in all%n", round, killAfterMillis, acknowledged.size() - before, acknowledged.size());
        assertThat(acknowledged.size()).describedAs("creates acknowledged before the kill of round %d", round)
            .isGreaterThan(before);
      } finally {
        app.kill();
      }
    }
    LoggedProcess app = Programs.startWebApp(StackExtension.repository(), "web", settings, dir.resolve("web.log"));
    try {
      assertEverySurvived(Programs.awaitReady(app), acknowledged, ROUNDS + 1);
    } finally {
      app.close();
    }
  }

  /** Every acknowledged task reads back byte for byte, and a new task's id is above all of theirs. */
  private void assertEverySurvived(URI url, Map<Long, String> acknowledged, int start) throws Exception {
    for (Map.Entry<Long, String> task : acknowledged.entrySet()) {
      HttpResponse<String> stored = api.send(url, "/api/tasks/" + task.getKey(), "GET", null);
      assertThat(stored.statusCode()).describedAs("task %d after restart %d", task.getKey(), start).isEqualTo(200);
      assertThat(stored.body()).describedAs("task %d after restart %d", task.getKey(), start).isEqualTo(task.getValue());
    }
    HttpResponse<String> created = create(url, "after restart " + start);
    assertThat(created.statusCode()).isEqualTo(201);
    long largest = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
    assertThat(idOf(created.body())).describedAs("the first id after restart %d", start).isGreaterThan(largest);
    acknowledged.put(idOf(created.body()), created.body());
  }

  /** Clients create until the app dies under them; the app is killed after {@code killAfter}. */
  private void createUntilKilled(LoggedProcess app, URI url, Map<Long, String> acknowledged, Duration killAfter,
      int round) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int client = 0; client < CLIENTS; client++) {
        String prefix = "round " + round + " client " + client + " task ";
        running.add(clients.submit(() -> {
          for (int number = 0; ; number++) {
            HttpResponse<String> created;
            try {
              created = create(url, prefix + number);
            } catch (IOException killed) {
              return null;
            }
            if (created.statusCode() != 201) {
              // Only the kill may stop a client; any other answer is a failure.
              throw new AssertionError("create answered " + created.statusCode() + ": " + created.body());
            }
            acknowledged.put(idOf(created.body()), created.body());
          }
        }));
      }
      Thread.sleep(killAfter.toMillis());
      app.kill();
      for (Future<?> client : running) {
        client.get(60, TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private HttpResponse<String> create(URI url, String title) throws IOException, InterruptedException {
    return api.create(url, "{\"title\": \"" + title + "\", \"shortdesc\": \"made before a kill -9\\nsecond line\","
        + " \"priority\": " + (title.length() * 7 % 1000) + "}");
  }

  private static long idOf(String task) {
    return Api.idOf(task);
  }
}
