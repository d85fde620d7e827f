package dev.taskmanager.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API client as a process of its own, for tests: creates tasks one after the other through
 * {@code POST /api/tasks} and prints, for each acknowledged create, {@code <id> <title> <sent>
 * <acknowledged>}, the two times from {@link System#nanoTime()} around the request. On Linux that
 * clock is CLOCK_MONOTONIC, one clock for every process of the machine, so a test can order these
 * times against other processes' events. Arguments: base URL, count, title prefix.
 */
public final class ApiCreatorMain {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private ApiCreatorMain() {}

  public static void main(String[] args) throws Exception {
    URI tasks = URI.create(args[0]).resolve("/api/tasks");
    int count = Integer.parseInt(args[1]);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    for (int number = 0; number < count; number++) {
      String title = args[2] + "-" + number;
      HttpRequest create = HttpRequest.newBuilder(tasks).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"" + title + "\"}")).build();
      long sent = System.nanoTime();
      HttpResponse<String> response = http.send(create, HttpResponse.BodyHandlers.ofString());
      long acknowledged = System.nanoTime();
      Matcher id = ID.matcher(response.body());
      if (response.statusCode() != 201 || !id.find()) {
        System.err.println("create " + title + " answered " + response.statusCode() + ": " + response.body());
        continue;
      }
      System.out.println(id.group(1) + " " + title + " " + sent + " " + acknowledged);
    }
    System.out.flush();
  }
}
