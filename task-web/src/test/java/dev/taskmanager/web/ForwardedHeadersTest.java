package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** X-Forwarded-* headers count only from a trusted proxy (127.0.0.1 by default, where the tests run). */
class ForwardedHeadersTest {

  @Test
  void behindATrustedProxyTheLogNamesTheClientAndItsRequestId() throws InterruptedException {
    try (TestServer server = TestServer.start()) {
      server.send(forwarded(server, "/health/live", "198.51.100.4, 203.0.113.9", "http"));

      assertThat(loggedLines(server))
          .contains("GET /health/live 200").contains("client=203.0.113.9 request=req-42");
    }
  }

  @Test
  void fromAnUntrustedPeerTheHeadersAreIgnored() throws InterruptedException {
    try (TestServer server = TestServer.startWith("--trusted-proxies", "none")) {
      server.send(forwarded(server, "/health/live", "203.0.113.9", "https"));

      assertThat(loggedLines(server))
          .contains("client=127.0.0.1").doesNotContain("203.0.113.9");
    }
  }

  @Test
  void underHttpsAtTheProxyTheFlashCookieIsSecure() {
    try (TestServer server = TestServer.start()) {
      HttpResponse<String> created = server.send(HttpRequest.newBuilder(server.uri("/tasks"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-Forwarded-Proto", "https")
          .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(Map.of("csrf", server.csrf(), "title", "Secure"))))
          .build());

      assertThat(created.statusCode()).isEqualTo(303);
      assertThat(created.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("flash=")
          && cookie.toLowerCase(java.util.Locale.ROOT).contains("secure"));
    }
  }

  private static String loggedLines(TestServer server) throws InterruptedException {
    return server.log.once("/health/live 200");
  }

  private static HttpRequest forwarded(TestServer server, String path, String forwardedFor, String proto) {
    return HttpRequest.newBuilder(server.uri(path))
        .header("X-Forwarded-For", forwardedFor)
        .header("X-Forwarded-Proto", proto)
        .header("X-Request-Id", "req-42")
        .GET().build();
  }
}
