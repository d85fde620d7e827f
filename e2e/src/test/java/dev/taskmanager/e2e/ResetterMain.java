package dev.taskmanager.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;

/**
 * A process that deletes and resets while others create, for tests: until its standard input ends,
 * it pauses a little, deletes a few tasks by id, then resets the store through {@code POST
 * /api/tasks/reset}, printing {@code reset <started> <answered>} ({@link System#nanoTime()}, the
 * machine's monotonic clock, as {@link ApiCreatorMain} prints). Arguments: base URL, seed.
 */
public final class ResetterMain {

  private ResetterMain() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    Random random = new Random(Long.parseLong(args[1]));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    Thread untilInputEnds = new Thread(() -> {
      try {
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (java.io.IOException ended) {
        // Either way the test is done with us.
      }
    });
    untilInputEnds.start();
    while (untilInputEnds.isAlive()) {
      Thread.sleep(100 + random.nextInt(200));
      for (int delete = 0; delete < 5; delete++) {
        send(http, HttpRequest.newBuilder(base.resolve("/api/tasks/" + random.nextInt(500))).DELETE(), 204, 404);
      }
      long started = System.nanoTime();
      send(http, HttpRequest.newBuilder(base.resolve("/api/tasks/reset")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"confirm\": true}")), 204);
      System.out.println("reset " + started + " " + System.nanoTime());
    }
    System.out.flush();
  }

  private static void send(HttpClient http, HttpRequest.Builder request, int... expected) throws Exception {
    HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    for (int status : expected) {
      if (response.statusCode() == status) {
        return;
      }
    }
    throw new IllegalStateException(request.build().method() + " " + request.build().uri() + " answered "
        + response.statusCode() + ": " + response.body());
  }
}
