package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.Scope;
import dev.taskmanager.web.RouteTable.Kind;
import dev.taskmanager.web.RouteTable.Route;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route of the route table, asked by every kind of caller: nobody, a viewer, an editor and an
 * admin (signed in on the page, with a write token on the API), and an admin's read token. Each
 * answer must be the one the route's role calls for: through the gate, a 403, or for nobody the
 * sign-in page (page) or a 401 (API). Derived from the table, so a new route is in the matrix.
 */
class RoleMatrixTest {

  @RegisterExtension
  static final TestServer server = TestServer.start();

  /** A caller of the matrix: signed in as {@code user} (or nobody), and the role they act with. */
  private record Caller(String label, String user, Scope scope, Optional<Role> actsAs) {}

  private static final List<Caller> CALLERS = List.of(
      new Caller("anonymous", null, null, Optional.empty()),
      new Caller("viewer", "vera", Scope.WRITE, Optional.of(Role.VIEWER)),
      new Caller("editor", "ed", Scope.WRITE, Optional.of(Role.EDITOR)),
      new Caller("admin", "ada", Scope.WRITE, Optional.of(Role.ADMIN)),
      new Caller("admin's read token", "ada", Scope.READ, Optional.of(Role.VIEWER)));

  @BeforeAll
  static void users() {
    server.addUser("vera", Role.VIEWER);
    server.addUser("ed", Role.EDITOR);
    server.addUser("ada", Role.ADMIN);
  }

  /** The routes anyone may use, named here rather than read from the table: a new one must be added on purpose. */
  private static final List<String> OPEN_TO_ANYONE = List.of("GET /sign-in", "POST /sign-in", "POST /sign-out",
      "GET /api/openapi.json", "GET /health/live", "GET /health/ready", "GET /metrics", "GET /static/app.css",
      "GET /favicon.svg", "GET /calendar.ics");

  @Test
  void onlyTheseRoutesAreOpenToAnyone() {
    assertThat(TestServer.routeTable().routes()).filteredOn(route -> route.role().isEmpty())
        .extracting(route -> route.method() + " " + route.template())
        .containsExactlyInAnyOrderElementsOf(OPEN_TO_ANYONE);
  }

  @Test
  void everyRouteAnswersEveryCallerAsItsRoleSays() {
    List<String> wrong = new ArrayList<>();
    int asked = 0;
    for (Caller caller : CALLERS) {
      server.newSession();
      if (caller.user() != null && caller.scope() == Scope.WRITE) {
        server.signInAs(caller.user());
      }
      String token = caller.user() == null ? null : server.token(caller.user(), caller.scope());
      for (Route route : TestServer.routeTable().routes()) {
        if (caller.scope() == Scope.READ && route.kind() != Kind.API || route.template().startsWith("/sign-")) {
          // Tokens are for the API (the page never takes them); signing in and out, which anyone
          // may do, have tests of their own (and signing out here would end the caller's session).
          continue;
        }
        HttpResponse<String> answer = ask(route, token);
        asked++;
        String expected = expected(route, caller);
        String got = outcome(answer);
        if (!expected.equals(got)) {
          wrong.add(route.method() + " " + route.template() + " as " + caller.label() + ": expected " + expected
              + ", got " + got + " (" + answer.statusCode() + ")");
        }
      }
    }
    assertThat(wrong).as("routes asked %d times", asked).isEmpty();
    assertThat(asked).isGreaterThan(100);
  }

  private static String expected(Route route, Caller caller) {
    if (route.role().isEmpty()) {
      return "through";
    }
    if (caller.actsAs().isEmpty()) {
      return route.kind() == Kind.API ? "401" : "sign-in";
    }
    return caller.actsAs().get().includes(route.role().get()) ? "through" : "403";
  }

  private static String outcome(HttpResponse<String> answer) {
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() == 303 && location.startsWith("/sign-in")) {
      return "sign-in";
    }
    if (answer.statusCode() == 401) {
      return answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer") ? "401" : "401 without a challenge";
    }
    if (answer.statusCode() == 403) {
      boolean byRole = answer.body().contains("Your role does not allow this")
          || answer.body().contains(":problem:forbidden\"");
      return byRole ? "403" : "403 for another reason: " + answer.body();
    }
    return answer.statusCode() < 500 ? "through" : "failed with " + answer.statusCode();
  }

  /** The route asked with a task to act on and a body it could take; on the API, with the token. */
  private static HttpResponse<String> ask(Route route, String token) {
    long id = server.given("Matrix", 1).id();
    String path = route.template().replace("{id}", Long.toString(id));
    if (route.method().equals("DELETE") && path.equals("/api/tasks")) {
      path += "?title=Nothing";
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
    if (route.kind() == Kind.API && token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (route.method().equals("GET")) {
      return server.send(request.GET().build());
    }
    if (route.kind() == Kind.PAGE) {
      String csrf = csrfOfThisSession();
      return server.send(request.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(BodyPublishers.ofString(TestServer.encode(Map.of("csrf", csrf, "title", "Matrix", "confirm", "no"))))
          .build());
    }
    return server.send(request.header("Content-Type", "application/json")
        .method(route.method(), BodyPublishers.ofString("{\"title\":\"Matrix\"}", StandardCharsets.UTF_8)).build());
  }

  /** A token of this session: the page's meta tag when signed in, else the sign-in form's. */
  private static String csrfOfThisSession() {
    var token = server.page("/").selectFirst("meta[name=csrf-token]");
    return token != null ? token.attr("content") : server.page("/sign-in").selectFirst("input[name=csrf]").val();
  }
}
