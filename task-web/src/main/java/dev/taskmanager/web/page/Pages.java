package dev.taskmanager.web.page;

import dev.taskmanager.core.account.Role;
import dev.taskmanager.web.access.Caller;
import dev.taskmanager.web.access.CsrfTokens;
import dev.taskmanager.web.http.FlashMessages;
import dev.taskmanager.web.http.Responses;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends pages and redirects: what every page shares (who is signed in and what they may do, the
 * CSRF token of their session, the flash message, headers).
 */
final class Pages {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private final Templates templates;
  private final CsrfTokens csrf;
  private final FlashMessages flash;

  @Inject
  Pages(Templates templates, CsrfTokens csrf, FlashMessages flash) {
    this.templates = templates;
    this.csrf = csrf;
    this.flash = flash;
  }

  /** Renders a template with the common model and sends it. */
  void render(HttpServerExchange exchange, int status, String template, Map<String, ?> model) throws Exception {
    Map<String, Object> full = new HashMap<>(model);
    Caller caller = Caller.of(exchange);
    full.put("csrf", csrf.issue(caller.session()));
    // Signing out works after the session has ended too (FormPosts takes a token of no session there).
    full.put("signOutCsrf", caller.signedIn() ? csrf.issue("") : "");
    full.put("user", caller.signedIn() ? caller.name() : "");
    full.put("role", caller.role().map(Role::word).orElse(""));
    full.put("mayEdit", caller.may(Role.EDITOR));
    full.put("mayAdmin", caller.may(Role.ADMIN));
    FlashMessages.Flash message = flash.take(exchange);
    full.put("flash", message == null ? "" : message.message());
    full.put("flashUndo", message == null || message.undo() == null ? "" : message.undo().toString());
    ByteBuffer html = templates.render(template, full);
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
    // Pages carry CSRF tokens and personal data: never stored by a browser or proxy.
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    Responses.send(exchange, html);
  }

  /** An instant to the minute in the people's zone (the clock's): {@code 2026-12-06 14:01}. */
  static String minutes(Instant instant, Clock clock) {
    return MINUTES.format(instant.atZone(clock.getZone()));
  }

  /**
   * {@code path} when it is an address of this site (a path, printable ASCII, no {@code //} that
   * would make it another host's); else the task list. Never another site: no open redirect.
   */
  static String localPath(String path) {
    boolean local = path != null && path.length() <= 2048 && path.startsWith("/") && !path.startsWith("//")
        && path.chars().noneMatch(c -> c == '\\' || c < 0x21 || c > 0x7e);
    return local ? path : "/";
  }

  /** Post/redirect/get: a 303 to {@code location}, whose page then shows {@code message} once. */
  void redirect(HttpServerExchange exchange, String location, String message) {
    redirect(exchange, location, new FlashMessages.Flash(message, null));
  }

  /** As {@link #redirect(HttpServerExchange, String, String)}, the message with an Undo button. */
  void redirect(HttpServerExchange exchange, String location, FlashMessages.Flash message) {
    flash.set(exchange, message);
    exchange.setStatusCode(StatusCodes.SEE_OTHER);
    exchange.getResponseHeaders().put(Headers.LOCATION, location);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    Responses.end(exchange);
  }
}
