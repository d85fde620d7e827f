package dev.taskmanager.web.page;

import dev.taskmanager.core.account.Accounts;
import dev.taskmanager.core.account.ApiToken;
import dev.taskmanager.core.account.InvalidAccountException;
import dev.taskmanager.core.account.Scope;
import dev.taskmanager.core.account.SignIn;
import dev.taskmanager.core.account.TokenLifetime;
import dev.taskmanager.core.account.TokenNotFoundException;
import dev.taskmanager.core.account.Tokens;
import dev.taskmanager.core.account.User;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.web.access.Caller;
import dev.taskmanager.web.access.Sessions;
import dev.taskmanager.web.calendar.CalendarFeed;
import dev.taskmanager.web.http.FormData;
import dev.taskmanager.web.http.HttpException;
import dev.taskmanager.web.http.Requests;
import io.undertow.server.HttpServerExchange;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in person's own account ({@code GET /account}): their API tokens, made ({@code POST
 * /account/tokens}, shown once, on the answer itself) and revoked ({@code POST
 * /account/tokens/{id}/revoke}) by themselves; and their password ({@code POST /account/password}),
 * which takes the current one, checked and throttled as a sign-in is. A new password ends every
 * other session of theirs; this browser gets a new one. And their calendar feed's URL, made anew
 * ({@code POST /account/calendar}, shown once; the previous one stops working) or stopped ({@code
 * POST /account/calendar/stop}).
 */
public final class AccountPage {

  static final String PATH = "/account";
  /** The lifetimes the form offers: what the command line takes, in a few common choices. */
  private static final List<String> LIFETIMES = List.of("30d", "90d", "365d", "never");

  private final Pages pages;
  private final Tokens tokens;
  private final Accounts accounts;
  private final SignIn signIn;
  private final Sessions sessions;
  private final Clock clock;

  @Inject
  AccountPage(Pages pages, Tokens tokens, Accounts accounts, SignIn signIn, Sessions sessions, Clock clock) {
    this.pages = pages;
    this.tokens = tokens;
    this.accounts = accounts;
    this.signIn = signIn;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** {@code GET /account}. */
  public void show(HttpServerExchange exchange) throws Exception {
    render(exchange, 200, signedIn(exchange), Map.of());
  }

  /** {@code POST /account/tokens}: a new token, shown on this answer and never again. */
  public void createToken(HttpServerExchange exchange) throws Exception {
    String name = signedIn(exchange);
    FormData form = FormData.of(exchange);
    Scope scope = "write".equals(form.first("scope")) ? Scope.WRITE : Scope.READ;
    try {
      Tokens.IssuedToken issued = tokens.create(name, scope,
          TokenLifetime.parse(Optional.ofNullable(form.first("expires")).orElse("")));
      render(exchange, 201, name, Map.of("newToken", issued.text(), "newTokenId", issued.token().id()));
    } catch (InvalidAccountException invalid) {
      render(exchange, 400, name, Map.of("tokenErrors", new TasksPage.Form().errors(invalid.violations()).errors));
    }
  }

  /** {@code POST /account/tokens/{id}/revoke}: one of the person's own tokens, never another's. */
  public void revokeToken(HttpServerExchange exchange) throws Exception {
    String name = signedIn(exchange);
    String id = Requests.pathParameter(exchange, "id");
    try {
      tokens.revokeOf(name, id);
      pages.redirect(exchange, PATH, "Token " + id + " revoked: it no longer works.");
    } catch (TokenNotFoundException notYours) {
      pages.redirect(exchange, PATH, "You have no token " + Excerpts.quote(id) + ": nothing was revoked.");
    }
  }

  /** {@code POST /account/calendar}: a new calendar URL, shown on this answer and never again. */
  public void renewCalendarFeed(HttpServerExchange exchange) throws Exception {
    String name = signedIn(exchange);
    boolean replaced = tokens.calendarFeedOf(name).isPresent();
    Tokens.IssuedToken issued = tokens.renewCalendarFeed(name, Optional.empty());
    render(exchange, 201, name, Map.of("newCalendarUrl", CalendarFeed.url(exchange, issued.text()),
        "replacedCalendarUrl", replaced));
  }

  /** {@code POST /account/calendar/stop}. */
  public void stopCalendarFeed(HttpServerExchange exchange) throws Exception {
    String name = signedIn(exchange);
    pages.redirect(exchange, PATH, tokens.stopCalendarFeed(name)
        ? "Calendar feed stopped: its URL no longer works."
        : "You had no calendar feed: nothing was stopped.");
  }

  /** {@code POST /account/password}. */
  public void changePassword(HttpServerExchange exchange) throws Exception {
    String name = signedIn(exchange);
    FormData form = FormData.of(exchange);
    char[] current = chars(form.first("current"));
    char[] replacement = chars(form.first("password"));
    try {
      SignIn.Outcome checked = signIn.check(name, current, Requests.client(exchange));
      if (checked instanceof SignIn.Throttled wait) {
        render(exchange, 429, name, Map.of("passwordErrors", Map.of("current", new Violation("current",
            "was wrong too many times in a row", "the right one, in " + Math.max(1, wait.retryAfter().toSeconds())
                + " seconds"))));
        return;
      }
      if (!(checked instanceof SignIn.SignedIn)) {
        render(exchange, 400, name, Map.of("passwordErrors", Map.of("current",
            new Violation("current", "is not right", "the password you signed in with"))));
        return;
      }
      if (!Arrays.equals(replacement, chars(form.first("repeat")))) {
        render(exchange, 400, name, Map.of("passwordErrors", Map.of("repeat",
            new Violation("repeat", "is not the same as the new password", "the new password, typed again"))));
        return;
      }
      User changed = accounts.changePassword(name, replacement);
      sessions.begin(exchange, changed);
      pages.redirect(exchange, PATH, "Password changed. Your other sessions have ended.");
    } catch (InvalidAccountException invalid) {
      render(exchange, 400, name, Map.of("passwordErrors", new TasksPage.Form().errors(invalid.violations()).errors));
    } finally {
      Arrays.fill(current, '\0');
      Arrays.fill(replacement, '\0');
    }
  }

  /** The caller's name; nobody signed in means no user exists yet (open mode): nothing to show. */
  private static String signedIn(HttpServerExchange exchange) {
    Caller caller = Caller.of(exchange);
    if (!caller.signedIn()) {
      throw HttpException.notFound("No user exists yet, so there is no account to show. An admin adds the first"
          + " one on the server: task user add NAME --role admin.");
    }
    return caller.name();
  }

  private void render(HttpServerExchange exchange, int status, String name, Map<String, ?> extra) throws Exception {
    User user = accounts.existing(name);
    Instant now = clock.instant();
    List<Map<String, Object>> rows = tokens.list(Optional.of(name)).stream()
        .filter(token -> !token.expiredAt(now) && token.scope() != Scope.CALENDAR)
        .map(this::row).toList();
    Map<String, Object> model = new HashMap<>(extra);
    model.put("account", Map.of("name", user.name(), "role", user.role().word(),
        "lastSignIn", user.lastSignInAt().map(this::minutes).orElse("never")));
    model.put("tokens", rows);
    model.put("calendar", tokens.calendarFeedOf(name).<Map<String, Object>>map(feed -> Map.of(
        "created", minutes(feed.createdAt()), "lastUsed", feed.lastUsedAt().map(this::minutes).orElse("never")))
        .orElse(Map.of()));
    model.putIfAbsent("newCalendarUrl", "");
    model.putIfAbsent("replacedCalendarUrl", false);
    model.put("lifetimes", LIFETIMES);
    model.put("zone", clock.getZone().getId());
    model.putIfAbsent("newToken", "");
    model.putIfAbsent("tokenErrors", Map.of());
    model.putIfAbsent("passwordErrors", Map.of());
    pages.render(exchange, status, "account.ftlh", model);
  }

  private Map<String, Object> row(ApiToken token) {
    return Map.of("id", token.id(), "scope", token.scope().word(), "created", minutes(token.createdAt()),
        "expires", token.expiresAt().map(this::minutes).orElse("never"),
        "lastUsed", token.lastUsedAt().map(this::minutes).orElse("never"));
  }

  private String minutes(Instant instant) {
    return Pages.minutes(instant, clock);
  }

  private static char[] chars(String value) {
    return value == null ? new char[0] : value.toCharArray();
  }
}
