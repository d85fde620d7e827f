package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.web.access.CsrfTokens;
import dev.taskmanager.web.http.Signer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CSRF tokens: checked on every form post, stateless, shared by replicas with the same secret. */
class CsrfTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  /** Every form of the page: create, edit, delete, delete by title, reset. */
  private static final List<String> FORMS = List.of("/tasks", "/tasks/0", "/tasks/0/delete", "/delete-by-title",
      "/reset");

  @RegisterExtension
  static final TestServer server = TestServer.start();

  @Test
  void everyFormRefusesEveryBadTokenWithAClear403Page() {
    Task kept = server.given("Keep", 7);
    String valid = server.csrf();
    Map<String, String> badTokens = new LinkedHashMap<>();
    badTokens.put("missing", null);
    badTokens.put("empty", "");
    badTokens.put("nonsense", "nonsense");
    badTokens.put("tampered payload", flip(valid, 3));
    badTokens.put("tampered signature", flip(valid, valid.length() - 3));
    badTokens.put("signature cut off", valid.substring(0, valid.indexOf('.')));
    badTokens.put("signature of another token", valid.substring(0, valid.indexOf('.'))
        + server.csrf().substring(valid.indexOf('.')));
    badTokens.put("expired", tokens(TestServer.SECRET, Instant.now().minus(CsrfTokens.LIFETIME).minusSeconds(60))
        .issue(""));
    badTokens.put("issued in the future", tokens(TestServer.SECRET, Instant.now().plus(Duration.ofHours(1))).issue(""));
    badTokens.put("other secret", tokens("another-secret-another-secret-0123456789", Instant.now()).issue(""));
    badTokens.put("huge", "A".repeat(4000) + "." + "B".repeat(4000));
    int requests = 0;

    for (String path : FORMS) {
      for (Map.Entry<String, String> token : badTokens.entrySet()) {
        String fields = "title=Changed&shortdesc=x&priority=1&confirm=yes";
        String body = token.getValue() == null ? fields
            : "csrf=" + URLEncoder.encode(token.getValue(), StandardCharsets.UTF_8) + "&" + fields;
        assertRefusedWith403Page(path + " with a " + token.getKey() + " token", server.postRawForm(path, body));
        requests++;
      }
      // Only the form's body counts: a token in the address (which leaks into logs) is not read.
      assertRefusedWith403Page(path + " with the token in the query",
          server.postRawForm(path + "?csrf=" + valid, "title=Changed&confirm=yes"));
      requests++;
    }
    System.out.printf("CSRF: %d form posts with %d kinds of bad token to %d forms, all refused%n",
        requests, badTokens.size() + 1, FORMS.size());

    assertOnlyTask(kept);
  }

  @Test
  void noLinkOrImageCanChangeAnything() {
    Task kept = server.given("Keep", 7);

    // What another site can make a browser send without a form: GETs, with whatever query it likes.
    for (String path : List.of("/tasks?title=Changed", "/tasks/0?title=Changed", "/tasks/0/delete",
        "/delete-by-title?title=Keep", "/reset?confirm=yes&csrf=" + server.csrf())) {
      assertThat(server.get(path).statusCode()).describedAs(path).isIn(200, 405);
    }

    assertOnlyTask(kept);
  }

  private static void assertRefusedWith403Page(String what, HttpResponse<String> response) {
    assertThat(response.statusCode()).describedAs(what).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).describedAs(what).hasValue("text/html; charset=UTF-8");
    Document page = Jsoup.parse(response.body());
    assertThat(page.select("h1").text()).describedAs(what).isEqualTo("This form can no longer be sent");
    assertThat(page.text()).describedAs(what).contains("did not come from this site").contains("reload the page")
        .doesNotContain("Exception").doesNotContain("at dev.").doesNotContain("java.");
  }

  private static void assertOnlyTask(Task kept) {
    assertThat(server.store.count()).isEqualTo(1);
    assertThat(server.store.get(kept.id())).contains(kept);
    assertThat(server.store.nextId()).describedAs("no create got through").isEqualTo(kept.id() + 1);
  }

  private static String flip(String token, int index) {
    char[] chars = token.toCharArray();
    chars[index] = chars[index] == 'A' ? 'B' : 'A';
    return new String(chars);
  }

  @Test
  void refusesACrossSitePostEvenWithAToken() {
    HttpRequest request = HttpRequest.newBuilder(server.uri("/tasks"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Sec-Fetch-Site", "cross-site")
        .POST(BodyPublishers.ofString("csrf=" + server.csrf() + "&title=x", StandardCharsets.UTF_8))
        .build();

    assertThat(server.send(request).statusCode()).isEqualTo(403);
    assertThat(server.store.count()).isZero();
  }

  @Test
  void aReplicaWithTheSameSecretAcceptsTheToken() {
    try (TestServer replica = TestServer.start()) {
      String token = server.csrf();

      HttpResponse<String> response = replica.postRawForm("/tasks", "csrf=" + token + "&title=Elsewhere");

      assertThat(response.statusCode()).isEqualTo(303);
      assertThat(replica.store.count()).isEqualTo(1);
    }
  }

  @Test
  void aServerWithAnotherSecretRefusesTheToken() {
    try (TestServer stranger = TestServer.start("a-completely-different-secret-0123456789", false)) {
      assertThat(stranger.postRawForm("/tasks", "csrf=" + server.csrf() + "&title=x").statusCode()).isEqualTo(403);
    }
  }

  @Test
  void aTokenExpiresAfterItsLifetime() {
    String token = tokens(TestServer.SECRET, NOW).issue("");

    assertThat(tokens(TestServer.SECRET, NOW.plus(Duration.ofHours(1))).isValid(token, "")).isTrue();
    assertThat(tokens(TestServer.SECRET, NOW.plus(CsrfTokens.LIFETIME).plusSeconds(1)).isValid(token, "")).isFalse();
    assertThat(tokens(TestServer.SECRET, NOW.minus(Duration.ofHours(1))).isValid(token, ""))
        .describedAs("issued in the future").isFalse();
  }

  @Test
  void aTamperedTokenIsRefused() {
    CsrfTokens tokens = tokens(TestServer.SECRET, NOW);
    String token = tokens.issue("");

    assertThat(tokens.isValid(token, "")).isTrue();
    assertThat(tokens.isValid(flip(token, 3), "")).isFalse();
    assertThat(tokens.isValid(token.substring(0, token.indexOf('.')), "")).isFalse();
    assertThat(tokens.isValid("x".repeat(500), "")).isFalse();
  }

  @Test
  void aTokenIsValidOnlyForTheSessionItWasIssuedTo() {
    CsrfTokens tokens = tokens(TestServer.SECRET, NOW);
    String token = tokens.issue("session-a");

    assertThat(tokens.isValid(token, "session-a")).isTrue();
    assertThat(tokens.isValid(token, "session-b")).isFalse();
    assertThat(tokens.isValid(token, "")).describedAs("without a session").isFalse();
    assertThat(tokens.isValid(tokens.issue(""), "session-a")).describedAs("issued without a session").isFalse();
  }

  @Test
  void theFlashCannotBeForged() {
    HttpRequest request = HttpRequest.newBuilder(server.uri("/"))
        .header("Cookie", "flash=VGFzayA3IGNyZWF0ZWQ.forged")
        .GET().build();

    assertThat(Jsoup.parse(server.send(request).body()).select(".flash")).isEmpty();
  }

  @Test
  void theApiRefusesEveryBodyAFormOrACrossSiteSimpleRequestCanSend() throws Exception {
    Task kept = server.given("Keep", 7);
    String json = "{\"title\": \"Changed\", \"confirm\": true}";
    Map<String, String> simpleRequestBodies = Map.of(
        "application/x-www-form-urlencoded", "title=Changed&confirm=true",
        "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nChanged\r\n--b--\r\n",
        "text/plain", json,
        "text/plain; charset=UTF-8", json);
    int requests = 0;

    for (String[] write : new String[][] {{"POST", "/api/tasks"}, {"PATCH", "/api/tasks/0"},
        {"POST", "/api/tasks/reset"}}) {
      for (Map.Entry<String, String> body : simpleRequestBodies.entrySet()) {
        HttpResponse<String> response = server.json(write[0], write[1], body.getKey(), body.getValue());
        String what = write[0] + " " + write[1] + " as " + body.getKey();

        assertThat(response.statusCode()).describedAs(what).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).describedAs(what).hasValue("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("status").asInt()).describedAs(what).isEqualTo(415);
        assertThat(problem.path("detail").asText()).describedAs(what).isEqualTo("Send the body as application/json.");
        requests++;
      }
    }
    System.out.printf("CSRF: %d API writes in %d form and text content types, all refused with 415%n",
        requests, simpleRequestBodies.size());

    assertOnlyTask(kept);
  }

  private static CsrfTokens tokens(String secret, Instant now) {
    return new CsrfTokens(new Signer(secret.getBytes(StandardCharsets.UTF_8)), Clock.fixed(now, ZoneOffset.UTC));
  }
}
