package dev.taskmanager.web;

import static dev.taskmanager.web.calendar.ICalendars.eventsOf;
import static dev.taskmanager.web.calendar.ICalendars.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.account.Scope;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskPatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.component.VEvent;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A person's calendar feed: made on the account page, fetched by a calendar app with the URL alone. */
class CalendarFeedTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  @RegisterExtension
  static final TestServer server = TestServer.start();

  @BeforeAll
  static void users() {
    server.addUser("vera", Role.VIEWER);
  }

  @Test
  void theFeedHoldsTheOpenTasksWithADueDateEarliestFirst() throws Exception {
    server.store.create(new TaskDraft("Pay rent", "to the landlord", 2, LocalDate.of(2026, 12, 24), List.of("home")), NOW);
    server.store.create(new TaskDraft("No date", "", 9), NOW);
    long done = server.store.create(new TaskDraft("Done already", "", 1, LocalDate.of(2026, 12, 1), List.of()), NOW).id();
    server.store.update(done, TaskPatch.none().withDone(true), NOW);
    server.store.create(new TaskDraft("Overdue", "", 1, LocalDate.of(2026, 11, 2), List.of()), NOW);

    HttpResponse<String> feed = fetch(newFeedUrl("vera"));

    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type")).contains("text/calendar; charset=utf-8");
    List<VEvent> events = eventsOf(feed.body());
    assertThat(events).extracting(event -> value(event, "SUMMARY")).containsExactly("Overdue", "Pay rent");
    assertThat(events).extracting(event -> value(event, "DTSTART")).containsExactly("20261102", "20261224");
    assertThat(value(events.get(1), "URL")).startsWith(server.uri("/tasks/").toString());
    assertThat(feed.body()).contains("X-WR-CALNAME:Tasks of vera");
  }

  @Test
  void aNewUrlReplacesTheOldOneWhichThenFindsNothing() throws Exception {
    String first = newFeedUrl("vera");
    HttpResponse<String> made = server.postForm("/account/calendar", Map.of());
    String second = Jsoup.parse(made.body()).select("#new-calendar-url").text();

    assertThat(made.body()).contains("The previous one no longer works.");
    assertThat(second).isNotEqualTo(first);
    assertThat(fetch(first).statusCode()).isEqualTo(404);
    assertThat(fetch(second).statusCode()).isEqualTo(200);
    assertThat(server.page("/account").select("#calendar-heading ~ p").text()).contains("last fetched");
  }

  @Test
  void aStoppedFeedFindsNothingAndTheAccountPageOffersANewOne() throws Exception {
    String url = newFeedUrl("vera");

    HttpResponse<String> stopped = server.postForm("/account/calendar/stop", Map.of());

    assertThat(stopped.statusCode()).isEqualTo(303);
    HttpResponse<String> gone = fetch(url);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.body()).contains("its URL was replaced or stopped").doesNotContain("BEGIN:VCALENDAR");
    assertThat(server.get("/account").body()).contains("Calendar feed stopped: its URL no longer works.",
        "You have no calendar feed.", "Make a calendar URL");
  }

  @Test
  void onlyACalendarTokenOpensTheFeedAndACalendarTokenOpensNothingElse() throws Exception {
    String url = newFeedUrl("vera");
    String calendarToken = URI.create(url).getQuery().substring("token=".length());
    String apiToken = server.token("vera", Scope.READ);

    assertThat(fetch(server.uri("/calendar.ics?token=" + apiToken).toString()).statusCode()).isEqualTo(404);
    assertThat(fetch(server.uri("/calendar.ics").toString()).statusCode()).isEqualTo(404);
    assertThat(fetch(server.uri("/calendar.ics?token=tmt_000000000000_" + "A".repeat(43)).toString()).statusCode())
        .isEqualTo(404);
    HttpResponse<String> onTheApi = server.send(HttpRequest.newBuilder(server.uri("/api/tasks"))
        .header("Authorization", "Bearer " + calendarToken).GET().build());
    assertThat(onTheApi.statusCode()).isEqualTo(401);
    assertThat(onTheApi.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).contains("invalid_token"));
    assertThat(onTheApi.body()).contains("calendar feed");
  }

  @Test
  void theAccessLogNamesTheFeedsPathButNeverItsToken() throws Exception {
    String url = newFeedUrl("vera");
    String token = URI.create(url).getQuery().substring("token=".length());

    fetch(url);

    assertThat(server.log.once("GET /calendar.ics 200")).contains("GET /calendar.ics 200 ")
        .doesNotContain(token.substring(17));
  }

  @Test
  void theCalendarTokenIsNotListedAmongTheApiTokens() {
    String url = newFeedUrl("vera");
    String id = URI.create(url).getQuery().substring("token=tmt_".length(), "token=tmt_".length() + 12);

    assertThat(server.page("/account").select("table.tokens td:first-child").eachText()).doesNotContain(id);
    assertThat(server.get("/account").body()).contains("last fetched never");
  }

  /** Signs in as the user and makes their feed on the account page; the URL it shows, once. */
  private static String newFeedUrl(String user) {
    server.newSession();
    server.signInAs(user);
    HttpResponse<String> made = server.postForm("/account/calendar", Map.of());
    assertThat(made.statusCode()).describedAs(made.body()).isEqualTo(201);
    String url = Jsoup.parse(made.body()).select("#new-calendar-url").text();
    assertThat(url).matches(java.util.regex.Pattern.quote(server.uri("/calendar.ics").toString())
        + "\\?token=tmt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    return url;
  }

  /** As a calendar app fetches: no cookie, no header, the URL alone. */
  private static HttpResponse<String> fetch(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
