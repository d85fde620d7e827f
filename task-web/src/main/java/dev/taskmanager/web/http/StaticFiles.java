package dev.taskmanager.web.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the app's own files (stylesheet, favicon, OpenAPI document) from a fixed list: nothing
 * else on the class path or disk is reachable. Cached in memory unless in dev mode.
 */
public final class StaticFiles {

  private final Resources resources;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  public StaticFiles(Resources resources) {
    this.resources = resources;
  }

  /** A handler that answers with one resource. */
  public io.undertow.server.HttpHandler file(String resource, String contentType) {
    return exchange -> send(exchange, resource, contentType);
  }

  private void send(HttpServerExchange exchange, String resource, String contentType) {
    byte[] bytes = resources.sourceDirectory() != null ? resources.read(resource)
        : cache.computeIfAbsent(resource, resources::read);
    if (bytes == null) {
      throw HttpException.notFound("There is no file at this address.");
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL,
        resources.sourceDirectory() != null ? "no-cache" : "public, max-age=3600");
    Responses.send(exchange, bytes);
  }
}
