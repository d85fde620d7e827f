package dev.taskmanager.web;

import static dev.taskmanager.web.ApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input on every field and parameter of the API: always a 4xx that says what is wrong, never a 5xx. */
class ApiBadInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEN_KB = "x".repeat(10_000);

  @RegisterExtension
  static final TestServer server = TestServer.start();

  @BeforeEach
  void oneTask() {
    server.given("Existing", 1);
  }

  @ParameterizedTest(name = "title {0}")
  @CsvSource(delimiter = '|', value = {
      "42                     | is a JSON number, not a string",
      "{\"$gt\": \"\"}        | is a JSON object, not a string",
      "[\"a\"]                | is a JSON array, not a string",
      "true                   | is a JSON boolean, not a string",
      "\"\"                   | is empty",
      "\"   \"                | is empty",
      "\"a\\u0007b\"          | contains the control character U+0007 at position 2",
      "\"a\\nb\"              | contains the control character U+000A at position 2",
      "\"\\ud800\"            | contains an invalid character (an unpaired surrogate) at position 1",
  })
  void refusesABadTitle(String json, String problem) throws Exception {
    expectFieldError("{\"title\": " + json + "}", "title", problem);
    expectFieldError("{\"title\": " + json + "}", "PATCH", "/api/tasks/0", "title", problem);
  }

  @Test
  void refusesATenKilobyteTitleAndDescription() throws Exception {
    expectFieldError("{\"title\": \"" + TEN_KB + "\"}", "title", "is 10000 characters long");
    expectFieldError("{\"title\": \"ok\", \"shortdesc\": \"" + TEN_KB + "\"}", "shortdesc", "is 10000 characters long");
  }

  @ParameterizedTest(name = "shortdesc {0}")
  @CsvSource(delimiter = '|', value = {
      "7                   | is a JSON number, not a string",
      "{\"$ne\": null}     | is a JSON object, not a string",
      "\"a\\u0000b\"       | contains the control character U+0000 at position 2",
  })
  void refusesABadDescription(String json, String problem) throws Exception {
    expectFieldError("{\"title\": \"ok\", \"shortdesc\": " + json + "}", "shortdesc", problem);
  }

  @ParameterizedTest(name = "priority {0}")
  @CsvSource(delimiter = '|', value = {
      "\"5\"                           | is a JSON string, not a number",
      "\"high\"                        | is a JSON string, not a number",
      "5.5                             | 5.5 is not a whole number",
      "1e3                             | 1000.0 is not a whole number",
      "-1                              | -1 is out of range",
      "1001                            | 1001 is out of range",
      "99999999999999999999999999      | 99999999999999999999999999 is out of range",
      "true                            | is a JSON boolean, not a number",
      "{\"$gt\": 0}                    | is a JSON object, not a number",
      "[1]                             | is a JSON array, not a number",
  })
  void refusesABadPriority(String json, String problem) throws Exception {
    expectFieldError("{\"title\": \"ok\", \"priority\": " + json + "}", "priority", problem);
    expectFieldError("{\"priority\": " + json + "}", "PATCH", "/api/tasks/0", "priority", problem);
  }

  @Test
  void refusesAHugeNumberWithoutParsingIt() {
    String digits = "9".repeat(5000);

    HttpResponse<String> response = server.json("POST", "/api/tasks", "{\"title\": \"ok\", \"priority\": " + digits + "}");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void refusesUnknownFieldsNamingThem() throws Exception {
    expectFieldError("{\"title\": \"ok\", \"priorty\": 3}", "priorty", "is not a field of a task");
    expectFieldError("{\"title\": \"ok\", \"id\": 3}", "id", "is set by the server");
    expectFieldError("{\"title\": \"ok\", \"done_at\": \"2026-12-01T00:00:00Z\"}", "done_at", "is set by the server");
  }

  @Test
  void refusesADueDayTagsOrDoneOfTheWrongShapeOrRules() throws Exception {
    expectFieldError("{\"title\": \"ok\", \"due\": \"tomorrow\"}", "due", "\"tomorrow\" is not a date");
    expectFieldError("{\"title\": \"ok\", \"due\": \"2026-02-30\"}", "due", "\"2026-02-30\" is not a day of the calendar");
    expectFieldError("{\"title\": \"ok\", \"due\": 20261224}", "due", "is a JSON number, not a string");
    expectFieldError("{\"title\": \"ok\", \"tags\": \"home\"}", "tags", "is a JSON string, not an array");
    expectFieldError("{\"title\": \"ok\", \"tags\": [1]}", "tags", "holds a JSON number, not a string");
    expectFieldError("{\"title\": \"ok\", \"tags\": [\"a b\"]}", "tags",
        "holds the tag \"a b\", which has characters a tag cannot have");
    expectFieldError("{\"title\": \"ok\", \"done\": \"yes\"}", "done", "is a JSON string, not a boolean");
    expectFieldError("{\"title\": \"ok\", \"done\": true}", "done", "is true on a new task");
    assertThat(server.store.count()).describedAs("the one each test starts with").isEqualTo(1);
  }

  @Test
  void reportsEveryProblemAtOnce() throws Exception {
    HttpResponse<String> response = server.json("POST", "/api/tasks",
        "{\"title\": 1, \"shortdesc\": \"" + "d".repeat(2001) + "\", \"priority\": \"x\", \"extra\": 0}");

    JsonNode errors = JSON.readTree(response.body()).get("errors");
    assertThat(errors).hasSize(4);
    assertThat(errors.findValuesAsText("field")).containsExactly("title", "shortdesc", "priority", "extra");
  }

  @ParameterizedTest(name = "body {0}")
  @MethodSource("dev.taskmanager.web.HostileValues#malformedJson")
  void refusesMalformedJsonWithAClearDetail(String body) throws Exception {
    HttpResponse<String> response = server.json("POST", "/api/tasks", body);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("detail").asText())
        .startsWith("The request body")
        .doesNotContain("Exception").doesNotContain("com.fasterxml").doesNotContain("java.").doesNotContain("Source");
  }

  @Test
  void refusesDeepNesting() {
    String deep = "{\"title\": " + "[".repeat(2000) + "]".repeat(2000) + "}";

    assertProblem(server.json("POST", "/api/tasks", deep), 400, "malformed-request");
  }

  @Test
  void namesTheRepeatedField() throws Exception {
    HttpResponse<String> response = server.json("POST", "/api/tasks", "{\"title\": \"a\", \"title\": \"b\"}");

    assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("\"title\"").contains("more than once");
  }

  @Test
  void refusesInvalidUtf8() {
    byte[] body = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    byte[] encodedSurrogate = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80,
        '"', '}'};

    assertProblem(server.postBytes("/api/tasks", "application/json", body), 400, "malformed-request");
    assertProblem(server.postBytes("/api/tasks", "application/json", encodedSurrogate), 400, "malformed-request");
  }

  @Test
  void keepsOperatorsAsLiteralText() throws Exception {
    HttpResponse<String> created = server.json("POST", "/api/tasks", "{\"title\": \"{\\\"$gt\\\": \\\"\\\"}\"}");
    assertThat(created.statusCode()).isEqualTo(201);

    HttpResponse<String> filtered = server.get("/api/tasks?q=" + URLEncoder.encode("{\"$gt\"", StandardCharsets.UTF_8));
    assertThat(JSON.readTree(filtered.body()).get("items")).hasSize(1);
    HttpResponse<String> deleted = server.json("DELETE", "/api/tasks?title=" + URLEncoder.encode("{\"$ne\": \"\"}",
        StandardCharsets.UTF_8), null);
    assertThat(JSON.readTree(deleted.body()).get("deleted").asInt()).isZero();
    assertThat(server.store.count()).isEqualTo(2);
  }

  @ParameterizedTest(name = "id {0}")
  @MethodSource("dev.taskmanager.web.HostileValues#badIds")
  void refusesAnIdThatIsNotAWholeNumber(String id) throws Exception {
    for (String method : new String[] {"GET", "PATCH", "DELETE"}) {
      HttpResponse<String> response = server.json(method, "/api/tasks/" + id, "{}");
      assertProblem(response, 400, "invalid-input");
      assertThat(JSON.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("id");
    }
  }

  @Test
  void refusesATenKilobyteId() {
    assertProblem(server.get("/api/tasks/" + "7".repeat(10_000)), 400, "invalid-input");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "limit=0                 | limit",
      "limit=501               | limit",
      "limit=abc               | limit",
      "limit=                  | ''",
      "q=sort:name             | q",
      "q=is:maybe              | q",
      "q=due%3Csoon            | q",
      "q=%22unclosed           | q",
      "q=%07                   | q",
      "sort=priority           | sort",
      "title-contains=milk     | title-contains",
      "cursor=garbage          | cursor",
      "limit=1&limit=2         | limit",
      "sort[$ne]=id            | sort[$ne]",
  })
  void refusesBadListParameters(String query, String field) throws Exception {
    HttpResponse<String> response = server.get("/api/tasks?" + query);

    if (field.isEmpty()) {
      assertThat(response.statusCode()).isEqualTo(200);
      return;
    }
    assertProblem(response, 400, "invalid-input");
    assertThat(JSON.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo(field);
  }

  @Test
  void refusesATenKilobyteQueryAndACursorOfAnotherOrder() throws Exception {
    assertProblem(server.get("/api/tasks?q=" + TEN_KB), 400, "invalid-input");
    for (int i = 0; i < 3; i++) {
      server.given("More " + i, i);
    }
    String cursor = JSON.readTree(server.get("/api/tasks?limit=1").body()).get("nextCursor").asText();

    HttpResponse<String> response = server.get("/api/tasks?limit=1&q=sort:priority&cursor=" + cursor);

    assertProblem(response, 400, "invalid-input");
    assertThat(JSON.readTree(response.body()).at("/errors/0/problem").asText())
        .isEqualTo("belongs to a listing in another order");
  }

  private static void expectFieldError(String body, String field, String problem) throws Exception {
    expectFieldError(body, "POST", "/api/tasks", field, problem);
  }

  private static void expectFieldError(String body, String method, String path, String field, String problem)
      throws Exception {
    HttpResponse<String> response = server.json(method, path, body);
    assertProblem(response, 400, "invalid-input");
    JsonNode errors = JSON.readTree(response.body()).get("errors");
    assertThat(errors.findValuesAsText("field")).describedAs(response.body()).contains(field);
    for (JsonNode error : errors) {
      if (error.get("field").asText().equals(field)) {
        assertThat(error.get("problem").asText()).isEqualTo(problem);
        assertThat(error.get("accepted").asText()).isNotBlank();
      }
    }
  }
}
