package dev.taskmanager.web.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.lang.System.Logger.Level;

/**
 * What every way of answering a failed request shares (the page's error pages, the API's problem
 * documents): catching the failure, giving up when the client is gone or the response has already
 * started, keeping the connection in step when the body was not read, classifying the failure
 * ({@link HttpFailure}, which logs what belongs in the log) and setting the headers its status
 * calls for. Subclasses only render it.
 */
public abstract class FailureResponses {

  private static final System.Logger LOG = System.getLogger(FailureResponses.class.getName());
  /** When a client may try again after a 503: the store is usually back within seconds. */
  private static final String RETRY_AFTER_SECONDS = "5";

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
    HttpFailure answer = HttpFailure.of(failure, exchange.getRequestMethod() + " " + exchange.getRequestPath());
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
    if (answer.status() == StatusCodes.SERVICE_UNAVAILABLE) {
      exchange.getResponseHeaders().put(Headers.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    respond(exchange, answer);
  }

  /** Sends the answer to a failure, its headers set; the response has not started. */
  protected abstract void respond(HttpServerExchange exchange, HttpFailure failure);
}
