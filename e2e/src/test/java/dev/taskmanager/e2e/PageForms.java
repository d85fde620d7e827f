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

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private PageForms() {}

  /** The CSRF token of the page's first form. */
  static String csrfToken(String page) {
    Matcher token = CSRF.matcher(page);
    assertThat(token.find()).describedAs("the page has a form with a CSRF token").isTrue();
    return token.group(1);
  }

  /** Posts the fields as a browser posts a form. */
  static HttpResponse<String> post(HttpClient client, URI uri, Map<String, String> fields)
      throws IOException, InterruptedException {
    String body = fields.entrySet().stream()
        .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
  }
}
