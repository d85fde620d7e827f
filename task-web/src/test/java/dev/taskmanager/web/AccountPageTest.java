package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.Scope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A person's own account page: their API tokens and their password. */
class AccountPageTest {

  @RegisterExtension
  static final TestServer server = TestServer.start();

  @BeforeAll
  static void users() {
    server.addUser("ed", Role.EDITOR);
    server.addUser("vera", Role.VIEWER);
  }

  @Test
  void aTokenMadeOnThePageIsShownOnceAndWorksOnTheApi() {
    server.signInAs("ed");

    HttpResponse<String> made = server.postForm("/account/tokens", Map.of("scope", "write", "expires", "30d"));

    assertThat(made.statusCode()).isEqualTo(201);
    String token = html(made).select("#new-token").text();
    assertThat(token).matches("tmt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    assertThat(html(made).select("table.tokens td:first-child").text()).isEqualTo(token.substring(4, 16));
    assertThat(server.get("/account").body()).doesNotContain(token.substring(17));
    HttpResponse<String> created = server.send(HttpRequest.newBuilder(server.uri("/api/tasks"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"From a page-made token\"}")).build());
    assertThat(created.statusCode()).isEqualTo(201);
  }

  @Test
  void aPersonRevokesTheirOwnTokenButNeverAnothersOne() {
    String others = server.token("vera", Scope.READ);
    server.signInAs("ed");
    server.postForm("/account/tokens", Map.of("scope", "read", "expires", "never"));
    String id = server.page("/account").select("table.tokens td:first-child").first().text();

    HttpResponse<String> revoked = server.postForm("/account/tokens/" + id + "/revoke", Map.of());
    HttpResponse<String> notMine = server.postForm("/account/tokens/" + others.substring(4, 16) + "/revoke", Map.of());

    assertThat(revoked.statusCode()).isEqualTo(303);
    assertThat(notMine.statusCode()).isEqualTo(303);
    assertThat(server.page("/account").select("table.tokens td:first-child").eachText()).doesNotContain(id);
    assertThat(server.send(HttpRequest.newBuilder(server.uri("/api/tasks"))
        .header("Authorization", "Bearer " + others).GET().build()).statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongLifetimeIsRefusedSayingWhatIsAccepted() {
    server.signInAs("ed");

    HttpResponse<String> refused = server.postForm("/account/tokens", Map.of("scope", "read", "expires", "forever"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(html(refused).select("p.form-error").text()).contains("forever", "30d", "never");
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
    server.addUser("pia", Role.VIEWER);
    String otherBrowser = server.signInAs("pia");
    server.newSession();
    server.signInAs("pia");

    HttpResponse<String> wrongCurrent = server.postForm("/account/password", Map.of("current", "not-it-at-all",
        "password", "amber-fjord-lantern-93", "repeat", "amber-fjord-lantern-93"));
    HttpResponse<String> weak = server.postForm("/account/password", Map.of("current", TestServer.PASSWORD,
        "password", "password1234", "repeat", "password1234"));
    HttpResponse<String> changed = server.postForm("/account/password", Map.of("current", TestServer.PASSWORD,
        "password", "amber-fjord-lantern-93", "repeat", "amber-fjord-lantern-93"));

    assertThat(wrongCurrent.statusCode()).isEqualTo(400);
    assertThat(html(wrongCurrent).select("#current-error").text()).startsWith("Current password is not right.");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(html(weak).select("#password-error").text()).contains("easy to guess");
    assertThat(changed.statusCode()).isEqualTo(303);
    assertThat(server.get("/").statusCode()).as("this browser has a new session").isEqualTo(200);
    assertThat(server.send(HttpRequest.newBuilder(server.uri("/")).header("Cookie", otherBrowser).GET().build())
        .statusCode()).as("the other browser's session has ended").isEqualTo(303);
    server.newSession();
    assertThat(server.signIn("pia", "amber-fjord-lantern-93").statusCode()).isEqualTo(303);
  }

  @Test
  void withNoUserThereIsNoAccountToShow() {
    try (TestServer open = TestServer.start()) {
      HttpResponse<String> account = open.get("/account");

      assertThat(account.statusCode()).isEqualTo(404);
      assertThat(account.body()).contains("No user exists yet", "task user add NAME --role admin");
    }
  }

  private static Document html(HttpResponse<String> answer) {
    return Jsoup.parse(answer.body());
  }
}
