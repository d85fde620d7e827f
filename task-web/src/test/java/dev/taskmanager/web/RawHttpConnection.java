package dev.taskmanager.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, kept alive between requests: the request goes out byte for byte as
 * given, however malformed, and the response is read by its own framing. An HTTP client library
 * would refuse to send most of what the fuzzer sends, or quietly repair it.
 */
final class RawHttpConnection implements AutoCloseable {

  /** Longer than any answer takes, shorter than the server's own read timeouts. */
  private static final int READ_TIMEOUT_MILLIS = 5_000;

  /** A response, or {@code status} 0 when the server closed the connection without one. */
  record Response(int status, String head, byte[] body) {

    static final Response NONE = new Response(0, "", new byte[0]);

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final InetSocketAddress address;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private int resent;

  RawHttpConnection(URI server) {
    this.address = new InetSocketAddress(server.getHost(), server.getPort());
  }

  /**
   * Sends the request on the kept-alive connection (a new one after a close) and reads the answer.
   * A request that {@code breaksFraming} goes alone on a fresh connection, which is closed for
   * writing after it so the server never waits for bytes that will not come, and closed after.
   *
   * <p>A server may close a kept-alive connection at any moment between requests; as browsers do,
   * a request that got not a single byte back on a reused connection is sent once more on a new
   * one ({@link #resent()} counts them).
   */
  Response exchange(byte[] request, boolean isHead, boolean breaksFraming) throws IOException {
    if (breaksFraming) {
      close();
    }
    boolean reused = socket != null;
    Response response = sendAndRead(request, isHead, breaksFraming);
    if (response.status() == 0 && reused && !breaksFraming) {
      resent++;
      response = sendAndRead(request, isHead, false);
    }
    return response;
  }

  /** How many requests were sent again after a reused connection closed without answering. */
  int resent() {
    return resent;
  }

  private Response sendAndRead(byte[] request, boolean isHead, boolean breaksFraming) throws IOException {
    if (socket == null) {
      open();
    }
    try {
      out.write(request);
      out.flush();
      if (breaksFraming) {
        socket.shutdownOutput();
      }
    } catch (IOException refusedMidway) {
      // The server may answer and close while a large body is still going out: read its answer.
    }
    Response response = read(isHead);
    if (breaksFraming || response.status() == 0
        || response.head().toLowerCase(Locale.ROOT).contains("\nconnection: close")) {
      close();
    }
    return response;
  }

  private void open() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.connect(address, READ_TIMEOUT_MILLIS);
    in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    out = socket.getOutputStream();
  }

  private Response read(boolean isHead) throws IOException {
    while (true) {
      String head;
      try {
        head = readHead();
      } catch (IOException reset) {
        return Response.NONE;
      }
      if (head == null) {
        return Response.NONE;
      }
      int status = Integer.parseInt(head.substring(9, 12));
      if (status == 100) {
        continue;
      }
      byte[] body = isHead || status == 204 || status == 304 ? new byte[0] : readBody(head);
      return new Response(status, head, body);
    }
  }

  /** The status line and headers, or {@code null} at the end of the stream before any byte. */
  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("the response ended inside its head");
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private byte[] readBody(String head) throws IOException {
    String lowerHead = head.toLowerCase(Locale.ROOT);
    if (lowerHead.contains("\ntransfer-encoding: chunked")) {
      return readChunked();
    }
    String length = header(lowerHead, "content-length");
    if (length != null) {
      return in.readNBytes(Integer.parseInt(length));
    }
    return in.readAllBytes();
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int size = Integer.parseInt(line().split(";")[0].strip(), 16);
      if (size == 0) {
        while (!line().isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      line();
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static String header(String lowerHead, String name) {
    for (String line : lowerHead.split("\r\n")) {
      if (line.startsWith(name + ":")) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return null;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing is all that was left to do with it.
      }
      socket = null;
    }
  }
}
