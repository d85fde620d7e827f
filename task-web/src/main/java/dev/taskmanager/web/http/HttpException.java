package dev.taskmanager.web.http;

import java.util.Set;

/**
 * A request failed for an HTTP reason, not a task reason: a malformed or too large body, a wrong
 * content type or method, a bad CSRF token. The page and the API each turn it into their own
 * response (an error page, a problem document) in one place.
 */
public final class HttpException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final transient Set<String> allow;

  private HttpException(int status, String type, String title, String detail, Set<String> allow) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.allow = Set.copyOf(allow);
  }

  public static HttpException malformed(String detail) {
    return new HttpException(400, "malformed-request", "Malformed request", detail, Set.of());
  }

  public static HttpException forbidden(String detail) {
    return new HttpException(403, "invalid-csrf-token", "Form not accepted", detail, Set.of());
  }

  public static HttpException notFound(String detail) {
    return new HttpException(404, "not-found", "Not found", detail, Set.of());
  }

  public static HttpException methodNotAllowed(Set<String> allow) {
    return new HttpException(405, "method-not-allowed", "Method not allowed",
        "This address accepts " + String.join(", ", new java.util.TreeSet<>(allow)) + " only.", allow);
  }

  public static HttpException tooLarge(int limit) {
    return new HttpException(413, "body-too-large", "Request body too large",
        "The request body is larger than " + limit / 1024 + " KiB.", Set.of());
  }

  public static HttpException unsupportedMediaType(String expected) {
    return new HttpException(415, "unsupported-media-type", "Unsupported content type",
        "Send the body as " + expected + ".", Set.of());
  }

  public int status() {
    return status;
  }

  /** A short stable name for the kind of problem, e.g. {@code body-too-large}. */
  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** The methods the address accepts, for a 405's {@code Allow} header; empty otherwise. */
  public Set<String> allow() {
    return allow;
  }
}
