package dev.taskmanager.web.access;

import dev.taskmanager.web.http.FormData;
import dev.taskmanager.web.http.HttpException;
import dev.taskmanager.web.http.RequestBodies;
import io.undertow.server.HttpHandler;
import io.undertow.util.HttpString;

/**
 * Guards every form post of the page: reads the form (bounded, strict UTF-8), refuses cross-site
 * posts and any without a valid CSRF token of the caller's session with a 403, and hands the form
 * to the handler through {@link FormData#of}. The route table puts every page POST behind it, so no
 * handler can forget.
 */
public final class FormPosts {

  /** The name of the hidden field that carries the token. */
  public static final String CSRF_FIELD = "csrf";

  private static final HttpString SEC_FETCH_SITE = new HttpString("Sec-Fetch-Site");

  private final CsrfTokens tokens;

  public FormPosts(CsrfTokens tokens) {
    this.tokens = tokens;
  }

  /**
   * {@code next} behind the checks.
   *
   * @param ofAnySession whether a token issued with no session is accepted too: for the forms that
   *     sign in and out, which change no task and are sent by people whose session began or ended
   *     after the form was shown (a second tab, a session that timed out)
   */
  public HttpHandler protect(HttpHandler next, boolean ofAnySession) {
    return exchange -> {
      // Browsers say where a request comes from; a cross-site post is refused before reading it.
      if ("cross-site".equalsIgnoreCase(exchange.getRequestHeaders().getFirst(SEC_FETCH_SITE))) {
        throw HttpException.formRefused("The form was sent from another site.");
      }
      FormData form = RequestBodies.readForm(exchange);
      String token = form.first(CSRF_FIELD);
      if (!tokens.isValid(token, Caller.of(exchange).session()) && !(ofAnySession && tokens.isValid(token, ""))) {
        throw HttpException.formRefused("The form has expired or did not come from this site.");
      }
      form.attachTo(exchange);
      next.handleRequest(exchange);
    };
  }
}
