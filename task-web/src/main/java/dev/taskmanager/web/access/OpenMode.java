package dev.taskmanager.web.access;

import dev.taskmanager.core.account.UserStore;
import io.undertow.server.HttpServerExchange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Before anyone has an account, the app works as it did before accounts: whoever asks may do
 * everything. That is safe only where nobody but this machine's users can ask, so it holds only
 * while no user exists, the app listens on a loopback address, the client (behind a trusted proxy,
 * the one the proxy names) is on this machine too, and the request names this machine in its
 * {@code Host} ({@code localhost} or a loopback address): a web page elsewhere whose name an
 * attacker points at 127.0.0.1 (DNS rebinding) sends its own name there. Whether a user exists is
 * asked of the store at most once per {@link #RECHECK}, so that the first {@code task user add}
 * closes it soon.
 */
public final class OpenMode {

  public static final Duration RECHECK = Duration.ofSeconds(1);

  private final UserStore users;
  private final boolean listensOnLoopback;
  private final Clock clock;
  private volatile Instant checkedAt = Instant.MIN;
  private volatile boolean noUsers;

  public OpenMode(UserStore users, String listenHost, Clock clock) {
    this.users = users;
    this.listensOnLoopback = isLoopback(listenHost);
    this.clock = clock;
  }

  /** Whether the app listens on a loopback address only (127.0.0.0/8, ::1, or a name for one). */
  public static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException unresolved) {
      return false;
    }
  }

  /** Whether the app is open to anyone, as far as the listener goes: no user exists yet. */
  public boolean noUsers() {
    Instant now = clock.instant();
    if (now.isAfter(checkedAt.plus(RECHECK)) || now.isBefore(checkedAt)) {
      noUsers = users.count() == 0;
      checkedAt = now;
    }
    return noUsers;
  }

  /** Whether this request's client may do everything without signing in. */
  boolean admits(HttpServerExchange exchange) {
    InetSocketAddress client = exchange.getSourceAddress();
    return listensOnLoopback && client != null && client.getAddress() != null
        && client.getAddress().isLoopbackAddress() && namesThisMachine(exchange.getHostName()) && noUsers();
  }

  /** {@code localhost}, or a loopback address written out; never a name to look up. */
  static boolean namesThisMachine(String host) {
    if (host == null) {
      return false;
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    boolean literal = bare.matches("[0-9.]+") || bare.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    return literal && isLoopback(bare);
  }
}
