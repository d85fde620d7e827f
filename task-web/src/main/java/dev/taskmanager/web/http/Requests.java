package dev.taskmanager.web.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.Deque;

/** Reading path and query parameters of a routed request. */
public final class Requests {

  private Requests() {}

  /** A path parameter of the route's template, such as {@code id} in {@code /tasks/{id}}. */
  public static String pathParameter(HttpServerExchange exchange, String name) {
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    return match == null ? null : match.getParameters().get(name);
  }

  /** The first value of a query parameter, or {@code null}. */
  public static String query(HttpServerExchange exchange, String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }
}
