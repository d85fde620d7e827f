package dev.taskmanager.web.access;

import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.Scope;
import dev.taskmanager.core.account.Tokens;
import dev.taskmanager.core.account.User;
import dev.taskmanager.core.account.UserStore;
import dev.taskmanager.web.http.AccessLog;
import dev.taskmanager.web.http.Connections;
import dev.taskmanager.web.http.FlashMessages;
import dev.taskmanager.web.http.HttpException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What every route passes before its handler: finds out who is asking ({@link Caller}) and lets the
 * request through only when the caller's role includes the one the route needs. The page knows
 * callers by their session cookie and sends anyone else to the sign-in page; the API knows them by
 * an API token ({@code Authorization: Bearer}) or the page's session, and answers anyone else with
 * a 401. A caller whose role is short of the route's gets a 403.
 */
public final class Gate {

  /** The header that carries a CSRF token when the page's session makes a change through the API. */
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String SIGN_IN_PATH = "/sign-in";

  private static final HttpString CSRF = new HttpString(CSRF_HEADER);
  private static final String BEARER = "Bearer ";
  private static final String CHALLENGE = "Bearer realm=\"task-manager\"";
  private static final int MAX_NEXT_CHARS = 1000;

  private final Sessions sessions;
  private final CsrfTokens csrf;
  private final Tokens tokens;
  private final UserStore users;
  private final OpenMode openMode;
  private final FlashMessages flash;

  public Gate(Sessions sessions, CsrfTokens csrf, Tokens tokens, UserStore users, OpenMode openMode,
      FlashMessages flash) {
    this.sessions = sessions;
    this.csrf = csrf;
    this.tokens = tokens;
    this.users = users;
    this.openMode = openMode;
    this.flash = flash;
  }

  /**
   * {@code next} behind the gate.
   *
   * @param api whether the route is the API's (tokens accepted, 401 for nobody) or the page's
   *     (session only, sign-in page for nobody)
   * @param needed the role the route needs; empty for a route anyone may use
   */
  public HttpHandler guard(boolean api, Optional<Role> needed, HttpHandler next) {
    if (needed.isEmpty() && !api) {
      // The sign-in page and the like: open to all, but they want to know who is there.
      return exchange -> {
        attach(exchange, identify(exchange, false));
        next.handleRequest(exchange);
      };
    }
    if (needed.isEmpty()) {
      return next;
    }
    Role role = needed.get();
    return exchange -> {
      Caller caller = identify(exchange, api);
      attach(exchange, caller);
      if (!caller.may(role)) {
        refuse(exchange, api, caller, role);
        return;
      }
      if (api && caller.via() == Caller.Via.SESSION && !isRead(exchange)
          && !csrf.isValid(exchange.getRequestHeaders().getFirst(CSRF), caller.session())) {
        throw HttpException.formRefused("A change made through the API with the page's session needs the "
            + CSRF_HEADER + " header from the page; programs use an API token (Authorization: Bearer).");
      }
      next.handleRequest(exchange);
    };
  }

  private static void attach(HttpServerExchange exchange, Caller caller) {
    exchange.putAttachment(Caller.KEY, caller);
    if (!caller.name().isEmpty()) {
      exchange.putAttachment(AccessLog.USER, caller.name());
    }
  }

  private Caller identify(HttpServerExchange exchange, boolean api) {
    String authorization = api ? exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION) : null;
    if (authorization != null) {
      return byToken(authorization);
    }
    Optional<Sessions.Session> session = sessions.read(exchange);
    if (session.isPresent()) {
      Optional<User> user = users.find(session.get().name())
          .filter(found -> !found.passwordChangedAt().isAfter(session.get().signedInAt()));
      if (user.isPresent()) {
        sessions.renew(exchange, session.get());
        return new Caller(user.get().name(), Optional.of(user.get().role()), Caller.Via.SESSION, session.get().id(),
            Optional.empty());
      }
    }
    if (sessions.present(exchange)) {
      // Timed out, signed with another secret, or its user is gone or has a new password: over.
      sessions.end(exchange);
    }
    return openMode.admits(exchange) ? Caller.open() : Caller.anonymous();
  }

  private Caller byToken(String authorization) {
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw HttpException.unauthorized("The Authorization header is not accepted: send an API token as"
          + " \"Authorization: Bearer tmt_…\".", CHALLENGE + ", error=\"invalid_request\"");
    }
    Tokens.Authenticated found = tokens.authenticate(authorization.substring(BEARER.length()).strip())
        .orElseThrow(() -> HttpException.unauthorized("The API token is not valid: it is unknown, revoked or"
            + " expired, or its user is gone. Ask an admin for a new one (task token create).",
            CHALLENGE + ", error=\"invalid_token\""));
    if (found.token().scope() == Scope.CALENDAR) {
      throw HttpException.unauthorized("This token belongs to a calendar feed: it works in its calendar URL alone,"
          + " never on the API. Make an API token on your account page (/account) or with task token create.",
          CHALLENGE + ", error=\"invalid_token\"");
    }
    // A read token acts as a viewer, whatever its user may do.
    Role role = found.token().scope() == Scope.WRITE ? found.user().role() : Role.VIEWER;
    return new Caller(found.user().name(), Optional.of(role), Caller.Via.TOKEN, "", Optional.of(found.token().scope()));
  }

  private void refuse(HttpServerExchange exchange, boolean api, Caller caller, Role needed) {
    if (caller.via() == Caller.Via.ANONYMOUS && api) {
      throw HttpException.unauthorized("Send an API token as \"Authorization: Bearer tmt_…\", or sign in on the"
          + " page.", CHALLENGE);
    }
    if (caller.via() == Caller.Via.ANONYMOUS) {
      sendToSignIn(exchange);
      return;
    }
    if (caller.scope().equals(Optional.of(Scope.READ))) {
      throw HttpException.notAllowed("This API token's scope is read: it cannot change tasks. Changes need a token"
          + " with scope write.");
    }
    throw HttpException.notAllowed("This needs the role " + needed.word() + "; " + caller.name() + " is "
        + caller.role().orElseThrow().word() + ". An admin can change roles (task user role).");
  }

  /** A 303 to the sign-in page, which sends the person back here (a GET) or to the list after. */
  private void sendToSignIn(HttpServerExchange exchange) {
    Connections.closeIfBodyUnread(exchange);
    String query = exchange.getQueryString();
    String here = exchange.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
    // Only a path of this site (an absolute-form request line has a scheme and host): the sign-in
    // page checks it again before it sends anyone there.
    boolean returnHere = isRead(exchange) && here.startsWith("/") && here.length() <= MAX_NEXT_CHARS
        && !here.equals("/");
    if (sessions.present(exchange)) {
      flash.set(exchange, "Your session has ended. Sign in again.");
    }
    exchange.setStatusCode(StatusCodes.SEE_OTHER);
    exchange.getResponseHeaders().put(Headers.LOCATION,
        SIGN_IN_PATH + (returnHere ? "?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8) : ""));
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.endExchange();
  }

  private static boolean isRead(HttpServerExchange exchange) {
    return exchange.getRequestMethod().equals(Methods.GET) || exchange.getRequestMethod().equals(Methods.HEAD);
  }
}
