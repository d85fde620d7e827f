package dev.taskmanager.web.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.lang.System.Logger.Level;

/**
 * What every way of answering a failed request shares (the page's error pages, the API's problem
 * documents): catching the failure, giving up when the client is gone or the response has already
 * started, and keeping the connection in step when the body was not read. Subclasses only say what
 * to send.
 */
public abstract class FailureResponses {

  private static final System.Logger LOG = System.getLogger(FailureResponses.class.getName());

  /** The handler with its failures answered by {@link #respond}. */
  public HttpHandler wrap(HttpHandler next) {
    return exchange -> {
      try {
        next.handleRequest(exchange);
      } catch (Exception | StackOverflowError failure) {
        handle(exchange, failure);
      }
    };
  }

  /**
   * Answers a failure, unless the client's request failed because its connection is gone, or the
   * response has already started: then it can only be logged.
   */
  public final void handle(HttpServerExchange exchange, Throwable failure) {
    if (failure instanceof HttpException && !exchange.getConnection().isOpen()) {
      // The client left, or was cut off for sending too slowly: its doing, and nobody to answer.
      exchange.endExchange();
      return;
    }
    if (exchange.isResponseStarted()) {
      LOG.log(Level.ERROR, "request failed after its response started: " + exchange.getRequestPath(), failure);
      exchange.endExchange();
      return;
    }
    Connections.closeIfBodyUnread(exchange);
    respond(exchange, failure);
  }

  /** Sends the answer to a failure; the response has not started. */
  protected abstract void respond(HttpServerExchange exchange, Throwable failure);
}
