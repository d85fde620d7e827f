package dev.taskmanager.web.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One line per request when it completes: method, path, status, duration, client address (behind a
 * trusted proxy, the client's), the user who asked when one did, and the proxy's request id when
 * there is one. In text {@code DELETE /api/tasks/7 204 1.4ms client=10.0.0.7 user=ann request=4f2a};
 * in JSON the same message with each of those as a field of its own ({@code method}, {@code path},
 * {@code status}, {@code duration_ms}, {@code client}, {@code user}, {@code request_id}). The query
 * string is left out: it can hold what people typed.
 */
public final class AccessLog implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
  /** Controls, format characters (bidi overrides among them), line and paragraph separators, spaces. */
  private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\s]");
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Where the gate notes the name of the user a request came from, for its line. */
  public static final AttachmentKey<String> USER = AttachmentKey.create(String.class);

  private final HttpHandler next;

  public AccessLog(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (LOG.isInfoEnabled()) {
      long start = System.nanoTime();
      exchange.addExchangeCompleteListener((done, nextListener) -> {
        try {
          log(done, System.nanoTime() - start);
        } finally {
          nextListener.proceed();
        }
      });
    }
    next.handleRequest(exchange);
  }

  private static void log(HttpServerExchange exchange, long nanos) {
    String method = exchange.getRequestMethod().toString();
    String path = UNPRINTABLE.matcher(exchange.getRequestPath()).replaceAll("?");
    int status = exchange.getStatusCode();
    double millis = TimeUnit.NANOSECONDS.toMicros(nanos) / 1000.0;
    String client = Requests.client(exchange);
    String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
    if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
      requestId = null;
    }
    String user = exchange.getAttachment(USER);
    String message = method + " " + path + " " + status + " " + String.format(Locale.ROOT, "%.1fms", millis)
        + " client=" + client + (user == null ? "" : " user=" + user)
        + (requestId == null ? "" : " request=" + requestId);
    LoggingEventBuilder line = LOG.atInfo()
        .addKeyValue("method", method)
        .addKeyValue("path", path)
        .addKeyValue("status", status)
        .addKeyValue("duration_ms", millis)
        .addKeyValue("client", client);
    if (user != null) {
      line = line.addKeyValue("user", user);
    }
    if (requestId != null) {
      line = line.addKeyValue("request_id", requestId);
    }
    line.log(message);
  }
}
