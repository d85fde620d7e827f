package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WarmupTest {

  @Test
  void requestsThePageInBothOrdersAndTheApiList() throws IOException {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host "
          + exchange.getRequestHeaders().getFirst("Host"));
      byte[] body = "x".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      int port = server.getAddress().getPort();
      Warmup.run(URI.create("http://127.0.0.1:" + port + "/"));

      String host = " host 127.0.0.1:" + port;
      assertThat(seen).containsExactly(
          "GET /?limit=50" + host, "GET /?limit=50&q=sort:priority" + host, "GET /api/tasks?limit=50" + host);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void returnsQuietlyWhenNothingAnswers() throws IOException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }

    Warmup.run(URI.create("http://127.0.0.1:" + closedPort + "/"));
  }
}
