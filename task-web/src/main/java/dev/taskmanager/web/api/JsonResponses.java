package dev.taskmanager.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmanager.web.http.Responses;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/** Sends JSON responses. */
final class JsonResponses {

  private JsonResponses() {}

  static void send(HttpServerExchange exchange, ObjectMapper mapper, int status, Object body) throws Exception {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    Responses.send(exchange, mapper.writeValueAsBytes(body));
  }

  static void noContent(HttpServerExchange exchange) {
    exchange.setStatusCode(204);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    Responses.end(exchange);
  }
}
