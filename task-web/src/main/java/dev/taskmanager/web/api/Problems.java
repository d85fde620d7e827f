package dev.taskmanager.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.web.http.FailureResponses;
import dev.taskmanager.web.http.HttpFailure;
import dev.taskmanager.web.http.Responses;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import jakarta.inject.Inject;

/**
 * The one place where a failed API request becomes an {@code application/problem+json} document
 * (RFC 9457): {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, and
 * for invalid input an {@code errors} list of {@code {field, problem, accepted}}. Exception text
 * is never echoed except the core's messages, which are written for people.
 */
public final class Problems extends FailureResponses {

  /** Problem types are URNs: stable names that do not pretend to be web pages. */
  static final String TYPE_PREFIX = "urn:task-manager:problem:";

  private final ObjectMapper mapper;

  @Inject
  Problems(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Sends the problem document for a failure. */
  @Override
  protected void respond(HttpServerExchange exchange, HttpFailure failure) {
    ObjectNode problem = mapper.createObjectNode();
    problem.put("type", TYPE_PREFIX + failure.type());
    problem.put("title", failure.title());
    problem.put("status", failure.status());
    problem.put("detail", failure.detail());
    problem.put("instance", exchange.getRequestPath());
    if (!failure.violations().isEmpty()) {
      ArrayNode errors = problem.putArray("errors");
      for (Violation violation : failure.violations()) {
        errors.addObject()
            .put("field", violation.field())
            .put("problem", violation.problem())
            .put("accepted", violation.accepted());
      }
    }
    exchange.setStatusCode(failure.status());
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    try {
      Responses.send(exchange, mapper.writeValueAsBytes(problem));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
