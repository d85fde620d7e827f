package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmanager.core.account.Role;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Before the first user exists: open on this machine, closed to every other, and never listening past it. */
class OpenModeTest {

  @Test
  void withNoUserAClientOnThisMachineMayDoEverythingAndOthersMayNot() {
    try (TestServer server = TestServer.start()) {
      assertThat(server.get("/").statusCode()).isEqualTo(200);
      assertThat(server.json("POST", "/api/tasks", "{\"title\":\"Open\"}").statusCode()).isEqualTo(201);

      HttpResponse<String> fromAfar = server.send(HttpRequest.newBuilder(server.uri("/"))
          .header("X-Forwarded-For", "203.0.113.9").GET().build());
      assertThat(fromAfar.statusCode()).as("a client the trusted proxy names").isEqualTo(303);
      assertThat(statusWithHost(server, "attacker.example")).as("a rebound name").isEqualTo(303);
      assertThat(statusWithHost(server, "localhost")).isEqualTo(200);
      assertThat(server.page("/sign-in").text()).contains("task user add NAME --role admin");

      server.addUser("ada", Role.ADMIN); // and waits the second the app takes to notice
      assertThat(server.get("/").statusCode()).isEqualTo(303);
      assertThat(server.json("GET", "/api/tasks", null).statusCode()).isEqualTo(401);
      assertThat(server.page("/sign-in").text()).doesNotContain("task user add");
    }
  }

  @Test
  void listeningBeyondLoopbackWithNoUserStopsStartUpSayingHowToAddTheFirstAdmin() {
    // WebApp.start, not WebApp.run: run sets the log format up again, for the whole test JVM.
    Settings settings = Settings.parse(Map.of(), "--secret", TestServer.SECRET, "--store", "memory",
        "--http-host", "0.0.0.0", "--http-port", "0");

    assertThatThrownBy(() -> WebApp.start(settings, new InMemoryStoreModule(), Clock.systemUTC()))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("TASK_HTTP_HOST (--http-host) is 0.0.0.0, reachable from other machines, and no user")
        .hasMessageContaining("task user add NAME --role admin")
        .hasMessageContaining("docker compose run --rm cli user add NAME --role admin");
  }

  /** The status of GET / sent with this Host header (which Java's HTTP client will not send). */
  private static int statusWithHost(TestServer server, String host) {
    try (Socket socket = new Socket("127.0.0.1", server.uri("/").getPort())) {
      socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    } catch (IOException failed) {
      throw new AssertionError(failed);
    }
  }

}
