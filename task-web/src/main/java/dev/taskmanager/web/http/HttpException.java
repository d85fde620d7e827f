package dev.taskmanager.web.http;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request failed for an HTTP reason, not a task reason: a malformed or too large body, a wrong
 * content type or method, a bad CSRF token, a caller not signed in or not allowed. The page and
 * the API each turn it into their own response (an error page, a problem document) in one place.
 */
public final class HttpException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final transient Map<String, String> headers;

  private HttpException(int status, String type, String title, String detail, Map<String, String> headers) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.headers = Map.copyOf(headers);
  }

  public static HttpException malformed(String detail) {
    return new HttpException(400, "malformed-request", "Malformed request", detail, Map.of());
  }

  /** A form post refused: sent from another site, or without a valid CSRF token. */
  public static HttpException formRefused(String detail) {
    return new HttpException(403, "invalid-csrf-token", "Form not accepted", detail, Map.of());
  }

  /** The caller is known but their role does not allow this. */
  public static HttpException notAllowed(String detail) {
    return new HttpException(403, HttpFailure.NOT_ALLOWED, "Not allowed", detail, Map.of());
  }

  /**
   * Nobody is signed in, or the credentials sent are not valid; {@code challenge} is the {@code
   * WWW-Authenticate} value.
   */
  public static HttpException unauthorized(String detail, String challenge) {
    return new HttpException(401, "unauthorized", "Not signed in", detail, Map.of("WWW-Authenticate", challenge));
  }

  /** Short of something for now (a turn for a password check): a 503, with {@code Retry-After}. */
  public static HttpException busy(String detail) {
    return new HttpException(503, "too-busy", "Too busy", detail, Map.of());
  }

  public static HttpException notFound(String detail) {
    return new HttpException(404, "not-found", "Not found", detail, Map.of());
  }

  public static HttpException methodNotAllowed(Set<String> allow) {
    return new HttpException(405, "method-not-allowed", "Method not allowed",
        "This address accepts " + String.join(", ", new TreeSet<>(allow)) + " only.",
        Map.of("Allow", String.join(", ", new TreeSet<>(allow))));
  }

  public static HttpException tooLarge(int limit) {
    return new HttpException(413, "body-too-large", "Request body too large",
        "The request body is larger than " + limit / 1024 + " KiB.", Map.of());
  }

  public static HttpException unsupportedMediaType(String expected) {
    return new HttpException(415, "unsupported-media-type", "Unsupported content type",
        "Send the body as " + expected + ".", Map.of());
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

  /** The headers the answer needs: a 405's {@code Allow}, a 401's {@code WWW-Authenticate}. */
  public Map<String, String> headers() {
    return headers;
  }
}
