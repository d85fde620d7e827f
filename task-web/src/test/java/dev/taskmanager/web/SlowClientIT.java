package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client that trickles its request is cut off, so it cannot hold a connection for ever. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowClientIT {

  @Test
  void aClientTricklingItsHeadersIsCutOffAfterTheHeadTimeout() throws Exception {
    try (TestServer server = TestServer.start();
        Socket socket = new Socket("127.0.0.1", server.uri("/").getPort())) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      boolean closed = false;
      for (int header = 0; header < 40 && !closed; header++) {
        Thread.sleep(500);
        try {
          out.write(("X-Trickle-" + header + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          socket.setSoTimeout(1);
          closed = in.read() == -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
          // Nothing to read yet: the server is still waiting for the headers.
        } catch (java.io.IOException reset) {
          closed = true;
        }
      }
      Duration held = Duration.ofNanos(System.nanoTime() - start);

      assertThat(closed).describedAs("the server closed the connection").isTrue();
      assertThat(held).isLessThan(WebServer.REQUEST_HEAD_TIMEOUT.plusSeconds(5));
    }
  }

  @Test
  void aClientStallingItsBodyIsCutOffQuietlyWhileOthersAreAnswered() throws Exception {
    try (TestServer server = TestServer.start();
        Socket socket = new Socket("127.0.0.1", server.uri("/").getPort())) {
      socket.getOutputStream().write(("POST /api/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"title\": \"Stalled")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      assertThat(server.get("/health/live").statusCode()).describedAs("another client meanwhile").isEqualTo(200);
      // Bounded: a read that outlasts the app's body timeout by far fails the test instead of hanging.
      socket.setSoTimeout((int) WebServer.BODY_READ_TIMEOUT.plusSeconds(20).toMillis());
      byte[] answer = socket.getInputStream().readAllBytes();

      assertThat(answer).describedAs("the timeout closes the connection: nothing can be sent").isEmpty();
      assertThat(server.store.count()).isZero();
      assertThat(server.log.warnings()).describedAs("a client's timeout is no error of the app's").isEmpty();
    }
  }
}
