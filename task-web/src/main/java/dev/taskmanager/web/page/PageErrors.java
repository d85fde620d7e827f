package dev.taskmanager.web.page;

import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.web.http.FailureResponses;
import dev.taskmanager.web.http.HttpException;
import dev.taskmanager.web.http.Responses;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place where a failed page request becomes an error page: styled like the app, saying
 * what happened and what to do, never a stack trace. Unexpected errors are logged and shown as a
 * generic 500.
 */
public final class PageErrors extends FailureResponses {

  private static final System.Logger LOG = System.getLogger(PageErrors.class.getName());

  private final Pages pages;

  @Inject
  PageErrors(Pages pages) {
    this.pages = pages;
  }

  /** Sends the error page for a failure. */
  @Override
  protected void respond(HttpServerExchange exchange, Throwable failure) {
    ErrorPage page = describe(exchange, failure);
    if (failure instanceof HttpException && !((HttpException) failure).allow().isEmpty()) {
      exchange.getResponseHeaders().put(new HttpString("Allow"), String.join(", ", ((HttpException) failure).allow()));
    }
    try {
      pages.render(exchange, page.status, "error.ftlh", Map.of(
          "status", page.status, "heading", page.heading, "message", page.message,
          "advice", page.advice, "problems", page.problems));
    } catch (Exception renderingFailed) {
      // The error page itself failed (a broken template): plain text still tells the person.
      LOG.log(Level.ERROR, "the error page could not be rendered", renderingFailed);
      exchange.setStatusCode(page.status);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=UTF-8");
      Responses.send(exchange, (page.heading + "\n" + page.advice).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static ErrorPage describe(HttpServerExchange exchange, Throwable failure) {
    if (failure instanceof TaskNotFoundException) {
      return new ErrorPage(404, "Task not found",
          "Task " + ((TaskNotFoundException) failure).id() + " does not exist.",
          "It may have been deleted. Go back to the task list to see the tasks there are.", List.of());
    }
    if (failure instanceof InvalidTaskException) {
      List<String> problems = ((InvalidTaskException) failure).violations().stream()
          .map(Violation::message).collect(Collectors.toList());
      return new ErrorPage(400, "That address is not quite right",
          "Some values in the address are not accepted:", "Go back to the task list and try again from there.",
          problems);
    }
    if (failure instanceof TaskStoreException) {
      LOG.log(Level.WARNING, "store unavailable for " + exchange.getRequestMethod() + " " + exchange.getRequestPath()
          + ": " + failure.getMessage());
      exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
      return new ErrorPage(503, "The task store is not answering",
          "The tasks cannot be read or saved right now.",
          "Wait a moment, then reload the page. If you sent a form, check whether your change is there"
              + " before sending it again.", List.of());
    }
    if (failure instanceof HttpException) {
      HttpException http = (HttpException) failure;
      return new ErrorPage(http.status(), headingFor(http), http.detail(), adviceFor(http), List.of());
    }
    LOG.log(Level.ERROR, "unexpected failure for " + exchange.getRequestMethod() + " " + exchange.getRequestPath(),
        failure);
    return new ErrorPage(500, "Something went wrong",
        "The server could not complete this request. The error has been logged.",
        "Go back to the task list and try again; if it happens again, tell whoever runs this service.", List.of());
  }

  private static String headingFor(HttpException http) {
    switch (http.status()) {
      case 403:
        return "This form can no longer be sent";
      case 404:
        return "Page not found";
      case 405:
        return "This address does not take that request";
      case 413:
        return "That was too much text";
      default:
        return http.title();
    }
  }

  private static String adviceFor(HttpException http) {
    switch (http.status()) {
      case 403:
        return "Go back, reload the page to get a fresh form, and send it again.";
      case 404:
        return "Check the address, or start again from the task list.";
      case 413:
        return "Go back and shorten what you typed: a title takes up to 200 characters, a description up to 2000.";
      default:
        return "Go back to the task list and try again from there.";
    }
  }

  private static final class ErrorPage {
    final int status;
    final String heading;
    final String message;
    final String advice;
    final List<String> problems;

    ErrorPage(int status, String heading, String message, String advice, List<String> problems) {
      this.status = status;
      this.heading = heading;
      this.message = message;
      this.advice = advice;
      this.problems = problems;
    }
  }
}
