package dev.taskmanager.web.http;

import dev.taskmanager.core.failure.Failure;
import dev.taskmanager.core.model.Violation;
import java.util.List;
import java.util.Map;

/**
 * A failed request as both the page and the API answer it, classified once: its status, a stable
 * problem type and title, the detail for the person, the broken rules, and the headers it needs.
 * The page words it as an error page, the API as a problem document; neither classifies again.
 *
 * @param status the HTTP status
 * @param type a short stable name of the problem, e.g. {@code body-too-large}
 * @param title the problem's general title, e.g. {@code Request body too large}
 * @param detail what happened to this request, a sentence for the person
 * @param problems for invalid input, one line for each broken rule
 * @param violations for invalid input, the broken rules field by field
 * @param headers the headers the answer needs (a 405's {@code Allow}, a 401's {@code WWW-Authenticate})
 */
public record HttpFailure(int status, String type, String title, String detail, List<String> problems,
    List<Violation> violations, Map<String, String> headers) {

  /** The problem types of the core's failures, which the page words by type. */
  public static final String INVALID_INPUT = "invalid-input";
  public static final String TASK_NOT_FOUND = "task-not-found";
  public static final String STORE_UNAVAILABLE = "store-unavailable";
  public static final String INTERNAL_ERROR = "internal-error";
  /** A caller whose role is short of what the request needs. */
  public static final String NOT_ALLOWED = "forbidden";

  public HttpFailure {
    problems = List.copyOf(problems);
    violations = List.copyOf(violations);
    headers = Map.copyOf(headers);
  }

  /** Classifies a failure, writing to the log what belongs there ({@link Failure#log}). */
  public static HttpFailure of(Throwable thrown, String request) {
    if (thrown instanceof HttpException http) {
      return new HttpFailure(http.status(), http.type(), http.title(), http.detail(), List.of(), List.of(),
          http.headers());
    }
    Failure failure = Failure.of(thrown);
    failure.log(request);
    return switch (failure.kind()) {
      case INVALID_INPUT -> new HttpFailure(400, INVALID_INPUT, "Invalid input",
          sentence(failure.message() + "; see errors"), failure.problems(), failure.violations(), Map.of());
      case NOT_FOUND -> simple(404, TASK_NOT_FOUND, "Task not found", sentence(failure.message()));
      case STORE_UNAVAILABLE -> simple(503, STORE_UNAVAILABLE, "Store unavailable",
          "The task store is not answering; try again shortly. A write may or may not have been applied.");
      case INTERNAL -> simple(500, INTERNAL_ERROR, "Internal error",
          "The server could not complete the request; the error has been logged.");
    };
  }

  private static HttpFailure simple(int status, String type, String title, String detail) {
    return new HttpFailure(status, type, title, detail, List.of(), List.of(), Map.of());
  }

  /** {@code task 7 does not exist} as a sentence: {@code Task 7 does not exist.} */
  private static String sentence(String message) {
    return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
  }
}
