package dev.taskmanager.web.http;

import java.net.InetSocketAddress;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One line per request on stdout, when it completes: time, client address, method, path, status,
 * duration, and the proxy's request id when there is one. The query string is left out: it can
 * hold what people typed.
 */
public final class AccessLog implements HttpHandler {

  private final HttpHandler next;
  private final PrintStream out;
  private final Clock clock;

  public AccessLog(HttpHandler next, PrintStream out, Clock clock) {
    this.next = next;
    this.out = out;
    this.clock = clock;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    long start = System.nanoTime();
    exchange.addExchangeCompleteListener((done, nextListener) -> {
      try {
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        out.println(line(Instant.now(clock), done.getRequestMethod().toString(), done.getRequestPath(),
            done.getStatusCode(), micros) + clientAndRequestId(done));
      } finally {
        nextListener.proceed();
      }
    });
    next.handleRequest(exchange);
  }

  /** Who asked (the client, behind a trusted proxy) and the proxy's id of the request. */
  private static String clientAndRequestId(HttpServerExchange exchange) {
    InetSocketAddress source = exchange.getSourceAddress();
    String client = source == null || source.getAddress() == null ? "-" : source.getAddress().getHostAddress();
    String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
    boolean printable = requestId != null && requestId.matches("[A-Za-z0-9._-]{1,64}");
    return " client=" + client + (printable ? " request=" + requestId : "");
  }

  static String line(Instant time, String method, String path, int status, long micros) {
    String printablePath = path.replaceAll("[\\p{Cntrl}\\s]", "?");
    return time + " " + method + " " + printablePath + " " + status + " " + String.format(java.util.Locale.ROOT,
        "%.1fms", micros / 1000.0);
  }
}
