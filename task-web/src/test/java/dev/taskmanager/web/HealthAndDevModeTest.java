package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health endpoints, on a server in dev mode (templates and static files read from the source tree). */
class HealthAndDevModeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer server;

  @BeforeAll
  static void startServer() {
    server = TestServer.start(TestServer.SECRET, true);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void liveAndReadyAnswerWithJson() throws Exception {
    server.store.clear();
    server.given("One", 0);

    HttpResponse<String> live = server.get("/health/live");
    HttpResponse<String> ready = server.get("/health/ready");

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("up");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = JSON.readTree(ready.body());
    assertThat(body.get("status").asText()).isEqualTo("up");
    assertThat(body.get("tasks").asLong()).isEqualTo(1);
  }

  @Test
  void readyIs503WhileTheStoreIsDownButLiveStays200() throws Exception {
    server.store.goDown();
    try {
      HttpResponse<String> ready = server.get("/health/ready");

      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("down");
      assertThat(server.get("/health/live").statusCode()).isEqualTo(200);
    } finally {
      server.store.comeBack();
    }
    assertThat(server.get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void devModeServesFromTheSourceTreeUncached() {
    HttpResponse<String> css = server.get("/static/app.css");

    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(server.get("/").statusCode()).isEqualTo(200);
  }
}
