package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.account.Accounts;
import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.Scope;
import dev.taskmanager.core.account.Tokens;
import dev.taskmanager.passwords.Argon2Passwords;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API's callers: API tokens with their scopes, expiry and revocation, and the page's session. */
class ApiAccessTest {

  @RegisterExtension
  static final TestServer server = TestServer.start();

  @BeforeAll
  static void users() {
    server.addUser("ed", Role.EDITOR);
  }

  @Test
  void nobodyGets401WithABearerChallengeAndAProblem() {
    HttpResponse<String> answer = server.get("/api/tasks");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"task-manager\"");
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body()).contains("\"type\":\"urn:task-manager:problem:unauthorized\"", "Authorization: Bearer");
  }

  @Test
  void aWriteTokenReadsAndWrites() {
    String token = server.token("ed", Scope.WRITE);

    assertThat(call("POST", "/api/tasks", token, "{\"title\":\"By token\"}").statusCode()).isEqualTo(201);
    assertThat(call("GET", "/api/tasks", token, null).body()).contains("By token");
  }

  @Test
  void aTaskNamesWhoCreatedItAndWhoChangedItLastOnTheApiAndThePage() {
    server.addUser("ann", Role.EDITOR);
    String token = server.token("ed", Scope.WRITE);
    HttpResponse<String> created = call("POST", "/api/tasks", token, "{\"title\":\"Shared\"}");
    assertThat(created.body()).contains("\"created_by\":\"ed\"", "\"updated_by\":\"ed\"");
    String id = created.headers().firstValue("Location").orElseThrow().replace("/api/tasks/", "");

    server.signInAs("ann");
    server.postForm("/tasks/" + id + "/done", Map.of());

    HttpResponse<String> read = call("GET", "/api/tasks/" + id, token, null);
    assertThat(read.body()).contains("\"created_by\":\"ed\"", "\"updated_by\":\"ann\"");
    assertThat(server.page("/tasks/" + id).select("p.hint").text()).contains("by ed", "by ann");
    HttpResponse<String> spoofed = call("PATCH", "/api/tasks/" + id, token, "{\"updated_by\":\"someone else\"}");
    assertThat(spoofed.statusCode()).isEqualTo(400);
    assertThat(spoofed.body()).contains("is set by the server");
  }

  @Test
  void aReadTokenReadsButGets403OnWrites() {
    String token = server.token("ed", Scope.READ);

    assertThat(call("GET", "/api/tasks", token, null).statusCode()).isEqualTo(200);
    HttpResponse<String> write = call("POST", "/api/tasks", token, "{\"title\":\"Refused\"}");
    assertThat(write.statusCode()).isEqualTo(403);
    assertThat(write.body()).contains("scope is read");
    assertThat(server.store.count()).isZero();
  }

  @Test
  void everyDeleteIsLoggedNamingTheUser() throws InterruptedException {
    String token = server.token("ed", Scope.WRITE);
    long id = server.given("Doomed", 1).id();
    server.given("Twin", 1);
    server.given("Twin", 1);

    assertThat(call("DELETE", "/api/tasks/" + id, token, null).statusCode()).isEqualTo(204);
    assertThat(call("DELETE", "/api/tasks?title=Twin", token, null).statusCode()).isEqualTo(403);

    assertThat(server.log.once("ed deleted task " + id)).contains("ed deleted task " + id)
        .doesNotContain("tasks titled");
  }

  @Test
  void aRevokedTokenIsRefused() {
    String token = server.token("ed", Scope.WRITE);
    new Tokens(server.tokens, server.users, Clock.systemUTC()).revoke(token);

    HttpResponse<String> answer = call("GET", "/api/tasks", token, null);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue(
        "Bearer realm=\"task-manager\", error=\"invalid_token\"");
  }

  @Test
  void anExpiredTokenIsRefused() {
    Clock tenDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(10)), ZoneOffset.UTC);
    new Accounts(server.users, server.tokens, new Argon2Passwords(), tenDaysAgo)
        .add("old", Role.EDITOR, TestServer.PASSWORD.toCharArray());
    String token = new Tokens(server.tokens, server.users, tenDaysAgo)
        .create("old", Scope.WRITE, Optional.of(Duration.ofDays(1))).text();

    assertThat(call("GET", "/api/tasks", token, null).statusCode()).isEqualTo(401);
  }

  @Test
  void anythingButABearerTokenIsRefused() {
    for (String authorization : new String[] {"Basic ZWQ6cGFzc3dvcmQ=", "Bearer", "Bearer tmt_nonsense",
        "Bearer " + "x".repeat(5000), "bearer tmt_0123456789ab_" + "A".repeat(43)}) {
      HttpResponse<String> answer = server.send(HttpRequest.newBuilder(server.uri("/api/tasks"))
          .header("Authorization", authorization).GET().build());
      assertThat(answer.statusCode()).as(authorization).isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer realm=");
    }
  }

  @Test
  void thePageNeverTakesATokenInsteadOfASession() {
    String token = server.token("ed", Scope.WRITE);

    HttpResponse<String> page = server.send(HttpRequest.newBuilder(server.uri("/"))
        .header("Authorization", "Bearer " + token).GET().build());

    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/sign-in");
  }

  @Test
  void thePagesSessionReadsTheApiButWritesOnlyWithItsCsrfToken() {
    server.signInAs("ed");
    String csrf = server.page("/").select("meta[name=csrf-token]").attr("content");

    assertThat(server.get("/api/tasks").statusCode()).isEqualTo(200);
    HttpResponse<String> withoutToken = server.json("POST", "/api/tasks", "{\"title\":\"No token\"}");
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.body()).contains("X-CSRF-Token");
    HttpResponse<String> withToken = server.send(HttpRequest.newBuilder(server.uri("/api/tasks"))
        .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
        .POST(BodyPublishers.ofString("{\"title\":\"With token\"}")).build());
    assertThat(withToken.statusCode()).isEqualTo(201);
    assertThat(server.store.count()).isEqualTo(1);
  }

  private static HttpResponse<String> call(String method, String path, String token, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + token);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return server.send(request.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json))
        .build());
  }
}
