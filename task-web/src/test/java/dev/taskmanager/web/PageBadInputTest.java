package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input on every field of the page's forms: a 4xx page that says what is wrong, never a 5xx. */
class PageBadInputTest {

  @RegisterExtension
  static final TestServer server = TestServer.start();

  @BeforeEach
  void oneTask() {
    server.given("Existing", 1);
  }

  @ParameterizedTest(name = "priority \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "abc                              | Priority: \"abc\" is not a whole number.",
      "1.5                              | Priority: \"1.5\" is not a whole number.",
      "-1                               | Priority: -1 is out of range.",
      "1001                             | Priority: 1001 is out of range.",
      "99999999999999999999999999999999 | Priority: a huge number is out of range.",
      "0x10                             | Priority: \"0x10\" is not a whole number.",
  })
  void refusesABadPriorityOnCreateAndEdit(String priority, String message) {
    Document created = rejected(server.postForm("/tasks", Map.of("title", "ok", "priority", priority)));
    assertThat(created.selectFirst("#new-priority-error").text()).startsWith(message);
    assertThat(created.selectFirst("#new-priority").val()).isEqualTo(priority);

    Document edited = rejected(server.postForm("/tasks/0", Map.of("title", "ok", "priority", priority)));
    assertThat(edited.selectFirst("#priority-error").text()).startsWith(message);
  }

  @ParameterizedTest(name = "title {0}")
  @CsvSource(delimiter = '|', value = {
      "''                | Title is empty.",
      "'a\u0007b'        | Title contains the control character U+0007 at position 2.",
      "'line\nbreak'     | Title contains the control character U+000A at position 5.",
  })
  void refusesABadTitle(String title, String message) {
    Document page = rejected(server.postForm("/tasks", Map.of("title", title)));

    assertThat(page.selectFirst("#new-title-error").text()).startsWith(message);
  }

  @Test
  void refusesTenKilobyteValues() {
    String tenKb = "y".repeat(10_000);

    Document page = rejected(server.postForm("/tasks", Map.of("title", tenKb, "shortdesc", tenKb, "priority", tenKb)));

    assertThat(page.selectFirst("#new-title-error").text()).startsWith("Title is 10000 characters long.");
    assertThat(page.selectFirst("#new-shortdesc-error").text()).startsWith("Description is 10000 characters long.");
    assertThat(page.selectFirst("#new-priority-error").text()).startsWith("Priority: \"yyyy");
    assertThat(page.selectFirst("#new-title").val()).isEqualTo(tenKb);
  }

  @Test
  void refusesAControlCharacterInTheDescriptionButKeepsNewlinesAndTabs() {
    Document page = rejected(server.postForm("/tasks", Map.of("title", "ok", "shortdesc", "a\u001bb")));
    assertThat(page.selectFirst("#new-shortdesc-error").text()).startsWith("Description contains the control character U+001B");

    assertThat(server.postForm("/tasks", Map.of("title", "ok", "shortdesc", "a\n\tb")).statusCode()).isEqualTo(303);
  }

  @Test
  void missingFieldsMeanEmpty() {
    Document page = rejected(server.postForm("/tasks", Map.of()));

    assertThat(page.selectFirst("#new-title-error").text()).startsWith("Title is empty.");
    assertThat(page.select("#new-priority-error")).isEmpty();
  }

  @Test
  void repeatedFieldsAreRefused() {
    String body = "csrf=" + server.csrf() + "&title=one&title=two&priority=1";

    Document page = rejected(server.postRawForm("/tasks", body));

    assertThat(page.selectFirst("#new-title-error").text()).isEqualTo("Title was sent 2 times. Accepted: one value.");
    assertThat(server.store.count()).isEqualTo(1);
  }

  @Test
  void operatorLikeFieldNamesAreJustUnknownFields() {
    String body = "csrf=" + server.csrf() + "&title%5B%24ne%5D=&priority=1";

    Document page = rejected(server.postRawForm("/tasks", body));
    assertThat(page.selectFirst("#new-title-error").text()).startsWith("Title is empty.");

    String deleteBody = "csrf=" + server.csrf() + "&title%5B%24ne%5D=x";
    assertThat(server.postRawForm("/delete-by-title", deleteBody).statusCode()).isEqualTo(400);
    assertThat(server.store.count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taskmanager.web.HostileValues#invalidUtf8FormFields")
  void invalidUtf8Gets400(String field) {
    HttpResponse<String> response = server.postRawForm("/tasks", "csrf=" + server.csrf() + "&" + field);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(response.body()).text()).contains("not valid UTF-8");
  }

  @Test
  void rawBytesThatAreNotUtf8Get400() {
    byte[] body = ("csrf=" + server.csrf() + "&title=\u00ff").getBytes(StandardCharsets.ISO_8859_1);

    assertThat(server.postBytes("/tasks", "application/x-www-form-urlencoded", body).statusCode()).isEqualTo(400);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taskmanager.web.HostileValues#brokenPercentEncodings")
  void brokenPercentEncodingGets400(String field) {
    HttpResponse<String> response = server.postRawForm("/tasks", "csrf=" + server.csrf() + "&" + field);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(response.body()).text()).contains("not properly URL-encoded");
  }

  @Test
  void aBodyOver64KibGets413Page() {
    String body = "csrf=" + server.csrf() + "&title=" + "z".repeat(70 * 1024);

    HttpResponse<String> response = server.postRawForm("/tasks", body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("That was too much text");
  }

  @Test
  void aFormInAnotherContentTypeGets415Page() {
    HttpResponse<String> response = server.postBytes("/tasks", "application/json",
        "{\"title\": \"x\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
  }

  @Test
  void tooManyFieldsGet400() {
    StringBuilder body = new StringBuilder("csrf=" + server.csrf());
    for (int i = 0; i < 200; i++) {
      body.append("&f").append(i).append("=1");
    }

    assertThat(server.postRawForm("/tasks", body.toString()).statusCode()).isEqualTo(400);
  }

  @ParameterizedTest(name = "/tasks/{0}")
  @MethodSource("dev.taskmanager.web.HostileValues#badIds")
  void aBadIdInTheAddressGets400Page(String id) {
    HttpResponse<String> shown = server.get("/tasks/" + id);
    assertThat(shown.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(shown.body()).selectFirst(".problems").text()).startsWith("id: ");

    assertThat(server.postForm("/tasks/" + id, Map.of("title", "x")).statusCode()).isEqualTo(400);
    assertThat(server.postForm("/tasks/" + id + "/delete", Map.of()).statusCode()).isEqualTo(400);
  }

  @ParameterizedTest(name = "/?{0}")
  @MethodSource("dev.taskmanager.web.HostileValues#badListQueries")
  void badListParametersGet400Page(String query) {
    HttpResponse<String> response = server.get("/?" + query);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(response.body()).selectFirst(".problems li")).isNotNull();
  }

  @Test
  void aSearchThatCannotBeReadIsSaidUnderTheBoxWithStatus400() {
    Document page = rejected(server.get("/?q=" + URLEncoder.encode("tag:home due<soon", StandardCharsets.UTF_8)));

    assertThat(page.selectFirst("#search").attr("value")).isEqualTo("tag:home due<soon");
    assertThat(page.selectFirst("#search").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.selectFirst("#search-error").text()).isEqualTo("The search was not understood: the term"
        + " \"due<soon\" at position 10: \"soon\" is not a date. Accepted: a date as YYYY-MM-DD, today, tomorrow,"
        + " a weekday (the next one), or +N days or weeks as +3d or +2w.");
    assertThat(page.select("table.tasks")).isEmpty();
  }

  @Test
  void aTenKilobyteSearchGets400Page() {
    Document page = rejected(server.get("/?q=" + "q".repeat(10_000)));

    assertThat(page.selectFirst("#search-error").text()).contains("is 10000 characters long");
  }

  private static Document rejected(HttpResponse<String> response) {
    assertThat(response.statusCode()).describedAs(response.body()).isEqualTo(400);
    return Jsoup.parse(response.body());
  }
}
