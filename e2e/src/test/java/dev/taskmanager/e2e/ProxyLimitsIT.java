package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits nginx puts on requests with the project's template, and the app's own behind them:
 * oversized headers and bodies are refused at the proxy, before any replica sees them, and clients
 * that trickle or stall a request are cut off by nginx while the replicas go on answering others.
 */
@ExtendWith(StackExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProxyLimitsIT {

  /** More than nginx's large_client_header_buffers (8k) allow for one header line. */
  private static final int OVERSIZED_HEADER = 9 * 1024;
  /** More than the app's and nginx's 64 KiB body cap. */
  private static final int OVERSIZED_BODY = 100 * 1024;
  /** More slow clients than a replica has worker threads (16 on two cores). */
  private static final int SLOW_CLIENTS_OF_EACH_KIND = 12;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private Stack stack;

  @BeforeEach
  void actAsTheAdmin(Stack stack) {
    this.stack = stack;
  }

  @Test
  void refusesOversizedHeadersBeforeAnyReplicaSeesThem(Stack stack) throws Exception {
    List<HttpRequest> oversized = List.of(
        HttpRequest.newBuilder(stack.proxy("/oversized-header")).header("X-Big", "a".repeat(OVERSIZED_HEADER)).build(),
        HttpRequest.newBuilder(stack.proxy("/oversized-headers")).header("X-Big-1", "a".repeat(7_000))
            .header("X-Big-2", "a".repeat(7_000)).header("X-Big-3", "a".repeat(7_000))
            .header("X-Big-4", "a".repeat(7_000)).header("X-Big-5", "a".repeat(7_000)).build(),
        HttpRequest.newBuilder(stack.proxy("/oversized-cookie")).header("Cookie", "c=" + "a".repeat(OVERSIZED_HEADER))
            .build(),
        HttpRequest.newBuilder(stack.proxy("/oversized-address?" + "a".repeat(OVERSIZED_HEADER))).build());

    for (HttpRequest request : oversized) {
      HttpResponse<String> response = send(request);

      assertThat(response.statusCode()).describedAs(request.uri().getPath()).isIn(400, 414, 431, 494);
      assertThat(response.body()).describedAs(request.uri().getPath()).doesNotContainPattern("nginx/\\d");
    }
    assertThat(send(HttpRequest.newBuilder(stack.proxy("/")).header("X-Fits", "a".repeat(7_000)).build())
        .statusCode()).describedAs("a header that fits").isEqualTo(200);
    assertNoReplicaSaw(stack, "/oversized-");
  }

  @Test
  void refusesAnOversizedBodyWith413BeforeAnyReplicaSeesIt(Stack stack) throws Exception {
    byte[] body = ("{\"title\": \"" + "a".repeat(OVERSIZED_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);
    List<HttpRequest> oversized = List.of(
        HttpRequest.newBuilder(stack.proxy("/api/tasks?oversized-body")).header("Content-Type", "application/json")
            .POST(BodyPublishers.ofByteArray(body)).build(),
        // Without a length: chunked, so nginx has to count as it reads.
        HttpRequest.newBuilder(stack.proxy("/api/tasks?oversized-chunked-body"))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
        HttpRequest.newBuilder(stack.proxy("/tasks?oversized-form")).header("Content-Type",
            "application/x-www-form-urlencoded").POST(BodyPublishers.ofByteArray(body)).build());
    long postsBefore = replicaLines(stack, "POST ");

    for (HttpRequest request : oversized) {
      HttpResponse<String> response = send(request);
      String what = request.uri().getQuery();

      assertThat(response.statusCode()).describedAs(what).isEqualTo(413);
      assertThat(response.headers().firstValue("Content-Security-Policy")).describedAs(what).isPresent();
      assertThat(response.headers().firstValue("X-Frame-Options")).describedAs(what).hasValue("DENY");
      assertThat(response.headers().firstValue("Retry-After")).describedAs(what).isEmpty();
      if (request.uri().getPath().startsWith("/api/")) {
        assertThat(response.headers().firstValue("Content-Type")).describedAs(what).hasValue("application/problem+json");
        assertThat(response.body()).describedAs(what).contains("\"status\":413")
            .contains("\"detail\":\"The request body is larger than 64 KiB.\"");
      } else {
        assertThat(response.headers().firstValue("Content-Type")).describedAs(what).hasValue("text/html");
        assertThat(response.body()).describedAs(what).contains("<h1>That was too much text</h1>");
      }
    }
    assertThat(replicaLines(stack, "POST ")).describedAs("posts a replica saw").isEqualTo(postsBefore);

    // Just under the cap the replica answers for itself: a 400 for a title that long.
    byte[] fits = ("{\"title\": \"" + "a".repeat(60 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThat(send(HttpRequest.newBuilder(stack.proxy("/api/tasks")).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofByteArray(fits)).build()).statusCode()).isEqualTo(400);
  }

  @Test
  void theAppRefusesOversizedHeadersAndBodiesItselfToo(Stack stack) throws Exception {
    HttpResponse<String> header = send(HttpRequest.newBuilder(stack.replica(0, "/"))
        .header("X-Big", "a".repeat(80 * 1024)).build());
    HttpResponse<String> body = send(HttpRequest.newBuilder(stack.replica(0, "/api/tasks"))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString("{\"title\": \"" + "a".repeat(OVERSIZED_BODY) + "\"}")).build());

    assertThat(header.statusCode()).describedAs("a header over the app's 64 KiB").isIn(400, 431);
    assertThat(body.statusCode()).describedAs("a body over the app's 64 KiB").isEqualTo(413);
    assertThat(body.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void cutsOffClientsThatTrickleOrStallWhileTheReplicasAnswerOthers(Stack stack) throws Exception {
    ExecutorService slowClients = Executors.newFixedThreadPool(2 * SLOW_CLIENTS_OF_EACH_KIND);
    try {
      List<Future<String>> cutOff = new ArrayList<>();
      for (int client = 0; client < SLOW_CLIENTS_OF_EACH_KIND; client++) {
        cutOff.add(slowClients.submit(trickleHeaders(stack.proxy("/trickled-headers"))));
        cutOff.add(slowClients.submit(stallBody(stack.proxy("/trickled-body"))));
      }

      int answered = 0;
      while (cutOff.stream().anyMatch(client -> !client.isDone())) {
        assertThat(send(HttpRequest.newBuilder(stack.proxy("/")).build()).statusCode())
            .describedAs("a page asked for while slow clients hold connections to nginx").isEqualTo(200);
        answered++;
        Stack.sleep(Duration.ofMillis(250));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> client : cutOff) {
        outcomes.add(client.get());
      }
      System.out.printf("limits: %d slow clients cut off by nginx (%s); %d pages served meanwhile%n",
          cutOff.size(), outcomes.stream().distinct().toList(), answered);

      assertThat(outcomes).allMatch(outcome -> outcome.startsWith("closed"));
      assertThat(answered).isPositive();
      List<String> timedOut = Files.readAllLines(stack.nginxAccessLog()).stream()
          .filter(line -> line.contains("/trickled-") && line.contains("\" 408 ")).toList();
      assertThat(timedOut).describedAs("nginx's access log: requests it timed out").hasSize(cutOff.size());
      assertNoReplicaSaw(stack, "/trickled-");
    } finally {
      slowClients.shutdownNow();
    }
  }

  /** Sends a request line, then one header a second, never finishing the head. */
  private static Callable<String> trickleHeaders(URI uri) {
    return () -> {
      try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
        write(socket, "GET " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int header = 0; header < 60; header++) {
          String outcome = awaitClose(socket);
          if (outcome != null) {
            return outcome;
          }
          try {
            write(socket, "X-Trickle-" + header + ": 1\r\n");
          } catch (IOException reset) {
            return "closed (reset)";
          }
        }
        return "still open after 60 headers";
      }
    };
  }

  /** Sends the head and the first byte of a body it promised, then nothing. */
  private static Callable<String> stallBody(URI uri) {
    return () -> {
      try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
        write(socket, "POST " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
        for (int second = 0; second < 60; second++) {
          String outcome = awaitClose(socket);
          if (outcome != null) {
            return outcome;
          }
        }
        return "still open after 60 s";
      }
    };
  }

  /**
   * Reads for up to a second: {@code null} while the connection stays open, else how the server
   * closed it, with the status line it sent before, if any.
   */
  private static String awaitClose(Socket socket) throws IOException {
    socket.setSoTimeout(1_000);
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
        received.write(buffer, 0, read);
      }
    } catch (SocketTimeoutException stillOpen) {
      // An answer without a close (none is expected) counts as open too.
      return null;
    } catch (IOException reset) {
      return "closed (reset)";
    }
    String answer = received.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
    return answer.isEmpty() ? "closed" : "closed after " + answer;
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static void assertNoReplicaSaw(Stack stack, String path) {
    for (int replica = 0; replica < 2; replica++) {
      assertThat(stack.replicaOutput(replica)).describedAs("replica %d's access log", replica)
          .noneMatch(line -> line.contains(path));
    }
  }

  private static long replicaLines(Stack stack, String text) {
    return stack.replicaOutput(0).stream().filter(line -> line.contains(text)).count()
        + stack.replicaOutput(1).stream().filter(line -> line.contains(text)).count();
  }

  /** The request as the stack's admin sends it: what reaches a replica passes its gate, as a user's would. */
  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(stack.signedIn(HttpRequest.newBuilder(request, (name, value) -> true))
        .timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofString());
  }
}
