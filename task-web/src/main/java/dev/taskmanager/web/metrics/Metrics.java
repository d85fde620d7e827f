package dev.taskmanager.web.metrics;

import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.web.http.AddressRanges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The app's figures for Prometheus, through Micrometer: HTTP requests by route template, method
 * and status; store operations ({@link MeteredTaskStore}); the number of tasks; the JVM and the
 * process. Read at {@code /metrics} in Prometheus's text format, by the addresses allowed to.
 */
public final class Metrics implements AutoCloseable {

  /** Histogram buckets for latencies: from a cached page to a store that is failing. */
  static final Duration[] LATENCY_BUCKETS = {
      Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  /** The methods named as they are; any other, made up by a client, as OTHER, so labels stay few. */
  private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AddressRanges readers;
  /** Listens to the JVM's collections until closed. */
  private final JvmGcMetrics collections = new JvmGcMetrics();

  /**
   * @param store the store whose tasks are counted (its estimate: no scan)
   * @param readers who may read the figures; anyone else gets a 404, as if there were none
   */
  public Metrics(TaskStore store, AddressRanges readers) {
    this.readers = readers;
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    collections.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    Gauge.builder("tasks", store, TaskStore::count).description("Tasks in the store (an estimate)")
        .register(registry);
  }

  /** Stops listening to the JVM: an app stopped leaves nothing behind in a JVM that goes on (tests). */
  @Override
  public void close() {
    collections.close();
    registry.close();
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The handler behind {@code route}, its requests timed by method and status once they complete. */
  public HttpHandler timed(String route, HttpHandler next) {
    // Each route's timers, found by method and status without building a meter id per request.
    Map<Integer, Timer> timers = new ConcurrentHashMap<>();
    return exchange -> {
      long start = System.nanoTime();
      exchange.addExchangeCompleteListener((done, nextListener) -> {
        try {
          int method = METHODS.indexOf(done.getRequestMethod().toString());
          int status = done.getStatusCode();
          timers.computeIfAbsent(status * (METHODS.size() + 1) + method + 1, key -> timer(route, method, status))
              .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } finally {
          nextListener.proceed();
        }
      });
      next.handleRequest(exchange);
    };
  }

  /**
   * Whether the request may read the figures: it came straight from a reader. One that came through
   * a proxy (it names a client in {@code X-Forwarded-For}) came from outside, whoever that client
   * says it is: a collector asks a replica directly.
   */
  public boolean mayRead(HttpServerExchange exchange) {
    InetSocketAddress client = exchange.getSourceAddress();
    return !exchange.getRequestHeaders().contains(Headers.X_FORWARDED_FOR)
        && client != null && client.getAddress() != null && readers.contains(client.getAddress());
  }

  /** The figures in Prometheus's text format. */
  public void scrape(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(registry.scrape());
  }

  /** The counter of sign-ins on the page that came to {@code outcome}: signed_in, refused or throttled. */
  public Counter signIns(String outcome) {
    return Counter.builder("task.sign.ins").description("Sign-ins on the page, by outcome")
        .tag("outcome", outcome).register(registry);
  }

  /** The timer of a route's requests by one method (an index in {@link #METHODS}, -1: another) and status. */
  private Timer timer(String route, int method, int status) {
    return Timer.builder("http.server.requests").description("HTTP requests, by route template, method and status")
        .tags("route", route, "method", method < 0 ? "OTHER" : METHODS.get(method), "status", String.valueOf(status))
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }
}
