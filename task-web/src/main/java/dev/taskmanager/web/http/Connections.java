package dev.taskmanager.web.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/** Keeping the connection in step with the client when a request is refused early. */
public final class Connections {

  private Connections() {}

  /**
   * Closes the connection after this response when the request body was not read to its end (a
   * 413 decided from {@code Content-Length}, a 415, a bad id before the body): the unread bytes
   * would otherwise be taken for the next request on the connection, and that client would get
   * a stray 400 for a request it never sent.
   */
  public static void closeIfBodyUnread(HttpServerExchange exchange) {
    if (!exchange.isRequestComplete()) {
      exchange.setPersistent(false);
      exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
    }
  }
}
