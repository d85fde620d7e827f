package dev.taskmanager.web.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Behind a trusted reverse proxy, takes the client's address and scheme from {@code
 * X-Forwarded-For} and {@code X-Forwarded-Proto}, so that the access log names the client and
 * cookies are marked secure under HTTPS. From any other peer the headers are ignored: anyone can
 * send them. Redirects need nothing from here: they are relative.
 */
public final class ForwardedHeaders implements HttpHandler {

  private static final HttpString FORWARDED_FOR = HttpString.tryFromString("X-Forwarded-For");
  private static final HttpString FORWARDED_PROTO = HttpString.tryFromString("X-Forwarded-Proto");

  private final HttpHandler next;
  private final AddressRanges trusted;

  public ForwardedHeaders(HttpHandler next, AddressRanges trusted) {
    this.next = next;
    this.trusted = trusted;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    InetSocketAddress peer = exchange.getSourceAddress();
    if (peer != null && trusted.contains(peer.getAddress())) {
      String client = lastHop(exchange.getRequestHeaders().getLast(FORWARDED_FOR));
      if (client != null && AddressRanges.isIpLiteral(client)) {
        try {
          exchange.setSourceAddress(new InetSocketAddress(InetAddress.getByName(client), 0));
        } catch (UnknownHostException malformed) {
          // Not an address after all: keep the proxy's.
        }
      }
      String proto = exchange.getRequestHeaders().getLast(FORWARDED_PROTO);
      if ("https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto)) {
        exchange.setRequestScheme(proto.toLowerCase(java.util.Locale.ROOT));
      }
    }
    next.handleRequest(exchange);
  }

  /** The address the nearest proxy saw: the last of a comma-separated chain. */
  private static String lastHop(String header) {
    if (header == null || header.length() > 1000) {
      return null;
    }
    String[] hops = header.split(",");
    return hops[hops.length - 1].strip();
  }
}
