package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The page's forms as a client without a browser posts them: a token read from a page, fields encoded. */
final class PageForms {

  /** Signed in, the session's token (the meta tag: the sign-out form's is of no session); else the first form's. */
  private static final Pattern CSRF = Pattern.compile(
      "<meta name=\"csrf-token\" content=\"([^\"]+)\"|name=\"csrf\" value=\"([^\"]+)\"");

  private PageForms() {}

  /** The CSRF token a form of the page posts: its session's when signed in, else its first form's. */
  static String csrfToken(String page) {
    Matcher token = CSRF.matcher(page);
    assertThat(token.find()).describedAs("the page has a CSRF token").isTrue();
    return token.group(1) != null ? token.group(1) : token.group(2);
  }

  /** Posts the fields as a browser posts a form, with the session cookie ({@code task_session=…}) if any. */
  static HttpResponse<String> post(HttpClient client, URI uri, String cookie, Map<String, String> fields)
      throws IOException, InterruptedException {
    String body = fields.entrySet().stream()
        .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }

  /**
   * Signs in through the form at {@code signInPage} as a browser would: its CSRF token, then the
   * post. The session cookie, {@code task_session=…}, as a Cookie header sends it.
   */
  static String signIn(HttpClient client, URI signInPage, String name, String password)
      throws IOException, InterruptedException {
    String form = client.send(HttpRequest.newBuilder(signInPage).timeout(Duration.ofSeconds(20)).build(),
        BodyHandlers.ofString()).body();
    HttpResponse<String> signedIn = post(client, signInPage, null,
        Map.of("csrf", csrfToken(form), "name", name, "password", password));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    return signedIn.headers().allValues("Set-Cookie").stream()
        .filter(value -> value.startsWith("task_session=")).map(value -> value.substring(0, value.indexOf(';')))
        .findFirst().orElseThrow(() -> new AssertionError("signing in set no session cookie"));
  }
}
