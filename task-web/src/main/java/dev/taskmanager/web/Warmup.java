package dev.taskmanager.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends the app its first requests itself, before it reports ready: the page sorted both ways and
 * the API's list. The first request after a start paid ~120 ms (200 ms with a million tasks) for
 * loading classes, parsing templates and reading the store's first pages; a user now meets none of
 * it. Plain HTTP/1.1 over a socket: the JDK's HTTP client cost more to load (~250 ms of start-up)
 * than the requests it sent. Bounded in time; a failure only means less warmth. They carry the
 * request id {@code warm-up}, so their lines in the access log say whose they are.
 */
final class Warmup {

  private static final List<String> PATHS = List.of("/?limit=50", "/?limit=50&q=sort:priority", "/api/tasks?limit=50");
  private static final int TIMEOUT_MILLIS = 5_000;

  private Warmup() {}

  static void run(URI app) {
    try {
      for (String path : PATHS) {
        get(app, path);
      }
    } catch (IOException unanswered) {
      // The app answers for itself once it runs; warming is only a head start.
    }
  }

  /** Sends one GET and reads the answer to its end (the server closes the connection after it). */
  private static void get(URI app, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(app.getHost(), app.getPort()), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + app.getAuthority() + "\r\nX-Request-Id: warm-up\r\n"
          + "Connection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      while (in.read(buffer) >= 0) {
        // Discarded: only the work of answering matters.
      }
    }
  }
}
