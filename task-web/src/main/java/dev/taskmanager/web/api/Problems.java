package dev.taskmanager.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * The one place where a failed API request becomes an {@code application/problem+json} document
 * (RFC 9457): {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, and
 * for invalid input an {@code errors} list of {@code {field, problem, accepted}}. Exception text
 * is never echoed except the core's messages, which are written for people.
 */
public final class Problems extends FailureResponses {

  /** Problem types are URNs: stable names that do not pretend to be web pages. */
  static final String TYPE_PREFIX = "urn:task-manager:problem:";

  private static final System.Logger LOG = System.getLogger(Problems.class.getName());

  private final ObjectMapper mapper;

  @Inject
  Problems(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Sends the problem document for a failure. */
  @Override
  protected void respond(HttpServerExchange exchange, Throwable failure) {
    ObjectNode problem;
    if (failure instanceof InvalidTaskException) {
      problem = problem(exchange, 400, "invalid-input", "Invalid input",
          "The request has values that are not accepted; see errors.");
      ArrayNode errors = problem.putArray("errors");
      for (Violation violation : ((InvalidTaskException) failure).violations()) {
        errors.addObject()
            .put("field", violation.field())
            .put("problem", violation.problem())
            .put("accepted", violation.accepted());
      }
    } else if (failure instanceof TaskNotFoundException) {
      problem = problem(exchange, 404, "task-not-found", "Task not found",
          "Task " + ((TaskNotFoundException) failure).id() + " does not exist.");
    } else if (failure instanceof TaskStoreException) {
      LOG.log(Level.WARNING, "store unavailable for " + exchange.getRequestMethod() + " " + exchange.getRequestPath()
          + ": " + failure.getMessage());
      exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "5");
      problem = problem(exchange, 503, "store-unavailable", "Store unavailable",
          "The task store is not answering; try again shortly. A write may or may not have been applied.");
    } else if (failure instanceof HttpException) {
      HttpException http = (HttpException) failure;
      if (!http.allow().isEmpty()) {
        exchange.getResponseHeaders().put(new HttpString("Allow"), String.join(", ", new java.util.TreeSet<>(http.allow())));
      }
      problem = problem(exchange, http.status(), http.type(), http.title(), http.detail());
    } else {
      LOG.log(Level.ERROR, "unexpected failure for " + exchange.getRequestMethod() + " " + exchange.getRequestPath(),
          failure);
      problem = problem(exchange, 500, "internal-error", "Internal error",
          "The server could not complete the request; the error has been logged.");
    }
    send(exchange, problem);
  }

  private ObjectNode problem(HttpServerExchange exchange, int status, String type, String title, String detail) {
    ObjectNode problem = mapper.createObjectNode();
    problem.put("type", TYPE_PREFIX + type);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", exchange.getRequestPath());
    return problem;
  }

  private void send(HttpServerExchange exchange, ObjectNode problem) {
    exchange.setStatusCode(problem.get("status").intValue());
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    try {
      Responses.send(exchange, mapper.writeValueAsBytes(problem));
    } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
