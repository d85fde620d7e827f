package dev.taskmanager.web.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;

/**
 * Adds the security headers to every response, pages, API and errors alike: nothing from other
 * sites, no framing, no MIME sniffing, no referrer leaving the site.
 */
public final class SecurityHeaders implements HttpHandler {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

  private final HttpHandler next;

  public SecurityHeaders(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    HeaderMap headers = exchange.getResponseHeaders();
    headers.put(new HttpString("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
    headers.put(new HttpString("X-Content-Type-Options"), "nosniff");
    headers.put(new HttpString("X-Frame-Options"), "DENY");
    headers.put(new HttpString("Referrer-Policy"), "same-origin");
    headers.put(new HttpString("Cross-Origin-Opener-Policy"), "same-origin");
    next.handleRequest(exchange);
  }
}
