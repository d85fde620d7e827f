package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * nginx in front of two replicas, over plain HTTP: what it adds and hides, forms that cross
 * replicas, and what users see while replicas crash and come back.
 */
@ExtendWith(StackExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProxyIT {

  private static final String UNAVAILABLE_TITLE = "<title>Task Manager is unavailable</title>";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private Stack stack;

  @BeforeEach
  void bothReplicasRunning(Stack stack) {
    this.stack = stack;
    stack.ensureReplicasRunning();
  }

  @Test
  void refusesTheMetricsToTheOutsideWhileAReplicaServesThemInside(Stack stack) throws Exception {
    for (String path : List.of("/metrics", "/metrics/", "/metrics?x=1", "//metrics", "/%6Detrics")) {
      assertThat(get(stack.proxy(path)).statusCode()).describedAs(path).isEqualTo(404);
    }
    HttpResponse<String> inside = get(stack.replica(0, "/metrics"));

    assertThat(inside.statusCode()).describedAs("a collector inside the stack asks a replica").isEqualTo(200);
    assertThat(inside.body()).contains("http_server_requests_seconds_count");
  }

  @Test
  void hidesTheNginxVersionAndKeepsTheSecurityHeaders(Stack stack) throws Exception {
    for (String path : List.of("/", "/static/app.css", "/api/tasks", "/tasks/999", "/no-such-page")) {
      HttpResponse<String> response = get(stack.proxy(path));

      assertThat(response.statusCode()).describedAs(path).isIn(200, 404);
      assertSecurityHeaders(path, response.headers());
    }
  }

  @Test
  void acceptsAFormIssuedByOneReplicaWhenPostedToTheOther(Stack stack) throws Exception {
    String token = PageForms.csrfToken(get(stack.replica(0, "/")).body());

    HttpResponse<String> created = PageForms.post(http, stack.replica(1, "/tasks"), stack.sessionCookie(),
        Map.of("title", "Issued by A, posted to B", "shortdesc", "", "priority", "3", "csrf", token));

    assertThat(created.statusCode()).describedAs("replica B accepts replica A's token").isEqualTo(303);
    assertThat(created.headers().firstValue("Location")).describedAs("a relative redirect works behind nginx")
        .contains("/");
    assertThat(get(stack.proxy("/?q=%22Issued+by+A%22")).body()).contains("Issued by A, posted to B");

    String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    HttpResponse<String> refused = PageForms.post(http, stack.replica(1, "/tasks"), stack.sessionCookie(),
        Map.of("title", "Forged", "shortdesc", "", "priority", "0", "csrf", forged));
    assertThat(refused.statusCode()).describedAs("a token with a wrong signature is refused").isEqualTo(403);
  }

  @Test
  void acceptsAFormThroughTheProxyAfterTheReplicaThatIssuedItDied(Stack stack) throws Exception {
    String token = PageForms.csrfToken(get(stack.replica(0, "/")).body());
    stack.killReplica(0);

    // nginx never resends a POST a replica may have seen, but one it could not connect to it passes on.
    HttpResponse<String> created = PageForms.post(http, stack.proxy("/tasks"), stack.sessionCookie(),
        Map.of("title", "Outlived its replica", "shortdesc", "", "priority", "1", "csrf", token));

    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(get(stack.proxy("/?q=Outlived")).body()).contains("Outlived its replica");
  }

  @Test
  void servesEveryGetWhileAReplicaIsKilledUnderLoad(Stack stack) throws Exception {
    int threads = 4;
    // Counted, not timed: on a busy machine a second may hold only a few requests.
    int getsOnEachSide = 200;
    Duration limit = Duration.ofSeconds(60);
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger requestsAfterKill = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    long accessLogLinesBefore = lines(stack.nginxAccessLog());
    ExecutorService load = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      long end = start + limit.toNanos();
      List<Future<?>> workers = new ArrayList<>();
      for (int thread = 0; thread < threads; thread++) {
        workers.add(load.submit(() -> {
          while (requestsAfterKill.get() < getsOnEachSide && System.nanoTime() < end) {
            boolean afterKill = killed.get();
            try {
              HttpResponse<String> response = get(stack.proxy("/"));
              if (response.statusCode() != 200) {
                failures.add("status " + response.statusCode());
              }
            } catch (IOException | InterruptedException failed) {
              failures.add(failed.toString());
            }
            requests.incrementAndGet();
            if (afterKill) {
              requestsAfterKill.incrementAndGet();
            }
          }
          return null;
        }));
      }
      while (requests.get() < getsOnEachSide && System.nanoTime() < end) {
        Stack.sleep(Duration.ofMillis(10));
      }
      int beforeKill = requests.get();
      killed.set(true);
      stack.killReplica(0);
      for (Future<?> worker : workers) {
        worker.get(limit.toSeconds() + 10, TimeUnit.SECONDS);
      }
      List<String> served = Files.readAllLines(stack.nginxAccessLog()).stream().skip(accessLogLinesBefore)
          .filter(line -> line.contains("\"GET / HTTP/1.1\"")).toList();
      long retried = served.stream().filter(line -> line.matches(".*upstream=\\S+, .*")).count();
      System.out.printf("load through nginx: %d GETs in %.1f s by %d threads, %d before the kill, %d after;"
              + " %d failed; nginx passed %d to the other replica after an error%n", requests.get(),
          (System.nanoTime() - start) / 1e9, threads, beforeKill, requestsAfterKill.get(), failures.size(), retried);

      assertThat(failures).describedAs("GETs that failed while a replica was killed").isEmpty();
      assertThat(beforeKill).describedAs("GETs before the kill").isGreaterThanOrEqualTo(getsOnEachSide);
      assertThat(requestsAfterKill.get()).describedAs("GETs after the kill").isGreaterThanOrEqualTo(getsOnEachSide);
    } finally {
      load.shutdownNow();
    }
  }

  @Test
  void servesItsOwnUnavailablePageWhenNoReplicaAnswers(Stack stack) throws Exception {
    stack.killReplica(0);
    stack.killReplica(1);

    for (String path : List.of("/", "/api/tasks", "/tasks/1")) {
      HttpResponse<String> response = get(stack.proxy(path));

      assertThat(response.statusCode()).describedAs(path).isEqualTo(503);
      assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
      assertThat(response.headers().firstValue("Retry-After")).contains("10");
      assertThat(response.body()).describedAs(path).contains(UNAVAILABLE_TITLE);
      assertSecurityHeaders(path, response.headers());
    }
  }

  @Test
  void sendsRequestsToARestartedReplicaAgain(Stack stack) throws Exception {
    stack.killReplica(0);
    stack.killReplica(1);
    assertThat(get(stack.proxy("/")).statusCode()).isEqualTo(503);

    stack.restartReplica(0);

    // nginx may still count the replica as failed for a moment (max_fails, fail_timeout).
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (get(stack.proxy("/")).statusCode() != 200) {
      assertThat(System.nanoTime()).describedAs("the restarted replica answers through nginx within 15 s")
          .isLessThan(deadline);
      Stack.sleep(Duration.ofMillis(200));
    }
    long servedBefore = stack.replicaOutput(0).stream().filter(line -> line.contains(" GET / 200 ")).count();
    for (int request = 0; request < 20; request++) {
      assertThat(get(stack.proxy("/")).statusCode()).isEqualTo(200);
    }
    Stack.sleep(Duration.ofMillis(200));
    long served = stack.replicaOutput(0).stream().filter(line -> line.contains(" GET / 200 ")).count() - servedBefore;
    // At least: the line of the last GET of the wait above may come after servedBefore was counted.
    assertThat(served).describedAs("GETs the restarted replica served").isGreaterThanOrEqualTo(20);
  }

  private static void assertSecurityHeaders(String path, HttpHeaders headers) {
    assertThat(headers.allValues("Server")).describedAs(path + ": Server, without a version").containsExactly("nginx");
    assertThat(headers.allValues("Content-Security-Policy")).describedAs(path).hasSize(1);
    assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).describedAs(path)
        .contains("default-src").contains("frame-ancestors 'none'");
    assertThat(headers.allValues("X-Content-Type-Options")).describedAs(path).containsExactly("nosniff");
    assertThat(headers.allValues("X-Frame-Options")).describedAs(path).containsExactly("DENY");
    assertThat(headers.allValues("Referrer-Policy")).describedAs(path).hasSize(1);
  }

  /** A GET as the stack's admin. */
  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(stack.signedIn(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))).build(),
        BodyHandlers.ofString());
  }



  private static long lines(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      return lines.count();
    }
  }
}
