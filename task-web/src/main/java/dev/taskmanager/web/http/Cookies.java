package dev.taskmanager.web.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.CookieImpl;

/** The app's cookies, all made alike: for the whole site, never read by scripts, not sent cross-site. */
public final class Cookies {

  private Cookies() {}

  /** A cookie of this site: Path=/, HttpOnly, SameSite=Lax, and Secure when the request came over HTTPS. */
  public static CookieImpl ofThisSite(HttpServerExchange exchange, String name, String value) {
    CookieImpl cookie = new CookieImpl(name, value);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    // Under HTTPS (directly, or at a trusted proxy) the browser must never send it over plain HTTP.
    cookie.setSecure("https".equals(exchange.getRequestScheme()));
    cookie.setSameSiteMode("Lax");
    return cookie;
  }
}
