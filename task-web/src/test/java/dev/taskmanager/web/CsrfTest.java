package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.web.http.CsrfTokens;
import dev.taskmanager.web.http.Signer;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CSRF tokens: checked on every form post, stateless, shared by replicas with the same secret. */
class CsrfTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static TestServer server;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void emptyStore() {
    server.store.clear();
  }

  @Test
  void everyPagePostRefusesAMissingOrForgedToken() {
    server.given("Keep", 0);
    String forged = tokens("another-secret-another-secret-0123456789", NOW).issue();

    for (String path : new String[] {"/tasks", "/tasks/0", "/tasks/0/delete", "/delete-by-title", "/reset"}) {
      for (String body : new String[] {"title=Keep&confirm=yes", "csrf=&title=Keep&confirm=yes",
          "csrf=nonsense&title=Keep&confirm=yes", "csrf=" + forged + "&title=Keep&confirm=yes"}) {
        HttpResponse<String> response = server.postRawForm(path, body);
        assertThat(response.statusCode()).describedAs(path + " " + body).isEqualTo(403);
        assertThat(Jsoup.parse(response.body()).text()).contains("reload the page");
      }
    }
    assertThat(server.store.count()).isEqualTo(1);
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
    String token = tokens(TestServer.SECRET, NOW).issue();

    assertThat(tokens(TestServer.SECRET, NOW.plus(Duration.ofHours(1))).isValid(token)).isTrue();
    assertThat(tokens(TestServer.SECRET, NOW.plus(CsrfTokens.LIFETIME).plusSeconds(1)).isValid(token)).isFalse();
    assertThat(tokens(TestServer.SECRET, NOW.minus(Duration.ofHours(1))).isValid(token))
        .describedAs("issued in the future").isFalse();
  }

  @Test
  void aTamperedTokenIsRefused() {
    CsrfTokens tokens = tokens(TestServer.SECRET, NOW);
    String token = tokens.issue();
    char[] chars = token.toCharArray();
    chars[3] = chars[3] == 'A' ? 'B' : 'A';

    assertThat(tokens.isValid(token)).isTrue();
    assertThat(tokens.isValid(new String(chars))).isFalse();
    assertThat(tokens.isValid(token.substring(0, token.indexOf('.')))).isFalse();
    assertThat(tokens.isValid("x".repeat(500))).isFalse();
  }

  @Test
  void theFlashCannotBeForged() {
    HttpRequest request = HttpRequest.newBuilder(server.uri("/"))
        .header("Cookie", "flash=VGFzayA3IGNyZWF0ZWQ.forged")
        .GET().build();

    assertThat(Jsoup.parse(server.send(request).body()).select(".flash")).isEmpty();
  }

  @Test
  void theApiIsNotReachableByACrossSiteFormPost() {
    server.given("Keep", 0);

    HttpResponse<String> reset = server.postRawForm("/api/tasks/reset", "confirm=true");

    assertThat(reset.statusCode()).isEqualTo(415);
    assertThat(server.store.count()).isEqualTo(1);
  }

  private static CsrfTokens tokens(String secret, Instant now) {
    return new CsrfTokens(new Signer(secret.getBytes(StandardCharsets.UTF_8)), Clock.fixed(now, ZoneOffset.UTC));
  }
}
