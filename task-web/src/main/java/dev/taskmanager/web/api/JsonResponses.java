package dev.taskmanager.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;

/** Sends JSON responses. */
final class JsonResponses {

  private JsonResponses() {}

  static void send(HttpServerExchange exchange, ObjectMapper mapper, int status, Object body) throws Exception {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(mapper.writeValueAsString(body), StandardCharsets.UTF_8);
  }

  static void noContent(HttpServerExchange exchange) {
    exchange.setStatusCode(204);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.endExchange();
  }
}
