package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One query language on every face: for the same queries, the page's list, the API's {@code ?q=}
 * and {@code bin/task list} give the same tasks in the same order, all three on one store (the web
 * app's embedded server, which the CLI reaches while the app runs).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OneQueryLanguageIT {

  private static final List<String> QUERIES = List.of("", "is:any", "is:done", "tag:home", "-tag:home is:any",
      "due:today", "overdue", "due>=today due<+7d", "priority>=5 sort:-priority", "milk", "\"call mum\" is:any",
      "is:any sort:-due", "tag:work sort:id", "is:any sort:created", "due:none sort:-priority");
  private static final Pattern API_ID = Pattern.compile("\"id\":(\\d+),\"title\"");
  /** A row's first cell, its id. */
  private static final Pattern PAGE_ID = Pattern.compile("<tr[^>]*>\\s*<td class=\"num\">(\\d+)</td>");

  @TempDir
  Path dataDir;

  private final Path repository = StackExtension.repository();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void thePageTheApiAndTheCliFindTheSameTasksForTheSameQueries() throws Exception {
    Map<String, String> settings = Map.of("TASK_DATA_DIR", dataDir.toString(), "TASK_HTTP_PORT", "0",
        "TASK_TIMEZONE", "UTC");
    try (LoggedProcess app = Programs.startWebApp(repository, "web", settings, dataDir.resolve("web.log"))) {
      URI url = Programs.awaitReady(app);
      seed(url);

      int nonEmpty = 0;
      for (String query : QUERIES) {
        List<Long> api = ids(API_ID, get(url, "/api/tasks?limit=500&q=" + encode(query)));
        List<Long> page = ids(PAGE_ID, get(url, "/?limit=500&q=" + encode(query)));
        List<String> arguments = new ArrayList<>(List.of("list", "--limit", "500", "--format", "csv"));
        if (!query.isEmpty()) {
          arguments.add(query);
        }
        Programs.Run listed = Programs.task(repository, settings, arguments.toArray(String[]::new));
        assertThat(listed.status()).describedAs("bin/task list " + query + ": " + listed.err()).isZero();
        List<Long> cli = listed.out().lines().skip(1).map(line -> Long.valueOf(line.substring(0, line.indexOf(','))))
            .toList();

        assertThat(page).describedAs("the page for " + query).isEqualTo(api);
        assertThat(cli).describedAs("the CLI for " + query).isEqualTo(api);
        nonEmpty += api.isEmpty() ? 0 : 1;
      }
      assertThat(nonEmpty).describedAs("queries that found tasks").isGreaterThanOrEqualTo(QUERIES.size() - 1);
    }
  }

  /** Tasks with every kind of value a query looks at, through the API. */
  private void seed(URI url) throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String[] titles = {"Buy milk", "Call mum", "Write report", "Pay rent", "Water plants", "Book trip"};
    for (int i = 0; i < 24; i++) {
      String due = i % 4 == 0 ? "null" : "\"" + today.plusDays(i % 9 - 3) + "\"";
      String tags = i % 3 == 0 ? "[\"home\"]" : i % 3 == 1 ? "[\"work\", \"home\"]" : "[]";
      String body = "{\"title\": \"" + titles[i % titles.length] + " " + i + "\", \"shortdesc\": \""
          + (i % 5 == 0 ? "call mum first" : "") + "\", \"priority\": " + (i % 8) + ", \"due\": " + due
          + ", \"tags\": " + tags + "}";
      send(url, "POST", "/api/tasks", body, 201);
      if (i % 4 == 1) {
        send(url, "PATCH", "/api/tasks/" + i, "{\"done\": true}", 200);
      }
    }
  }

  private String get(URI url, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).describedAs(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private void send(URI url, String method, String path, String body, int status) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve(path))
        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).describedAs(method + " " + path + ": " + response.body()).isEqualTo(status);
  }

  private static List<Long> ids(Pattern pattern, String text) {
    List<Long> ids = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      ids.add(Long.valueOf(matcher.group(1)));
    }
    return ids;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
