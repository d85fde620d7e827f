package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HEAD, as uptime monitors and caches send it: every GET route answers it with the GET's status and
 * headers, the length included, and no body; found or not, well-formed or not.
 */
class HeadRequestsTest {

  @RegisterExtension
  static final TestServer server = TestServer.start();

  /** What differs from one answer to the next whatever the method. */
  private static final Set<String> PER_ANSWER = Set.of("date", "set-cookie");

  @Test
  void everyGetRouteAnswersHeadWithItsStatusAndHeadersAndNoBody() {
    server.given("Water the plants", 3);
    // (The figures at /metrics change from one request to the next, and their length with them.)
    List<String> templates = TestServer.routeTable().routes().stream()
        .filter(route -> route.method().equals("GET") && route.kind() != RouteTable.Kind.METRICS)
        .map(RouteTable.Route::template).toList();
    assertThat(templates).contains("/", "/api/tasks", "/health/ready", "/static/app.css");

    for (String template : templates) {
      for (String path : List.of(template.replace("{id}", "0"), template.replace("{id}", "999"),
          template.replace("{id}", "x") + "?limit=0")) {
        HttpResponse<String> get = server.get(path);
        HttpResponse<String> head = server.send(HttpRequest.newBuilder(server.uri(path))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(head.statusCode()).describedAs("HEAD " + path).isEqualTo(get.statusCode());
        assertThat(comparable(head.headers())).describedAs("HEAD " + path).isEqualTo(comparable(get.headers()));
        assertThat(head.headers().firstValue("Content-Length")).describedAs("HEAD " + path)
            .hasValue(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(head.body()).describedAs("HEAD " + path).isEmpty();
      }
    }
  }

  @Test
  void theMetricsAnswerHeadWithTheirHeadersAndNoBody() {
    HttpResponse<String> head = server.send(HttpRequest.newBuilder(server.uri("/metrics"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(head.body()).isEmpty();
  }

  @Test
  void headIsAllowedWhereGetIs() {
    HttpResponse<String> wrongMethod = server.json("PUT", "/api/tasks/1", "{}");

    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("DELETE, GET, HEAD, PATCH");
  }

  private static Map<String, List<String>> comparable(HttpHeaders headers) {
    Map<String, List<String>> kept = new TreeMap<>();
    headers.map().forEach((name, values) -> {
      if (!PER_ANSWER.contains(name.toLowerCase(Locale.ROOT))) {
        kept.put(name.toLowerCase(Locale.ROOT), values);
      }
    });
    return kept;
  }
}
