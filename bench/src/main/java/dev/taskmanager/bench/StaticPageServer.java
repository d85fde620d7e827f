package dev.taskmanager.bench;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ceiling of {@code bench/http.sh}: a bare Undertow server answering every request with one
 * static page of a given size, the way the app answers its page: dispatched to the worker pool
 * and written with a blocking write. No routing, templates, store or headers beyond the content's.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.taskmanager.bench.StaticPageServer PORT BYTES}
 * listens on 127.0.0.1 until stopped.
 */
public final class StaticPageServer {

  private StaticPageServer() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: StaticPageServer PORT BYTES  (serves a page of BYTES bytes on 127.0.0.1:PORT)");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    byte[] page = page(Integer.parseInt(args[1]));
    Undertow server = Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setHandler(new BlockingHandler(exchange -> send(exchange, page)))
        .build();
    server.start();
    InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    System.out.println("StaticPageServer is serving " + page.length + " bytes at http://127.0.0.1:" + address.getPort() + "/");
  }

  private static void send(HttpServerExchange exchange, byte[] page) throws Exception {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
    exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, page.length);
    try (OutputStream out = exchange.getOutputStream()) {
      out.write(page);
    }
  }

  /** An HTML page of exactly {@code bytes} bytes (at least the bare frame's). */
  private static byte[] page(int bytes) {
    byte[] head = "<!doctype html><title>ceiling</title><p>".getBytes(StandardCharsets.US_ASCII);
    byte[] page = Arrays.copyOf(head, Math.max(bytes, head.length));
    Arrays.fill(page, head.length, page.length, (byte) 'x');
    return page;
  }
}
