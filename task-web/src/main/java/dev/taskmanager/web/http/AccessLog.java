package dev.taskmanager.web.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One line per request on stdout, when it completes: time, method, path, status, duration. The
 * query string is left out: it can hold what people typed.
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
            done.getStatusCode(), micros));
      } finally {
        nextListener.proceed();
      }
    });
    next.handleRequest(exchange);
  }

  static String line(Instant time, String method, String path, int status, long micros) {
    String printablePath = path.replaceAll("[\\p{Cntrl}\\s]", "?");
    return time + " " + method + " " + printablePath + " " + status + " " + String.format(java.util.Locale.ROOT,
        "%.1fms", micros / 1000.0);
  }
}
