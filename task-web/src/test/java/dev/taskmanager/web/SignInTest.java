package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.account.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The page's sign-in, its session cookie, and what each role sees. */
class SignInTest {

  @RegisterExtension
  static final TestServer server = TestServer.start();

  @BeforeAll
  static void users() {
    server.addUser("vera", Role.VIEWER);
    server.addUser("ed", Role.EDITOR);
    server.addUser("ada", Role.ADMIN);
  }

  @Test
  void nobodySignedInIsSentToSignInAndBackToThePageAskedFor() {
    HttpResponse<String> asked = server.get("/deleted?x=1");

    assertThat(asked.statusCode()).isEqualTo(303);
    assertThat(asked.headers().firstValue("Location")).hasValue("/sign-in?next=%2Fdeleted%3Fx%3D1");
    Document form = server.page("/sign-in?next=%2Fdeleted%3Fx%3D1");
    assertThat(form.select("input[name=next]").val()).isEqualTo("/deleted?x=1");
    HttpResponse<String> signedIn = server.postRawForm("/sign-in", TestServer.encode(Map.of(
        "csrf", form.select("input[name=csrf]").val(), "name", "Ed", "password", TestServer.PASSWORD,
        "next", "/deleted?x=1")));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location")).hasValue("/deleted?x=1");
    assertThat(server.get("/deleted?x=1").statusCode()).isEqualTo(200);
    assertThat(server.page("/").select(".who .user").text()).isEqualTo("ed editor");
  }

  @Test
  void signInNeverSendsAnywhereElse() {
    for (String next : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)")) {
      server.newSession();
      Document form = server.page("/sign-in");
      HttpResponse<String> signedIn = server.postRawForm("/sign-in", TestServer.encode(Map.of(
          "csrf", form.select("input[name=csrf]").val(), "name", "ed", "password", TestServer.PASSWORD, "next", next)));
      assertThat(signedIn.headers().firstValue("Location")).as(next).hasValue("/");
    }
  }

  @Test
  void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() {
    HttpResponse<String> wrongPassword = server.signIn("ed", "not-the-password-at-all");
    server.newSession();
    HttpResponse<String> unknownName = server.signIn("nobody", TestServer.PASSWORD);

    assertThat(wrongPassword.statusCode()).isEqualTo(403);
    assertThat(unknownName.statusCode()).isEqualTo(403);
    assertThat(refusal(wrongPassword)).isEqualTo(refusal(unknownName)).isEqualTo("The name or the password is not right.");
    assertThat(wrongPassword.headers().allValues("Set-Cookie"))
        .noneMatch(cookie -> cookie.startsWith("task_session=") && !cookie.startsWith("task_session=;"));
    assertThat(server.get("/").statusCode()).isEqualTo(303);
  }

  @Test
  void failuresInARowAreThrottledWithRetryAfter() {
    // From an address of its own (through the trusted proxy), so that other tests' sign-ins go on.
    server.addUser("tess", Role.VIEWER);
    for (int i = 0; i < 5; i++) {
      assertThat(signInFrom("203.0.113.7", "tess", "wrong-password-" + i).statusCode()).isEqualTo(403);
    }

    // The wait after the fifth failure is a second: on a slow machine it may be over before the next
    // try, which then fails too and doubles it; some try soon meets one.
    HttpResponse<String> throttled = signInFrom("203.0.113.7", "tess", "wrong-again");
    for (int tries = 0; tries < 5 && throttled.statusCode() != 429; tries++) {
      throttled = signInFrom("203.0.113.7", "tess", "wrong-again");
    }

    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After").map(Integer::valueOf)).hasValueSatisfying(
        seconds -> assertThat(seconds).isBetween(1, 60));
    assertThat(refusal(throttled)).startsWith("Too many failed sign-ins. Wait ").endsWith(", then try again.");
    assertThat(server.get("/metrics").body()).contains("task_sign_ins_total{outcome=\"throttled\"}");
  }

  @Test
  void theSessionCookieIsHttpOnlyLaxAndExpiring() {
    server.addUser("cora", Role.VIEWER);
    HttpResponse<String> signedIn = server.signIn("cora", TestServer.PASSWORD);

    String cookie = signedIn.headers().allValues("Set-Cookie").stream()
        .filter(value -> value.startsWith("task_session=")).findFirst().orElseThrow();
    assertThat(cookie.toLowerCase(Locale.ROOT)).contains("httponly", "samesite=lax", "path=/", "max-age=28800")
        .doesNotContain("secure");
  }

  @Test
  void theSessionCookieIsSecureBehindHttps() {
    Document form = server.page("/sign-in");
    HttpResponse<String> signedIn = server.send(HttpRequest.newBuilder(server.uri("/sign-in"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Forwarded-For", "203.0.113.8")
        .header("X-Forwarded-Proto", "https")
        .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(Map.of(
            "csrf", form.select("input[name=csrf]").val(), "name", "ed", "password", TestServer.PASSWORD))))
        .build());

    assertThat(signedIn.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("task_session=")
        && cookie.toLowerCase(Locale.ROOT).contains("secure"));
  }

  @Test
  void signingOutEndsTheSession() {
    server.signInAs("ed");
    String csrf = server.csrf();

    HttpResponse<String> out = server.postRawForm("/sign-out", "csrf=" + csrf);

    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Location")).hasValue("/sign-in");
    assertThat(server.get("/").statusCode()).isEqualTo(303);
  }

  @Test
  void signingOutStillWorksAfterTheSessionHasEnded() throws Exception {
    server.addUser("sam", Role.VIEWER);
    server.signInAs("sam");
    String signOutToken = server.page("/").select("form[action=/sign-out] input[name=csrf]").val();
    Thread.sleep(5);
    server.accounts().changePassword("sam", "another-unusual-phrase-9361".toCharArray());

    HttpResponse<String> out = server.postRawForm("/sign-out", "csrf=" + signOutToken);

    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Location")).hasValue("/sign-in");
  }

  @Test
  void aSignInFormFromBeforeASignInElsewhereStillSignsIn() {
    String staleForm = server.page("/sign-in").select("input[name=csrf]").val();
    server.signInAs("ed");

    HttpResponse<String> again = server.postRawForm("/sign-in", TestServer.encode(Map.of("csrf", staleForm,
        "name", "vera", "password", TestServer.PASSWORD)));

    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(server.page("/").select(".who .user").text()).isEqualTo("vera viewer");
  }

  @Test
  void aFormOfNoSessionIsRefusedEverywhereButSigningInAndOut() {
    String noSession = server.page("/sign-in").select("input[name=csrf]").val();
    server.signInAs("ed");

    assertThat(server.postRawForm("/tasks", "csrf=" + noSession + "&title=Forged").statusCode()).isEqualTo(403);
  }

  @Test
  void aPasswordChangeEndsTheSessionsBeganBefore() throws Exception {
    server.addUser("pat", Role.EDITOR);
    server.signInAs("pat");
    assertThat(server.get("/").statusCode()).isEqualTo(200);

    Thread.sleep(5); // a change in a later millisecond than the sign-in
    server.accounts().changePassword("pat", "another-unusual-phrase-9361".toCharArray());

    HttpResponse<String> after = server.get("/");
    assertThat(after.statusCode()).isEqualTo(303);
    assertThat(after.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("task_session=;"));
    assertThat(server.page("/sign-in").select(".flash").text()).isEqualTo("Your session has ended. Sign in again.");
  }

  @Test
  void aRemovedUsersSessionEndsAndARoleChangeHoldsAtOnce() {
    server.addUser("rory", Role.EDITOR);
    server.signInAs("rory");
    assertThat(server.page("/").select("form[action=/tasks]")).hasSize(1);

    server.accounts().changeRole("rory", Role.VIEWER);
    assertThat(server.page("/").select("form[action=/tasks]")).isEmpty();

    server.accounts().remove("rory");
    assertThat(server.get("/").statusCode()).isEqualTo(303);
  }

  @Test
  void aSessionFromOneReplicaIsAcceptedByAnother() {
    try (TestServer other = server.replica()) {
      String cookie = server.signInAs("ed");
      HttpResponse<String> there = other.send(HttpRequest.newBuilder(other.uri("/"))
          .header("Cookie", cookie).GET().build());

      assertThat(there.statusCode()).isEqualTo(200);
      assertThat(there.body()).contains("Sign out");
    }
  }

  @Test
  void aForgedOrForeignCookieIsNoSession() {
    String real = server.signInAs("ada");
    String value = real.substring(real.indexOf('=') + 1);
    String[] parts = value.split("\\.");
    String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(java.util.Base64.getUrlDecoder().decode(parts[0])).replace("ada", "ed").getBytes()) + "." + parts[1];

    for (String cookie : List.of("task_session=" + forged, "task_session=" + parts[0], "task_session=x.y",
        "task_session=" + "a".repeat(600))) {
      HttpResponse<String> answer = server.send(HttpRequest.newBuilder(server.uri("/")).header("Cookie", cookie)
          .GET().build());
      assertThat(answer.statusCode()).as(cookie).isEqualTo(303);
    }
  }

  @Test
  void aFormOfOneSessionIsRefusedInAnother() {
    server.signInAs("ed");
    String token = server.csrf();
    server.newSession();
    server.signInAs("ed");

    assertThat(server.postRawForm("/tasks", "csrf=" + token + "&title=Stolen").statusCode()).isEqualTo(403);
    assertThat(server.postRawForm("/tasks", "csrf=" + server.csrf() + "&title=Mine").statusCode()).isEqualTo(303);
  }

  @Test
  void eachRoleSeesOnlyWhatItMayDo() {
    long id = server.given("Read me", 1).id();

    server.signInAs("vera");
    Document list = server.page("/");
    assertThat(list.select("form[action=/tasks], #row-actions, form[action=/delete-by-title], a[href=/reset]")).isEmpty();
    Document task = server.page("/tasks/" + id);
    assertThat(task.select("form")).extracting(form -> form.attr("action")).containsExactly("/sign-out");
    assertThat(task.select("dl.task-view dd").first().text()).isEqualTo("Read me");

    server.newSession();
    server.signInAs("ed");
    list = server.page("/");
    assertThat(list.select("form[action=/tasks], #row-actions")).hasSize(2);
    assertThat(list.select("form[action=/delete-by-title], a[href=/reset]")).isEmpty();

    server.newSession();
    server.signInAs("ada");
    assertThat(server.page("/").select("form[action=/delete-by-title], a[href=/reset]")).hasSize(2);
  }

  @Test
  void aViewerPostingAnywayGets403AndNothingChanges() {
    long id = server.given("Keep", 1).id();
    server.signInAs("vera");

    HttpResponse<String> deleted = server.postForm("/tasks/" + id + "/delete", Map.of());

    assertThat(deleted.statusCode()).isEqualTo(403);
    assertThat(html(deleted).select("h1").text()).isEqualTo("Your role does not allow this");
    assertThat(server.store.get(id)).isPresent();
  }

  @Test
  void theAccessLogNamesTheUserOfEachRequest() throws InterruptedException {
    server.signInAs("ed");
    server.get("/deleted");

    assertThat(server.log.once("GET /deleted 200"))
        .containsPattern("(?m)^POST /sign-in 303 \\S+ client=127\\.0\\.0\\.1 user=ed$")
        .containsPattern("(?m)^GET /deleted 200 \\S+ client=127\\.0\\.0\\.1 user=ed$");
  }

  @Test
  void anAdminsDeleteByTitleAndResetAreLoggedNamingThem() throws InterruptedException {
    server.given("Twin", 1);
    server.given("Twin", 2);
    server.signInAs("ada");

    server.postForm("/delete-by-title", Map.of("title", "Twin"));
    server.postForm("/reset", Map.of("confirm", "yes"));

    assertThat(server.log.once("ada reset the store"))
        .contains("ada deleted 2 tasks titled \"Twin\"", "ada reset the store: deleted every task");
  }

  @Test
  void theSignInPageSaysHowToCreateTheFirstAdminOnlyWhenThereIsNone() {
    assertThat(server.page("/sign-in").text()).doesNotContain("task user add");
  }

  private static HttpResponse<String> signInFrom(String address, String name, String password) {
    Document form = server.page("/sign-in");
    return server.send(HttpRequest.newBuilder(server.uri("/sign-in"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Forwarded-For", address)
        .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(Map.of(
            "csrf", form.select("input[name=csrf]").val(), "name", name, "password", password))))
        .build());
  }

  private static String refusal(HttpResponse<String> answer) {
    return html(answer).select("p.form-error").text();
  }

  private static Document html(HttpResponse<String> answer) {
    return org.jsoup.Jsoup.parse(answer.body());
  }
}
