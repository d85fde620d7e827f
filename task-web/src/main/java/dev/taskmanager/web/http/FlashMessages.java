package dev.taskmanager.web.http;

import dev.taskmanager.core.text.Excerpts;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

/**
 * The one-time message shown after a redirect ("Task 7 created"), carried by a short-lived cookie
 * signed with the app's secret: any replica can show it, nobody can forge one, and the text is
 * exactly what the server wrote (a query parameter could be edited into a fake message).
 */
public final class FlashMessages {

  static final String COOKIE = "flash";
  private static final String PURPOSE = "flash";
  private static final int LIFETIME_SECONDS = 60;
  private static final int MAX_MESSAGE_CHARS = 600;

  private final Signer signer;
  private final Clock clock;

  public FlashMessages(Signer signer, Clock clock) {
    this.signer = signer;
    this.clock = clock;
  }

  /** Sets the message the next page shows. */
  public void set(HttpServerExchange exchange, String message) {
    String text = Excerpts.shorten(message, MAX_MESSAGE_CHARS);
    long expires = clock.instant().getEpochSecond() + LIFETIME_SECONDS;
    String payload = Base64.getUrlEncoder().withoutPadding()
        .encodeToString((expires + ":" + text).getBytes(StandardCharsets.UTF_8));
    exchange.setResponseCookie(cookie(exchange, payload + "." + signer.sign(PURPOSE, payload)).setMaxAge(LIFETIME_SECONDS));
  }

  /** The message left by the previous response, or {@code null}; it is shown once, then cleared. */
  public String take(HttpServerExchange exchange) {
    Cookie cookie = exchange.getRequestCookie(COOKIE);
    if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
      return null;
    }
    exchange.setResponseCookie(cookie(exchange, "").setMaxAge(0));
    String value = cookie.getValue();
    int dot = value.indexOf('.');
    if (dot < 0 || !signer.verify(PURPOSE, value.substring(0, dot), value.substring(dot + 1))) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    long expires = Long.parseLong(decoded.substring(0, colon));
    return expires < clock.instant().getEpochSecond() ? null : decoded.substring(colon + 1);
  }

  private static CookieImpl cookie(HttpServerExchange exchange, String value) {
    CookieImpl cookie = new CookieImpl(COOKIE, value);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    // Under HTTPS (directly, or at a trusted proxy) the browser must never send it over plain HTTP.
    cookie.setSecure("https".equals(exchange.getRequestScheme()));
    cookie.setSameSiteMode("Lax");
    return cookie;
  }
}
