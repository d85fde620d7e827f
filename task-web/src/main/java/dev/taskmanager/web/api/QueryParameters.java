package dev.taskmanager.web.api;

import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.core.text.Excerpts;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of an API request, checked: unknown names and repeated values are refused,
 * so a typo ({@code ?sortby=priority}) is a 400 rather than a silently ignored wish.
 */
final class QueryParameters {

  private final Map<String, Deque<String>> parameters;

  private QueryParameters(Map<String, Deque<String>> parameters) {
    this.parameters = parameters;
  }

  static QueryParameters of(HttpServerExchange exchange, Set<String> accepted) {
    Map<String, Deque<String>> parameters = exchange.getQueryParameters();
    // The router adds the path's parameters ({id}) to the query's: those are expected once.
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    Set<String> fromPath = match == null ? Set.of() : match.getParameters().keySet();
    List<Violation> violations = new ArrayList<>();
    String acceptedText = accepted.isEmpty() ? "no query parameters" : String.join(", ", new TreeSet<>(accepted));
    parameters.forEach((name, values) -> {
      if (fromPath.contains(name) && values.size() == 1) {
        return;
      }
      if (!accepted.contains(name) || fromPath.contains(name)) {
        violations.add(new Violation(Excerpts.oneLine(name), "is not a query parameter here", acceptedText));
      } else if (values.size() > 1) {
        violations.add(new Violation(name, "is given " + values.size() + " times", "one value"));
      }
    });
    if (!violations.isEmpty()) {
      throw new InvalidTaskException(violations);
    }
    return new QueryParameters(parameters);
  }

  /** The value, or {@code null} when absent. */
  String get(String name) {
    Deque<String> values = parameters.get(name);
    return values == null ? null : values.getFirst();
  }
}
