package dev.taskmanager.web.access;

import dev.taskmanager.core.account.User;
import dev.taskmanager.web.http.Cookies;
import dev.taskmanager.web.http.Signer;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * The page's sessions, kept in a cookie signed with the app's secret and nowhere else, so that
 * replicas share nothing but {@code TASK_SECRET}. A session ends after {@link #IDLE} without a
 * request or {@link #LONGEST} after signing in, whichever comes first; and the {@link Gate} ends it
 * sooner when its user is gone or has changed password since.
 *
 * <p>Value: {@code base64url(name "|" id "|" signedInAt "|" issuedAt) "." base64url(hmac)}, times in
 * epoch milliseconds (sign-in: compared with a password change) and seconds (issue). The id is
 * random; CSRF tokens are bound to it.
 */
public final class Sessions {

  static final String COOKIE = "task_session";
  /** How long a session lasts without a request. */
  public static final Duration IDLE = Duration.ofHours(8);
  /** How long a session lasts at most: then its user signs in again. */
  public static final Duration LONGEST = Duration.ofDays(7);
  /** How old a cookie gets before a request renews it (so that a busy session is not cut at IDLE). */
  static final Duration RENEW_AFTER = Duration.ofMinutes(5);
  private static final Duration SKEW = Duration.ofMinutes(2);
  private static final String PURPOSE = "session";
  private static final int MAX_COOKIE_CHARS = 512;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final Signer signer;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Sessions(Signer signer, Clock clock) {
    this.signer = signer;
    this.clock = clock;
  }

  /** A session as its cookie tells it: not yet checked against its user. */
  record Session(String name, String id, Instant signedInAt, Instant issuedAt) {}

  /** Starts a session for {@code user}: sets the cookie. */
  public void begin(HttpServerExchange exchange, User user) {
    write(exchange, started(user));
  }

  /** Ends the session of this browser: clears the cookie. */
  public void end(HttpServerExchange exchange) {
    exchange.setResponseCookie(Cookies.ofThisSite(exchange, COOKIE, "").setMaxAge(0));
  }

  /** Whether the request carries a session cookie at all, valid or not. */
  boolean present(HttpServerExchange exchange) {
    Cookie cookie = exchange.getRequestCookie(COOKIE);
    return cookie != null && cookie.getValue() != null && !cookie.getValue().isEmpty();
  }

  /** The session of the request's cookie, when it is ours, well formed and not timed out. */
  Optional<Session> read(HttpServerExchange exchange) {
    return present(exchange) ? decode(exchange.getRequestCookie(COOKIE).getValue()) : Optional.empty();
  }

  /** Renews the cookie of a session in use, when it is old enough to need it. */
  void renew(HttpServerExchange exchange, Session session) {
    renewed(session).ifPresent(fresh -> write(exchange, fresh));
  }

  /** A cookie's session, when the cookie is ours, well formed and not timed out. */
  Optional<Session> decode(String value) {
    int dot = value.indexOf('.');
    if (value.length() > MAX_COOKIE_CHARS || dot < 0
        || !signer.verify(PURPOSE, value.substring(0, dot), value.substring(dot + 1))) {
      return Optional.empty();
    }
    // Signed by us, so well formed.
    String[] parts = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8)
        .split("\\|", -1);
    Session session = new Session(parts[0], parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2])),
        Instant.ofEpochSecond(Long.parseLong(parts[3])));
    Instant now = clock.instant();
    boolean current = !session.issuedAt().isAfter(now.plus(SKEW))
        && now.isBefore(session.issuedAt().plus(IDLE))
        && now.isBefore(session.signedInAt().plus(LONGEST));
    return current ? Optional.of(session) : Optional.empty();
  }

  /** The cookie's value for a session. */
  String encode(Session session) {
    String payload = ENCODER.encodeToString((session.name() + "|" + session.id() + "|"
        + session.signedInAt().toEpochMilli() + "|" + session.issuedAt().getEpochSecond())
        .getBytes(StandardCharsets.UTF_8));
    return payload + "." + signer.sign(PURPOSE, payload);
  }

  /** The session issued now, when its cookie is old enough to renew. */
  Optional<Session> renewed(Session session) {
    Instant now = clock.instant();
    return now.isAfter(session.issuedAt().plus(RENEW_AFTER))
        ? Optional.of(new Session(session.name(), session.id(), session.signedInAt(), now))
        : Optional.empty();
  }

  /** A new session of {@code user}, signed in now, with a random id. */
  Session started(User user) {
    byte[] id = new byte[18];
    random.nextBytes(id);
    Instant now = clock.instant();
    return new Session(user.name(), ENCODER.encodeToString(id), now.truncatedTo(ChronoUnit.MILLIS), now);
  }

  private void write(HttpServerExchange exchange, Session session) {
    exchange.setResponseCookie(Cookies.ofThisSite(exchange, COOKIE, encode(session))
        .setMaxAge((int) IDLE.toSeconds()));
  }
}
