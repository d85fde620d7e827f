package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON API over HTTP: every route, and every error status it documents. */
class ApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final TestServer server = TestServer.start();

  @Test
  void createsATaskWith201AndItsLocation() throws Exception {
    HttpResponse<String> response = server.json("POST", "/api/tasks",
        "{\"title\": \"  Write the report \", \"shortdesc\": \"Due Friday\", \"priority\": 5}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).hasValue("/api/tasks/0");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode task = JSON.readTree(response.body());
    String created = task.get("created_at").asText();
    assertThat(Instant.parse(created)).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    assertThat(task).isEqualTo(JSON.readTree("{\"id\": 0, \"title\": \"Write the report\", \"shortdesc\": \"Due Friday\","
        + " \"priority\": 5, \"done\": false, \"done_at\": null, \"created_at\": \"" + created + "\","
        + " \"updated_at\": \"" + created + "\", \"due\": null, \"tags\": [], \"created_by\": null,"
        + " \"updated_by\": null}"));
  }

  @Test
  void createsWithADueDayAndTagsAndFindsThemWithAQuery() throws Exception {
    HttpResponse<String> response = server.json("POST", "/api/tasks",
        "{\"title\": \"Wrap presents\", \"due\": \"2026-12-24\", \"tags\": [\"Home\", \"family\"]}");
    server.given("Other", 1);

    JsonNode task = JSON.readTree(response.body());
    assertThat(task.get("due").asText()).isEqualTo("2026-12-24");
    assertThat(task.get("tags").toString()).isEqualTo("[\"family\",\"home\"]");
    assertThat(ids(JSON.readTree(server.get("/api/tasks?q=" + encode("tag:home due<=2026-12-24")).body())))
        .containsExactly(0L);
  }

  @Test
  void completesAndReopensWithPatch() throws Exception {
    server.given("Pay rent", 1);

    JsonNode done = JSON.readTree(server.json("PATCH", "/api/tasks/0", "{\"done\": true}").body());
    JsonNode listedOpen = JSON.readTree(server.get("/api/tasks").body());
    JsonNode listedDone = JSON.readTree(server.get("/api/tasks?q=is:done").body());
    JsonNode reopened = JSON.readTree(server.json("PATCH", "/api/tasks/0", "{\"done\": false}").body());

    assertThat(done.get("done").asBoolean()).isTrue();
    assertThat(done.get("done_at").isTextual()).isTrue();
    assertThat(ids(listedOpen)).isEmpty();
    assertThat(ids(listedDone)).containsExactly(0L);
    assertThat(reopened.get("done").asBoolean()).isFalse();
    assertThat(reopened.get("done_at").isNull()).isTrue();
  }

  @Test
  void patchRemovesTheDueDayAndTagsWithNull() throws Exception {
    server.json("POST", "/api/tasks", "{\"title\": \"Plan\", \"due\": \"2027-01-05\", \"tags\": [\"travel\"]}");

    JsonNode patched = JSON.readTree(server.json("PATCH", "/api/tasks/0", "{\"due\": null, \"tags\": null}").body());

    assertThat(patched.get("due").isNull()).isTrue();
    assertThat(patched.get("tags").size()).isZero();
  }

  @Test
  void createsWithDefaultsWhenOptionalFieldsAreAbsentOrNull() throws Exception {
    HttpResponse<String> response = server.json("POST", "/api/tasks",
        "{\"title\": \"Only a title\", \"shortdesc\": null}");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode task = JSON.readTree(response.body());
    assertThat(task.get("shortdesc").asText()).isEmpty();
    assertThat(task.get("priority").asInt()).isZero();
  }

  @Test
  void getsATaskById() throws Exception {
    server.given("First", 1);
    server.given("Second", 2);

    HttpResponse<String> response = server.get("/api/tasks/1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("title").asText()).isEqualTo("Second");
  }

  @Test
  void answers404ProblemForAnUnknownTask() throws Exception {
    HttpResponse<String> response = server.get("/api/tasks/42");

    assertProblem(response, 404, "task-not-found");
    assertThat(JSON.readTree(response.body()).get("detail").asText()).isEqualTo("Task 42 does not exist.");
  }

  @Test
  void listsAPageWithCursorsBothWays() throws Exception {
    for (int i = 0; i < 120; i++) {
      server.given("Task " + i, i % 7);
    }

    String byId = "/api/tasks?q=sort:id&limit=50";
    JsonNode first = JSON.readTree(server.get(byId).body());
    JsonNode second = JSON.readTree(server.get(byId + "&cursor=" + first.get("nextCursor").asText()).body());
    JsonNode third = JSON.readTree(server.get(byId + "&cursor=" + second.get("nextCursor").asText()).body());
    JsonNode back = JSON.readTree(server.get(byId + "&cursor=" + second.get("previousCursor").asText()).body());

    assertThat(ids(first)).hasSize(50).startsWith(0L).endsWith(49L);
    assertThat(first.get("previousCursor").isNull()).isTrue();
    assertThat(ids(second)).startsWith(50L).endsWith(99L);
    assertThat(ids(third)).hasSize(20).endsWith(119L);
    assertThat(third.get("nextCursor").isNull()).isTrue();
    assertThat(ids(back)).isEqualTo(ids(first));
  }

  @Test
  void sortsByPriorityDescendingAndFiltersByWords() throws Exception {
    server.given("Buy milk", 1);
    server.given("Buy bread", 9);
    server.given("Call mum", 5);

    JsonNode page = JSON.readTree(server.get("/api/tasks?q=" + encode("BUY sort:-priority")).body());

    assertThat(ids(page)).containsExactly(1L, 0L);
  }

  @Test
  void patchesOnlyTheFieldsGiven() throws Exception {
    server.given("Original", 3);

    HttpResponse<String> response = server.json("PATCH", "/api/tasks/0", "{\"shortdesc\": \"added\", \"priority\": null}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode task = JSON.readTree(response.body());
    assertThat(List.of(task.get("title").asText(), task.get("shortdesc").asText(), task.get("priority").asInt()))
        .containsExactly("Original", "added", 3);
  }

  @Test
  void patchAcceptsTheMergePatchMediaType() {
    server.given("Original", 3);

    HttpResponse<String> response = server.json("PATCH", "/api/tasks/0", "application/merge-patch+json; charset=utf-8",
        "{\"title\": \"Renamed\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(server.store.get(0).orElseThrow().title()).isEqualTo("Renamed");
  }

  @Test
  void patchOfAnUnknownTaskIs404() {
    assertProblem(server.json("PATCH", "/api/tasks/9", "{\"title\": \"x\"}"), 404, "task-not-found");
  }

  @Test
  void deletesATaskWith204AndThenItIsGone() {
    server.given("Doomed", 0);

    assertThat(server.json("DELETE", "/api/tasks/0", null).statusCode()).isEqualTo(204);
    assertProblem(server.get("/api/tasks/0"), 404, "task-not-found");
    assertProblem(server.json("DELETE", "/api/tasks/0", null), 404, "task-not-found");
  }

  @Test
  void deletesByTitleAndSaysHowMany() throws Exception {
    server.given("Same", 0);
    server.given("Same", 1);
    server.given("Other", 2);

    HttpResponse<String> response = server.json("DELETE", "/api/tasks?title=Same", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"title\": \"Same\", \"deleted\": 2}"));
    assertThat(server.store.count()).isEqualTo(1);
  }

  @Test
  void deleteByTitleNeedsATitle() throws Exception {
    server.given("Keep", 0);

    HttpResponse<String> response = server.json("DELETE", "/api/tasks", null);

    assertProblem(response, 400, "invalid-input");
    assertThat(JSON.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("title");
    assertThat(server.store.count()).isEqualTo(1);
  }

  @Test
  void resetsOnlyWhenConfirmed() throws Exception {
    server.given("One", 0);
    server.given("Two", 0);

    HttpResponse<String> unconfirmed = server.json("POST", "/api/tasks/reset", "{}");
    assertProblem(unconfirmed, 400, "invalid-input");
    assertThat(JSON.readTree(unconfirmed.body()).at("/errors/0/field").asText()).isEqualTo("confirm");
    assertProblem(server.json("POST", "/api/tasks/reset", "{\"confirm\": \"true\"}"), 400, "invalid-input");
    assertThat(server.store.count()).isEqualTo(2);

    assertThat(server.json("POST", "/api/tasks/reset", "{\"confirm\": true}").statusCode()).isEqualTo(204);
    assertThat(server.store.count()).isZero();
    HttpResponse<String> created = server.json("POST", "/api/tasks", "{\"title\": \"Fresh\"}");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/tasks/0");
  }

  @Test
  void writesNeedTheJsonContentType() {
    assertProblem(server.json("POST", "/api/tasks", "text/plain", "{\"title\": \"x\"}"), 415, "unsupported-media-type");
    assertProblem(server.json("POST", "/api/tasks", null, "{\"title\": \"x\"}"), 415, "unsupported-media-type");
    assertProblem(server.json("POST", "/api/tasks", ";", "{\"title\": \"x\"}"), 415, "unsupported-media-type");
    assertProblem(server.json("POST", "/api/tasks", "application/x-www-form-urlencoded", "title=x"), 415,
        "unsupported-media-type");
    assertProblem(server.json("POST", "/api/tasks", "application/json; charset=iso-8859-1", "{\"title\": \"x\"}"), 415,
        "unsupported-media-type");
    assertProblem(server.json("PATCH", "/api/tasks/0", "text/plain", "{}"), 415, "unsupported-media-type");
    assertProblem(server.json("POST", "/api/tasks/reset", "text/plain", "{\"confirm\": true}"), 415,
        "unsupported-media-type");
    assertThat(server.store.count()).isZero();
  }

  @Test
  void answers405WithAllowForAWrongMethod() {
    HttpResponse<String> onTask = server.json("PUT", "/api/tasks/1", "{}");
    assertProblem(onTask, 405, "method-not-allowed");
    assertThat(onTask.headers().firstValue("Allow")).hasValue("DELETE, GET, HEAD, PATCH");

    HttpResponse<String> onCollection = server.json("PUT", "/api/tasks", "{}");
    assertThat(onCollection.headers().firstValue("Allow")).hasValue("DELETE, GET, HEAD, POST");

    HttpResponse<String> onEmptyId = server.json("POST", "/api/tasks/", "{}");
    assertProblem(onEmptyId, 405, "method-not-allowed");
    assertThat(onEmptyId.headers().firstValue("Allow")).hasValue("DELETE, GET, HEAD, PATCH");

    HttpResponse<String> onHealth = server.json("POST", "/health/live", "{}");
    assertProblem(onHealth, 405, "method-not-allowed");
    assertThat(onHealth.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void answers404ProblemForAnUnknownAddress() {
    assertProblem(server.get("/api/nothing-here"), 404, "not-found");
    assertProblem(server.get("/api/tasks/1/more"), 404, "not-found");
  }

  @Test
  void answers413ForABodyOver64KiB() {
    String big = "{\"title\": \"" + "a".repeat(70 * 1024) + "\"}";

    assertProblem(server.json("POST", "/api/tasks", big), 413, "body-too-large");
    assertThat(server.store.count()).isZero();
  }

  @Test
  void aRefusedBodyNeverLeaksIntoTheNextRequestOnTheConnection() {
    server.given("Kept", 0);
    String big = "{\"title\": \"" + "a".repeat(70 * 1024) + "\"}";

    for (int round = 0; round < 10; round++) {
      assertThat(server.json("POST", "/api/tasks", big).statusCode()).isEqualTo(413);
      assertThat(server.json("PATCH", "/api/tasks/x", "{\"title\": \"" + "b".repeat(30_000) + "\"}").statusCode())
          .isEqualTo(400);
      assertThat(server.json("DELETE", "/api/tasks/99", null).statusCode()).isEqualTo(404);
      assertThat(server.get("/api/tasks/0").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void answers503WhenTheStoreIsDownAndRecovers() {
    server.store.goDown();

    HttpResponse<String> response = server.get("/api/tasks");
    assertProblem(response, 503, "store-unavailable");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertProblem(server.json("POST", "/api/tasks", "{\"title\": \"x\"}"), 503, "store-unavailable");

    server.store.comeBack();
    assertThat(server.get("/api/tasks").statusCode()).isEqualTo(200);
  }

  @Test
  void answers500WithAGenericProblemForAnUnexpectedError() throws Exception {
    server.store.breakWith(() -> new IllegalStateException("secret internals"));

    HttpResponse<String> response = server.get("/api/tasks/0");

    assertProblem(response, 500, "internal-error");
    assertThat(response.body()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
  }

  @Test
  void problemsHaveEveryMemberOfRfc9457() throws Exception {
    HttpResponse<String> response = server.json("POST", "/api/tasks", "{\"title\": \"\", \"priority\": \"high\"}");

    JsonNode problem = JSON.readTree(response.body());
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(problem.get("type").asText()).isEqualTo("urn:task-manager:problem:invalid-input");
    assertThat(problem.get("title").asText()).isEqualTo("Invalid input");
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asText()).isNotBlank();
    assertThat(problem.get("instance").asText()).isEqualTo("/api/tasks");
    assertThat(problem.get("errors")).hasSize(2);
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("title");
    assertThat(problem.at("/errors/0/problem").asText()).isEqualTo("is empty");
    assertThat(problem.at("/errors/0/accepted").asText()).isEqualTo("1 to 200 characters, no control characters");
    assertThat(problem.at("/errors/1/field").asText()).isEqualTo("priority");
  }

  @Test
  void reportsTheCoreMessagesForRuleViolations() throws Exception {
    HttpResponse<String> response = server.json("POST", "/api/tasks", "{\"title\": \"ok\", \"priority\": 1001}");

    assertThat(JSON.readTree(response.body()).at("/errors/0/problem").asText()).isEqualTo("1001 is out of range");
    assertThat(JSON.readTree(response.body()).at("/errors/0/accepted").asText())
        .isEqualTo("a whole number from 0 to 1000 (empty means 0)");
  }

  @Test
  void refusesUnknownQueryParameters() throws Exception {
    HttpResponse<String> response = server.get("/api/tasks?sortby=priority");

    assertProblem(response, 400, "invalid-input");
    assertThat(JSON.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("sortby");
  }

  @Test
  void servesTheOpenApiDocument() throws Exception {
    HttpResponse<String> response = server.get("/api/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(JSON.readTree(response.body()).get("openapi").asText()).isEqualTo("3.1.0");
  }

  @Test
  void logsOneLinePerRequest() throws InterruptedException {
    server.get("/api/tasks/77");

    assertThat(server.log.once("GET /api/tasks/77 404"))
        .containsPattern("(?m)^GET /api/tasks/77 404 \\d+\\.\\dms client=127\\.0\\.0\\.1$");
  }

  static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).describedAs(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    try {
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.get("type").asText()).isEqualTo("urn:task-manager:problem:" + type);
      assertThat(problem.get("status").asInt()).isEqualTo(status);
      assertThat(problem.get("detail").asText()).isNotBlank()
          .doesNotContain("Exception").doesNotContain("com.fasterxml").doesNotContain("java.");
    } catch (java.io.IOException notJson) {
      throw new AssertionError("not JSON: " + response.body(), notJson);
    }
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(task -> ids.add(task.get("id").asLong()));
    return ids;
  }

  @Test
  void aDeletedTaskIsListedAndRestoredUnderItsId() throws Exception {
    server.given("Oops", 5);

    assertThat(server.json("DELETE", "/api/tasks/0", null).statusCode()).isEqualTo(204);
    JsonNode deleted = JSON.readTree(server.get("/api/deleted-tasks").body()).get("items");
    HttpResponse<String> withoutBody = server.json("POST", "/api/tasks/0/restore", null);
    HttpResponse<String> restored = server.json("POST", "/api/tasks/0/restore", "{}");
    HttpResponse<String> again = server.json("POST", "/api/tasks/0/restore", "{}");

    assertThat(deleted).hasSize(1);
    assertThat(deleted.get(0).get("task").get("title").asText()).isEqualTo("Oops");
    assertThat(deleted.get(0).get("deleted_at").isTextual()).isTrue();
    assertThat(withoutBody.statusCode()).describedAs("a JSON body, which no other site can send").isEqualTo(400);
    assertThat(restored.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(restored.body()).get("id").asLong()).isZero();
    assertProblem(again, 404, "task-not-found");
    assertThat(server.store.get(0)).isPresent();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
