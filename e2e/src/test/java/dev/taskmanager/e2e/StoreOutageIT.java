package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web app on a MongoDB-wire server of its own process, which stops and comes back: while it is
 * down every request that needs it gets a 503 that says so, within the store timeout rather than
 * hanging; once it is back the same app process serves again by itself. {@code bin/task} on the
 * stopped server exits with its "store unavailable" code and one line.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StoreOutageIT {

  /** The app's store timeout (StoreSettings' default connect timeout) … */
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(5);
  /** … and what each request may take beyond it on a busy machine before it counts as hanging. */
  private static final Duration REQUEST_BOUND = STORE_TIMEOUT.plusSeconds(10);

  private final Path dir = Path.of("target", "e2e", "StoreOutageIT").toAbsolutePath();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void answers503WhileTheStoreIsDownAndServesAgainWithoutARestartWhenItIsBack() throws Exception {
    StackExtension.deleteRecursively(dir);
    Path mongoData = dir.resolve("mongo");
    LoggedProcess mongo = Programs.startMongo("mongo", mongoData, 0, dir.resolve("mongo.log"));
    LoggedProcess app = null;
    try {
      String mongoUri = Programs.awaitMongoUri(mongo, mongoData);
      app = Programs.startWebApp(StackExtension.repository(), "web", Map.of("TASK_MONGO_URI", mongoUri,
          "TASK_DATA_DIR", dir.resolve("web").toString(), "TASK_HTTP_HOST", "127.0.0.1", "TASK_HTTP_PORT", "0"),
          dir.resolve("web.log"));
      URI url = Programs.awaitReady(app);
      assertThat(send(url, "POST", "/api/tasks", "{\"title\": \"Made before the outage\"}").statusCode()).isEqualTo(201);

      mongo.stop(Duration.ofSeconds(10));

      // At once: requests waiting for the store hold no others up, and none of them hangs.
      CompletableFuture<Long> ready = expect503(url, "GET", "/health/ready", null, "application/json",
          "the task store does not answer");
      CompletableFuture<Long> page = expect503(url, "GET", "/", null, "text/html", "The task store is not answering");
      CompletableFuture<Long> list = expect503(url, "GET", "/api/tasks", null, "application/problem+json",
          "\"title\":\"Store unavailable\"");
      CompletableFuture<Long> create = expect503(url, "POST", "/api/tasks", "{\"title\": \"During the outage\"}",
          "application/problem+json", "The task store is not answering");
      CompletableFuture.allOf(ready, page, list, create).get(REQUEST_BOUND.toSeconds() + 5, TimeUnit.SECONDS);
      Programs.Run cli = Programs.task(StackExtension.repository(), Map.of(), "--mongo-uri", mongoUri, "list");

      long restarted = System.nanoTime();
      mongo = Programs.startMongo("mongo", mongoData, URI.create(mongoUri).getPort(), dir.resolve("mongo.log"));
      Programs.awaitMongoUri(mongo, mongoData);
      long recoveredAfter = awaitReady(url);
      System.out.printf("StoreOutageIT: store down: 503 after %d ms (/health/ready), %d ms (page), %d ms (API list),"
              + " %d ms (API create), store timeout %d ms; bin/task: exit %d, %s; store back: ready again %d ms after"
              + " its restart (%d ms after its process started)%n", ready.get(), page.get(), list.get(), create.get(),
          STORE_TIMEOUT.toMillis(),
          cli.status(), cli.err().strip(), recoveredAfter,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));

      assertThat(cli.status()).describedAs("bin/task's exit code for an unavailable store").isEqualTo(4);
      assertThat(cli.err()).describedAs("bin/task's message").startsWith("task: store unavailable: ").hasLineCount(1)
          .doesNotContain("Exception", "com.mongodb", "{");
      assertThat(app.isAlive()).describedAs("the app outlived the outage").isTrue();
      HttpResponse<String> listed = send(url, "GET", "/", null);
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body()).contains("Made before the outage").doesNotContain("During the outage");
      assertThat(send(url, "POST", "/api/tasks", "{\"title\": \"Made after the outage\"}").statusCode()).isEqualTo(201);
    } finally {
      if (app != null) {
        app.close();
      }
      mongo.close();
    }
  }

  /** Sends a request that needs the store and checks its 503; completes with how long the answer took, in ms. */
  private CompletableFuture<Long> expect503(URI url, String method, String path, String json, String type,
      String message) {
    long start = System.nanoTime();
    return http.sendAsync(request(url, method, path, json), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(response.statusCode()).describedAs(method + " " + path + ": " + response.body()).isEqualTo(503);
      assertThat(response.headers().firstValue("Content-Type")).describedAs(method + " " + path).get().asString()
          .startsWith(type);
      assertThat(response.body()).describedAs(method + " " + path).contains(message)
          .doesNotContain("Exception", "com.mongodb", "at dev.taskmanager");
      return millis;
    });
  }

  /** Polls {@code /health/ready} until it answers 200 (bounded); returns after how many ms. */
  private long awaitReady(URI url) throws Exception {
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(30).toNanos();
    while (send(url, "GET", "/health/ready", null).statusCode() != 200) {
      assertThat(System.nanoTime()).describedAs("the app is ready within 30 s of the store's return").isLessThan(deadline);
      Stack.sleep(Duration.ofMillis(100));
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private HttpResponse<String> send(URI url, String method, String path, String json)
      throws IOException, InterruptedException {
    return http.send(request(url, method, path, json), HttpResponse.BodyHandlers.ofString());
  }

  /** One request, bounded: a request that hangs fails the test with HttpTimeoutException. */
  private static HttpRequest request(URI url, String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(REQUEST_BOUND);
    if (json == null) {
      return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json))
        .build();
  }
}
