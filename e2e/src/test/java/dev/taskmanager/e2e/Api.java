package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON API of an app under test, as its clients use it: HTTP/1.1, bounded waits. */
final class Api {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** {@code POST /api/tasks} on the app at {@code url}, with this JSON body. */
  HttpResponse<String> create(URI url, String json) throws IOException, InterruptedException {
    return send(url, "/api/tasks", "POST", json);
  }

  /** A request to this path of the app at {@code url} (a JSON body, or none), answered within 30 s. */
  HttpResponse<String> send(URI url, String path, String method, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The id in a task's JSON. */
  static long idOf(String task) {
    Matcher id = ID.matcher(task);
    assertThat(id.find()).describedAs("an id in " + task).isTrue();
    return Long.parseLong(id.group(1));
  }
}
