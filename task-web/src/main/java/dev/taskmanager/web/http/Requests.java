package dev.taskmanager.web.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.net.InetSocketAddress;
import java.util.Deque;

/** Reading path and query parameters of a routed request, and who sent it. */
public final class Requests {

  private Requests() {}

  /**
   * Who asked, as an IP address: the connection's peer, which {@link ForwardedHeaders} sets to the
   * client behind a trusted proxy; {@code -} when unknown.
   */
  public static String client(HttpServerExchange exchange) {
    InetSocketAddress source = exchange.getSourceAddress();
    return source == null || source.getAddress() == null ? "-" : source.getAddress().getHostAddress();
  }

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
