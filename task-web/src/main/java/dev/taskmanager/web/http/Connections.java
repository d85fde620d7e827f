package dev.taskmanager.web.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;

/** Keeping the connection in step with the client when a request is refused early. */
public final class Connections {

  /**
   * The largest refused body that is read and dropped to keep its connection; beyond it the
   * connection closes (the server refuses to read more than this at all).
   */
  public static final int DRAIN_LIMIT = 1024 * 1024;

  private Connections() {}

  /**
   * Keeps the connection in step when a request was refused before its body was read (a 413
   * decided from {@code Content-Length}, a 415, a bad id): the unread bytes would otherwise be
   * taken for the next request on the connection, and that client would get a stray 400 for a
   * request it never sent. A body of up to {@link #DRAIN_LIMIT} is read and dropped; a larger one,
   * or one of unknown length, closes the connection after this response.
   */
  public static void closeIfBodyUnread(HttpServerExchange exchange) {
    if (exchange.isRequestComplete() || drainSmallBody(exchange)) {
      return;
    }
    exchange.setPersistent(false);
    exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
  }

  /**
   * Reads and drops the rest of a body of bounded size, so the connection can stay open. Closing on a client still sending makes its kernel answer with a reset, which can destroy
   * the response before the client reads it.
   */
  private static boolean drainSmallBody(HttpServerExchange exchange) {
    long length = exchange.getRequestContentLength();
    if (!exchange.isBlocking() || exchange.isInIoThread() || length < 0 || length > DRAIN_LIMIT) {
      return false;
    }
    try {
      InputStream body = exchange.getInputStream();
      byte[] buffer = new byte[8192];
      long left = length;
      while (left > 0) {
        int read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          break;
        }
        left -= read;
      }
      return exchange.isRequestComplete();
    } catch (IOException | RuntimeException unreadable) {
      return false;
    }
  }
}
