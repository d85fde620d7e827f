package dev.taskmanager.web.page;

import dev.taskmanager.web.http.FailureResponses;
import dev.taskmanager.web.http.HttpFailure;
import dev.taskmanager.web.http.Responses;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one place where a failed page request becomes an error page: styled like the app, saying
 * what happened and what to do, never a stack trace. The failure comes classified
 * ({@link HttpFailure}); this class only words it for the page.
 */
public final class PageErrors extends FailureResponses {

  private static final System.Logger LOG = System.getLogger(PageErrors.class.getName());
  private static final String BACK_TO_THE_LIST = "Go back to the task list and try again from there.";

  private final Pages pages;

  @Inject
  PageErrors(Pages pages) {
    this.pages = pages;
  }

  /** Sends the error page for a failure. */
  @Override
  protected void respond(HttpServerExchange exchange, HttpFailure failure) {
    ErrorPage page = describe(failure);
    try {
      pages.render(exchange, failure.status(), "error.ftlh", Map.of(
          "status", failure.status(), "heading", page.heading(), "message", page.message(),
          "advice", page.advice(), "problems", failure.problems()));
    } catch (Exception renderingFailed) {
      // The error page itself failed (a broken template): plain text still tells the person.
      LOG.log(Level.ERROR, "the error page could not be rendered", renderingFailed);
      exchange.setStatusCode(failure.status());
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=UTF-8");
      Responses.send(exchange, (page.heading() + "\n" + page.advice()).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The page's words for a failure: a heading, what happened, and what to do now. */
  private static ErrorPage describe(HttpFailure failure) {
    switch (failure.type()) {
      case HttpFailure.TASK_NOT_FOUND:
        return new ErrorPage("Task not found", failure.detail(),
            "It may have been deleted. Go back to the task list to see the tasks there are.");
      case HttpFailure.INVALID_INPUT:
        return new ErrorPage("That address is not quite right", "Some values in the address are not accepted:",
            BACK_TO_THE_LIST);
      case HttpFailure.STORE_UNAVAILABLE:
        return new ErrorPage("The task store is not answering", "The tasks cannot be read or saved right now.",
            "Wait a moment, then reload the page. If you sent a form, check whether your change is there"
                + " before sending it again.");
      case HttpFailure.NOT_ALLOWED:
        return new ErrorPage("Your role does not allow this", failure.detail(),
            "Go back to the task list; to do this, ask an admin for a role that allows it.");
      case HttpFailure.INTERNAL_ERROR:
        return new ErrorPage("Something went wrong", "The server could not complete this request. The error has been logged.",
            "Go back to the task list and try again; if it happens again, tell whoever runs this service.");
      default:
        return byStatus(failure);
    }
  }

  /** The page for a failure of HTTP itself (a stale form, a wrong address): its own detail, with words for people. */
  private static ErrorPage byStatus(HttpFailure http) {
    switch (http.status()) {
      case 403:
        return new ErrorPage("This form can no longer be sent", http.detail(),
            "Go back, reload the page to get a fresh form, and send it again.");
      case 404:
        return new ErrorPage("Page not found", http.detail(), "Check the address, or start again from the task list.");
      case 405:
        return new ErrorPage("This address does not take that request", http.detail(), BACK_TO_THE_LIST);
      case 413:
        return new ErrorPage("That was too much text", http.detail(),
            "Go back and shorten what you typed: a title takes up to 200 characters, a description up to 2000.");
      default:
        return new ErrorPage(http.title(), http.detail(), BACK_TO_THE_LIST);
    }
  }

  private record ErrorPage(String heading, String message, String advice) {}
}
