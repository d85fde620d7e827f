package dev.taskmanager.web.page;

import dev.taskmanager.core.account.SignIn;
import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.web.access.Caller;
import dev.taskmanager.web.access.OpenMode;
import dev.taskmanager.web.access.Sessions;
import dev.taskmanager.web.http.AccessLog;
import dev.taskmanager.web.http.FormData;
import dev.taskmanager.web.http.Requests;
import dev.taskmanager.web.metrics.Metrics;
import io.micrometer.core.instrument.Counter;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Signing in ({@code GET} and {@code POST /sign-in}) and out ({@code POST /sign-out}). A refusal
 * never says whether the name or the password was wrong; after a few in a row the form answers 429
 * with {@code Retry-After} until the wait is over ({@link dev.taskmanager.core.account.SignInThrottle}).
 * Each outcome is counted ({@code task_sign_ins_total}) and logged with the client's address.
 */
public final class SignInPage {

  private static final System.Logger LOG = System.getLogger(SignInPage.class.getName());
  private static final String REFUSED = "The name or the password is not right.";

  private final Pages pages;
  private final SignIn signIn;
  private final Sessions sessions;
  private final OpenMode openMode;
  private final Counter signedIn;
  private final Counter refused;
  private final Counter throttled;

  @Inject
  SignInPage(Pages pages, SignIn signIn, Sessions sessions, OpenMode openMode, Metrics metrics) {
    this.pages = pages;
    this.signIn = signIn;
    this.sessions = sessions;
    this.openMode = openMode;
    this.signedIn = metrics.signIns("signed_in");
    this.refused = metrics.signIns("refused");
    this.throttled = metrics.signIns("throttled");
  }

  /** {@code GET /sign-in}: the form; someone signed in already goes where they were going. */
  public void show(HttpServerExchange exchange) throws Exception {
    String next = Pages.localPath(Requests.query(exchange, "next"));
    if (Caller.of(exchange).signedIn()) {
      pages.redirect(exchange, next, "You are signed in.");
      return;
    }
    render(exchange, 200, "", next, "");
  }

  /** {@code POST /sign-in}. */
  public void signIn(HttpServerExchange exchange) throws Exception {
    FormData form = FormData.of(exchange);
    String name = form.first("name") == null ? "" : form.first("name").strip().toLowerCase(Locale.ROOT);
    String next = Pages.localPath(form.first("next"));
    char[] password = form.first("password") == null ? new char[0] : form.first("password").toCharArray();
    String address = Requests.client(exchange);
    SignIn.Outcome outcome;
    try {
      outcome = signIn.signIn(name, password, address);
    } finally {
      Arrays.fill(password, '\0');
    }
    if (outcome instanceof SignIn.SignedIn success) {
      signedIn.increment();
      LOG.log(Level.INFO, "{0} signed in from {1}", success.user().name(), address);
      sessions.begin(exchange, success.user());
      exchange.putAttachment(AccessLog.USER, success.user().name());
      pages.redirect(exchange, next, "Signed in as " + success.user().name() + ".");
    } else if (outcome instanceof SignIn.Throttled wait) {
      throttled.increment();
      LOG.log(Level.INFO, "sign-in as {0} from {1} refused: too many failures, {2} s to wait",
          Excerpts.quote(name), address, seconds(wait.retryAfter()));
      exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(seconds(wait.retryAfter())));
      render(exchange, 429, name, next, "Too many failed sign-ins. Wait " + words(wait.retryAfter())
          + ", then try again.");
    } else {
      refused.increment();
      LOG.log(Level.INFO, "sign-in as {0} from {1} refused: wrong name or password", Excerpts.quote(name), address);
      render(exchange, 403, name, next, REFUSED);
    }
  }

  /** {@code POST /sign-out}: ends this browser's session. */
  public void signOut(HttpServerExchange exchange) {
    sessions.end(exchange);
    pages.redirect(exchange, "/sign-in", "You have signed out.");
  }

  private void render(HttpServerExchange exchange, int status, String name, String next, String refusal)
      throws Exception {
    Map<String, Object> model = new HashMap<>();
    model.put("name", name);
    model.put("next", next);
    model.put("refusal", refusal);
    model.put("noUsers", openMode.noUsers());
    pages.render(exchange, status, "sign-in.ftlh", model);
  }

  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  /** "12 seconds", "3 minutes". */
  private static String words(Duration wait) {
    long seconds = seconds(wait);
    if (seconds < 120) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = (seconds + 59) / 60;
    return minutes + " minutes";
  }
}
