package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /metrics} as Prometheus scrapes it: figures that move with the requests and the store's
 * work, in the text format, for the clients allowed to read them and nobody else.
 */
class MetricsTest {

  @RegisterExtension
  static final TestServer server = TestServer.start();

  @Test
  void theFiguresMoveWithRequestsAndTheStoresWork() {
    String before = scrape();

    server.get("/");
    server.json("POST", "/api/tasks", "{\"title\": \"Counted\"}");
    server.json("POST", "/api/tasks", "{\"title\": \"\"}");
    server.get("/no/such/page");
    String after = scrape();

    assertThat(moved(before, after, "http_server_requests_seconds_count{method=\"GET\",route=\"/\",status=\"200\"}"))
        .isEqualTo(1);
    assertThat(moved(before, after,
        "http_server_requests_seconds_count{method=\"POST\",route=\"/api/tasks\",status=\"201\"}")).isEqualTo(1);
    assertThat(moved(before, after,
        "http_server_requests_seconds_count{method=\"POST\",route=\"/api/tasks\",status=\"400\"}")).describedAs("a task refused as invalid").isEqualTo(1);
    assertThat(moved(before, after, "http_server_requests_seconds_count{method=\"GET\",route=\"none\",status=\"404\"}"))
        .describedAs("unknown paths share one label").isEqualTo(1);
    assertThat(moved(before, after,
        "task_store_operations_seconds_count{operation=\"create\",outcome=\"success\"}")).isEqualTo(1);
    assertThat(moved(before, after, "task_store_operations_seconds_count{operation=\"find\",outcome=\"success\"}"))
        .isPositive();
    assertThat(value(after, "tasks")).isEqualTo(server.store.count());
    assertThat(after).contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/\",status=\"200\",le=\"0.005\"}")
        .contains("jvm_memory_used_bytes{area=\"heap\"").contains("jvm_gc_memory_allocated_bytes_total").contains("process_cpu_usage")
        .contains("process_uptime_seconds").contains("process_files_open_files");
  }

  @Test
  void countsTheStoresFailuresByOperation() {
    String before = scrape();
    server.store.breakWith(() -> new IllegalStateException("broken"));
    try {
      assertThat(server.get("/api/tasks/1").statusCode()).isEqualTo(500);
    } finally {
      server.store.comeBack();
    }

    assertThat(moved(before, scrape(), "task_store_operations_seconds_count{operation=\"get\",outcome=\"failure\"}"))
        .isEqualTo(1);
  }

  @Test
  void namesAMethodAClientMadeUpOther() {
    String before = scrape();

    server.send(HttpRequest.newBuilder(server.uri("/api/tasks")).method("BREW", HttpRequest.BodyPublishers.noBody())
        .build());

    assertThat(moved(before, scrape(),
        "http_server_requests_seconds_count{method=\"OTHER\",route=\"none\",status=\"405\"}")).isEqualTo(1);
  }

  @Test
  void isServedAsPrometheusTextAndNeverCached() {
    HttpResponse<String> metrics = server.get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(metrics.body()).contains("# TYPE http_server_requests_seconds histogram");
  }

  @Test
  void aClientNotAllowedFindsNothingThere() {
    // The test client is 127.0.0.1, a trusted proxy by default, and a reader: what it forwards is
    // from outside, whichever client it names.
    HttpResponse<String> fromOutside = server.send(HttpRequest.newBuilder(server.uri("/metrics"))
        .header("X-Forwarded-For", "203.0.113.9").build());
    HttpResponse<String> forwardedReader = server.send(HttpRequest.newBuilder(server.uri("/metrics"))
        .header("X-Forwarded-For", "127.0.0.1").build());
    HttpResponse<String> nothingThere = server.get("/metricz");

    assertThat(fromOutside.statusCode()).isEqualTo(404);
    assertThat(forwardedReader.statusCode()).isEqualTo(404);
    assertThat(fromOutside.headers().firstValue("Content-Type")).describedAs("as for an address with nothing there")
        .isEqualTo(nothingThere.headers().firstValue("Content-Type"));
    assertThat(fromOutside.body()).isEqualTo(nothingThere.body()).doesNotContain("jvm_");
    try (TestServer nobodyMayRead = TestServer.startWith("--metrics-from", "none")) {
      assertThat(nobodyMayRead.get("/metrics").statusCode()).isEqualTo(404);
    }
  }

  private static String scrape() {
    HttpResponse<String> metrics = server.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    return metrics.body();
  }

  /** How much a series grew between two scrapes (a series not yet there counts as 0). */
  private static long moved(String before, String after, String series) {
    return value(after, series) - value(before, series);
  }

  private static long value(String scrape, String series) {
    Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+]+)$").matcher(scrape);
    return line.find() ? (long) Double.parseDouble(line.group(1)) : 0;
  }
}
