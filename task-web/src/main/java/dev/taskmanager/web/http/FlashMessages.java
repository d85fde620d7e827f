package dev.taskmanager.web.http;

import dev.taskmanager.core.text.Excerpts;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
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

  /**
   * A message and, after a delete, the id of the task its Undo button restores.
   *
   * @param undo the deleted task's id, or {@code null} when there is nothing to undo
   */
  public record Flash(String message, Long undo) {}

  /** Sets the message the next page shows. */
  public void set(HttpServerExchange exchange, String message) {
    set(exchange, new Flash(message, null));
  }

  /** Sets the message, and what its Undo restores, that the next page shows. */
  public void set(HttpServerExchange exchange, Flash flash) {
    String text = Excerpts.shorten(flash.message(), MAX_MESSAGE_CHARS);
    long expires = clock.instant().getEpochSecond() + LIFETIME_SECONDS;
    String undo = flash.undo() == null ? "" : flash.undo().toString();
    String payload = Base64.getUrlEncoder().withoutPadding()
        .encodeToString((expires + ":" + undo + ":" + text).getBytes(StandardCharsets.UTF_8));
    String value = payload + "." + signer.sign(PURPOSE, payload);
    exchange.setResponseCookie(Cookies.ofThisSite(exchange, COOKIE, value).setMaxAge(LIFETIME_SECONDS));
  }

  /** The message left by the previous response, or {@code null}; it is shown once, then cleared. */
  public Flash take(HttpServerExchange exchange) {
    Cookie cookie = exchange.getRequestCookie(COOKIE);
    if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
      return null;
    }
    exchange.setResponseCookie(Cookies.ofThisSite(exchange, COOKIE, "").setMaxAge(0));
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
    // Signed by us, so well formed: expiry, the id to undo (or nothing), the message.
    String[] parts = decoded.split(":", 3);
    long expires = Long.parseLong(parts[0]);
    if (expires < clock.instant().getEpochSecond()) {
      return null;
    }
    return new Flash(parts[2], parts[1].isEmpty() ? null : Long.valueOf(parts[1]));
  }
}
