package dev.taskmanager.web;

import dev.taskmanager.web.http.AccessLog;
import dev.taskmanager.web.http.Connections;
import dev.taskmanager.web.http.ForwardedHeaders;
import dev.taskmanager.web.http.RequestBodies;
import dev.taskmanager.web.http.SecurityHeaders;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.time.Duration;
import org.xnio.Options;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The Undertow server: the route table behind security headers, graceful shutdown and the access
 * log, with request bodies capped at {@link RequestBodies#MAX_BYTES}.
 */
final class WebServer {

  /** How long a shutdown waits for requests in flight. */
  static final long SHUTDOWN_GRACE_MILLIS = 20_000;

  private final Settings settings;
  /** How long a client may take to send a request's line and headers. */
  static final Duration REQUEST_HEAD_TIMEOUT = Duration.ofSeconds(10);
  /** How long a kept-alive connection may stay silent between requests. */
  static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofSeconds(60);
  /** How long reading a request body may wait for the next bytes. */
  static final Duration BODY_READ_TIMEOUT = Duration.ofSeconds(10);

  private final GracefulShutdownHandler graceful;
  private final Undertow undertow;

  @Inject
  WebServer(Settings settings, RouteTable routes) {
    this.settings = settings;
    this.graceful = new GracefulShutdownHandler(new SecurityHeaders(routes.handler()));
    this.undertow = Undertow.builder()
        .addHttpListener(settings.httpPort(), settings.httpHost())
        .setWorkerThreads(settings.workerThreads())
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) Connections.DRAIN_LIMIT)
        .setServerOption(UndertowOptions.MAX_PARAMETERS, 100)
        .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 64 * 1024)
        .setServerOption(UndertowOptions.DECODE_URL, true)
        .setServerOption(UndertowOptions.URL_CHARSET, "UTF-8")
        // A client that trickles its request, or holds a connection open saying nothing, is cut
        // off instead of holding a connection and a worker for as long as it likes.
        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) REQUEST_HEAD_TIMEOUT.toMillis())
        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, (int) IDLE_CONNECTION_TIMEOUT.toMillis())
        .setSocketOption(Options.READ_TIMEOUT, (int) BODY_READ_TIMEOUT.toMillis())
        .setHandler(new ForwardedHeaders(new AccessLog(graceful), settings.trustedProxies()))
        .build();
  }

  void start() {
    undertow.start();
  }

  /** The address the server answers at (with the real port when 0 was asked for). */
  URI url() {
    InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    String host = settings.httpHost().contains(":") ? "[" + settings.httpHost() + "]" : settings.httpHost();
    return URI.create("http://" + host + ":" + address.getPort() + "/");
  }

  /** Stops taking requests, lets those in flight finish (up to the grace period), then stops. */
  void stop() {
    graceful.shutdown();
    try {
      graceful.awaitShutdown(SHUTDOWN_GRACE_MILLIS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    undertow.stop();
  }
}
