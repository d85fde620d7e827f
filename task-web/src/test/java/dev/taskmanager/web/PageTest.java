package dev.taskmanager.web;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The page over HTTP, read as a person would: what the HTML shows after each action. */
class PageTest {

  @RegisterExtension
  static final TestServer server = TestServer.start();

  @Test
  void emptyListSaysHowToStart() {
    Document page = server.page("/");

    assertThat(page.title()).isEqualTo("Tasks · Task Manager");
    assertThat(page.selectFirst(".empty").text()).contains("No tasks yet").contains("New task");
    assertThat(page.select("table.tasks")).isEmpty();
  }

  @Test
  void listShowsIdTitleShortDescriptionAndPriority() {
    server.store.create(new dev.taskmanager.core.model.TaskDraft("Write report", "x".repeat(150), 7), NOW);

    Element row = server.page("/").selectFirst("table.tasks tbody tr");

    assertThat(row.select("td").eachText().subList(0, 4))
        .containsExactly("0", "Write report", "x".repeat(80) + "…", "7");
    assertThat(row.selectFirst("a[href=/tasks/0]")).isNotNull();
  }

  @Test
  void createRedirectsAndShowsTheFlashOnce() {
    HttpResponse<String> response = server.postForm("/tasks",
        Map.of("title", "Buy milk", "shortdesc", "Two litres", "priority", "3"));

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/");
    Document page = server.page("/");
    assertThat(page.selectFirst(".flash").text()).isEqualTo("Task 0 created");
    assertThat(page.select("table.tasks td.title").eachText()).containsExactly("Buy milk");
    assertThat(server.page("/").select(".flash")).describedAs("shown once").isEmpty();
  }

  @Test
  void rejectedCreateKeepsTheValuesAndExplainsEachField() {
    HttpResponse<String> response = server.postForm("/tasks",
        Map.of("title", "   ", "shortdesc", "kept text", "priority", "high"));

    assertThat(response.statusCode()).isEqualTo(400);
    Document page = Jsoup.parse(response.body());
    assertThat(page.selectFirst(".form-error").text()).contains("not created");
    assertThat(page.selectFirst("#new-title-error").text())
        .isEqualTo("Title is empty. Accepted: 1 to 200 characters, no control characters.");
    assertThat(page.selectFirst("#new-priority-error").text())
        .isEqualTo("Priority: \"high\" is not a whole number. Accepted: a whole number from 0 to 1000 (empty means 0).");
    assertThat(page.select("#new-shortdesc-error")).isEmpty();
    assertThat(page.selectFirst("#new-shortdesc").text()).isEqualTo("kept text");
    assertThat(page.selectFirst("#new-priority").val()).isEqualTo("high");
    assertThat(page.selectFirst("#new-title").attr("aria-invalid")).isEqualTo("true");
    assertThat(server.store.count()).isZero();
  }

  @Test
  void editShowsEveryFieldAndSaves() {
    server.store.create(new dev.taskmanager.core.model.TaskDraft("Old title", "Old text", 2), NOW);

    Document edit = server.page("/tasks/0");
    assertThat(edit.selectFirst("h1").text()).isEqualTo("Task 0");
    assertThat(edit.selectFirst("#title").val()).isEqualTo("Old title");
    assertThat(edit.selectFirst("#shortdesc").text()).isEqualTo("Old text");
    assertThat(edit.selectFirst("#priority").val()).isEqualTo("2");
    for (Element input : edit.select("input:not([type=hidden]), textarea")) {
      assertThat(edit.select("label[for=" + input.id() + "]")).describedAs("label for " + input.id()).hasSize(1);
    }

    HttpResponse<String> saved = server.postForm("/tasks/0",
        Map.of("title", "New title", "shortdesc", "line one\r\nline two", "priority", "9"));

    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(server.page("/").selectFirst(".flash").text()).isEqualTo("Task 0 saved");
    dev.taskmanager.core.model.Task saved0 = server.store.get(0).orElseThrow();
    assertThat(List.of(saved0.title(), saved0.shortdesc(), saved0.priority()))
        .containsExactly("New title", "line one\nline two", 9);
  }

  @Test
  void rejectedEditKeepsTheValues() {
    server.given("Title", 2);

    HttpResponse<String> response = server.postForm("/tasks/0",
        Map.of("title", "Changed", "shortdesc", "", "priority", "1001"));

    assertThat(response.statusCode()).isEqualTo(400);
    Document page = Jsoup.parse(response.body());
    assertThat(page.selectFirst("#title").val()).isEqualTo("Changed");
    assertThat(page.selectFirst("#priority-error").text()).startsWith("Priority: 1001 is out of range.");
    assertThat(server.store.get(0).orElseThrow().title()).isEqualTo("Title");
  }

  @Test
  void deletesOneTask() {
    server.given("Keep", 0);
    server.given("Drop", 0);

    HttpResponse<String> response = server.postForm("/tasks/1/delete", Map.of());

    assertThat(response.statusCode()).isEqualTo(303);
    Document page = server.page("/");
    assertThat(page.selectFirst(".flash").text()).isEqualTo("Task 1 deleted");
    assertThat(page.select("td.title").eachText()).containsExactly("Keep");
  }

  @Test
  void aDeletedTaskComesBackWithUndoAndFromTheDeletedPage() {
    server.given("Keep", 0);
    server.given("Oops", 5);

    server.postForm("/tasks/1/delete", Map.of("back", "/?q=sort:id"));
    Document after = server.page("/?q=sort:id");
    Element undo = after.selectFirst(".flash-row form.undo");
    assertThat(undo.attr("action")).isEqualTo("/tasks/1/restore");
    assertThat(after.select("td.title > a").eachText()).containsExactly("Keep");

    HttpResponse<String> undone = server.postForm("/tasks/1/restore", Map.of("back", undo.selectFirst("[name=back]").val()));
    assertThat(undone.headers().firstValue("Location")).hasValue("/?q=sort%3Aid");
    Document restored = server.page("/?q=sort:id");
    assertThat(restored.selectFirst(".flash").text()).isEqualTo("Task 1 restored");
    assertThat(restored.select("td.title > a").eachText()).containsExactly("Keep", "Oops");

    server.postForm("/tasks/0/delete", Map.of());
    Document deleted = server.page("/deleted");
    assertThat(deleted.select("td.title").eachText()).containsExactly("Keep");
    server.postForm(deleted.selectFirst("form[action=/tasks/0/restore]").attr("action"), Map.of("back", "/deleted"));
    assertThat(server.page("/deleted").selectFirst(".empty").text()).isEqualTo("No deleted tasks are kept.");
    assertThat(server.store.count()).isEqualTo(2);
  }

  @Test
  void restoringATaskThatIsNotKeptSaysSo() {
    HttpResponse<String> response = server.postForm("/tasks/9/restore", Map.of());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(response.body()).text()).contains("Task 9 is not among the deleted tasks (they are kept 7 days)");
  }

  @Test
  void deleteByTitleSaysHowManyWent() {
    server.given("Same", 0);
    server.given("Same", 1);
    server.given("Same", 2);
    server.given("Other", 3);

    server.postForm("/delete-by-title", Map.of("title", "Same"));
    assertThat(server.page("/").selectFirst(".flash").text()).isEqualTo(
        "Deleted 3 tasks titled \"Same\"; they can be restored from Deleted tasks for 7 days");

    server.postForm("/delete-by-title", Map.of("title", "Same"));
    assertThat(server.page("/").selectFirst(".flash").text()).isEqualTo("No task is titled \"Same\"; nothing was deleted");
    assertThat(server.store.count()).isEqualTo(1);
  }

  @Test
  void deleteByTitleRefusesABlankTitle() {
    server.given("Keep", 0);

    HttpResponse<String> response = server.postForm("/delete-by-title", Map.of("title", "  "));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(response.body()).selectFirst("#delete-title-error").text()).startsWith("Exact title is empty.");
    assertThat(server.store.count()).isEqualTo(1);
  }

  @Test
  void resetGoesThroughAConfirmationPage() {
    server.given("One", 0);
    server.given("Two", 0);

    Document confirm = server.page("/reset");
    assertThat(confirm.selectFirst("h1").text()).isEqualTo("Delete every task?");
    assertThat(confirm.selectFirst("main").text()).contains("all 2 tasks");
    Element form = confirm.selectFirst("form[action=/reset]");
    assertThat(form.selectFirst("input[name=confirm]").val()).isEqualTo("yes");

    HttpResponse<String> unconfirmed = server.postForm("/reset", Map.of());
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(server.store.count()).isEqualTo(2);

    HttpResponse<String> confirmed = server.postForm("/reset", Map.of("confirm", "yes"));
    assertThat(confirmed.statusCode()).isEqualTo(303);
    assertThat(server.page("/").selectFirst(".flash").text()).isEqualTo(
        "All tasks deleted; the next task gets id 0. A reset cannot be undone: they cannot be restored");
    assertThat(server.store.count()).isZero();
    assertThat(server.store.nextId()).isZero();
  }

  @Test
  void hostileTitlesAreShownAsText() {
    String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    server.postForm("/tasks", Map.of("title", hostile, "shortdesc", "\"><b>bold</b>"));

    Document page = server.page("/");
    assertThat(page.selectFirst("td.title").text()).isEqualTo(hostile);
    assertThat(page.select("main script, main img[src=x], main b")).isEmpty();
    assertThat(server.get("/").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(server.page("/tasks/0").selectFirst("#title").val()).isEqualTo(hostile);
  }

  @Test
  void pagesFiftyTasksAtATimeWithNextAndPrevious() {
    for (int i = 0; i < 120; i++) {
      server.given("Task " + i, i % 10);
    }

    Document first = server.page("/?q=sort:id");
    assertThat(first.select("tbody tr")).hasSize(50);
    assertThat(first.select("a[rel=prev]")).isEmpty();
    Document second = server.page(first.selectFirst("a[rel=next]").attr("href"));
    assertThat(second.select("td.title").first().text()).isEqualTo("Task 50");
    Document third = server.page(second.selectFirst("a[rel=next]").attr("href"));
    assertThat(third.select("tbody tr")).hasSize(20);
    assertThat(third.select("a[rel=next]")).isEmpty();
    Document back = server.page(second.selectFirst("a[rel=prev]").attr("href"));
    assertThat(back.select("td.title").first().text()).isEqualTo("Task 0");
  }

  @Test
  void showsAsManyTasksAsTheLimitAsksAndKeepsTheLimitInItsLinks() {
    for (int i = 0; i < 120; i++) {
      server.given("Task " + i, i % 10);
    }

    Document first = server.page("/?limit=100");
    assertThat(first.select("tbody tr")).hasSize(100);
    String next = first.selectFirst("a[rel=next]").attr("href");
    assertThat(next).contains("limit=100");
    assertThat(server.page(next).select("tbody tr")).hasSize(20);
    assertThat(first.selectFirst("th a:contains(Priority)").attr("href")).contains("limit=100");

    HttpResponse<String> tooMany = server.get("/?limit=501");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("limit").contains("1 to 500");
  }

  @Test
  void sortsByPriorityAndIdFromTheColumnHeads() {
    server.given("Low", 1);
    server.given("High", 9);
    server.given("Mid", 5);

    Document byPriority = server.page(server.page("/").selectFirst("th a:contains(Priority)").attr("href"));
    assertThat(byPriority.select("td.title").eachText()).containsExactly("High", "Mid", "Low");
    assertThat(byPriority.selectFirst("th[aria-sort]").text()).contains("Priority");

    Document byId = server.page(server.page("/").selectFirst("th a:contains(ID)").attr("href"));
    assertThat(byId.select("td.title").eachText()).containsExactly("Low", "High", "Mid");
    Document byIdDescending = server.page(byId.selectFirst("th a:contains(ID)").attr("href"));
    assertThat(byIdDescending.select("td.title").eachText()).containsExactly("Mid", "High", "Low");
    assertThat(byIdDescending.selectFirst("#search").val()).isEqualTo("sort:-id");
  }

  @Test
  void searchesByWordsAndSaysWhenNothingMatches() {
    server.given("Buy milk", 1);
    server.given("Call mum", 1);

    assertThat(server.page("/?q=MILK").select("td.title").eachText()).containsExactly("Buy milk");
    Document none = server.page("/?q=zebra");
    assertThat(none.selectFirst(".empty").text()).contains("No task matches “zebra”");
    assertThat(none.selectFirst("#search").val()).isEqualTo("zebra");
  }

  @Test
  void completesAndReopensFromTheListAndReturnsToIt() {
    server.given("Pay rent", 1);
    server.given("Water plants", 2);
    Document open = server.page("/?q=sort:id");
    Element done = open.selectFirst("button[formaction=/tasks/0/done]");
    assertThat(done.text()).isEqualTo("Done");
    Element rows = open.getElementById(done.attr("form"));
    assertThat(rows.selectFirst("[name=csrf]")).describedAs("the token, once for every row").isNotNull();

    HttpResponse<String> completed = server.postForm("/tasks/0/done", Map.of("back", rows.selectFirst("[name=back]").val()));

    assertThat(completed.statusCode()).isEqualTo(303);
    assertThat(completed.headers().firstValue("Location")).hasValue("/?q=sort%3Aid");
    Document after = server.page("/?q=sort:id");
    assertThat(after.selectFirst(".flash").text()).isEqualTo("Task 0 done");
    assertThat(after.select("td.title").eachText()).containsExactly("Water plants");
    Document doneView = server.page("/?q=is:done");
    assertThat(doneView.selectFirst("td.title").text()).isEqualTo("Done Pay rent");
    assertThat(doneView.selectFirst("nav.views a[aria-current=page]").text()).isEqualTo("Done");

    assertThat(server.postForm("/tasks/0/reopen", Map.of("back", "/?q=is:done")).statusCode()).isEqualTo(303);
    assertThat(server.page("/").select("td.title").eachText()).containsExactly("Water plants", "Pay rent");
  }

  @Test
  void aFormReturnsOnlyToAnAddressOfThisSite() {
    server.given("Pay rent", 1);

    for (String elsewhere : List.of("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)")) {
      HttpResponse<String> response = server.postForm("/tasks/0/done", Map.of("back", elsewhere));
      assertThat(response.headers().firstValue("Location")).describedAs(elsewhere).hasValue("/");
    }
  }

  @Test
  void createsWithADueDayInWordsAndTagsAndShowsThem() {
    HttpResponse<String> created = server.postForm("/tasks",
        Map.of("title", "Call the plumber", "due", "today", "tags", "Home, urgent  repairs"));
    server.postForm("/tasks", Map.of("title", "Late", "due", LocalDate.now(ZoneId.systemDefault()).minusDays(3).toString()));

    assertThat(created.statusCode()).isEqualTo(303);
    Document page = server.page("/");
    Element late = page.select("tbody tr").get(0);
    assertThat(late.selectFirst("td.due").text()).endsWith("Overdue");
    Element plumber = page.select("tbody tr").get(1);
    assertThat(plumber.selectFirst("td.due").text()).isEqualTo(LocalDate.now(ZoneId.systemDefault()) + " Today");
    assertThat(plumber.select("a.tag").eachText()).containsExactly("#home", "#repairs", "#urgent");
    assertThat(server.page(plumber.selectFirst("a.tag").attr("href")).select("td.title").first().text())
        .startsWith("Call the plumber");
  }

  @Test
  void refusesABadDueDayOrTagWithTheFieldsMessages() {
    Document page = Jsoup.parse(server.postForm("/tasks", Map.of("title", "x", "due", "someday", "tags", "ok no!")).body());

    assertThat(page.selectFirst("#new-due-error").text()).isEqualTo("Due: \"someday\" is not a date. Accepted: a date"
        + " as YYYY-MM-DD, today, tomorrow, a weekday (the next one), or +N days or weeks as +3d or +2w.");
    assertThat(page.selectFirst("#new-tags-error").text()).startsWith("Tags: holds the tag \"no!\"");
    assertThat(page.selectFirst("#new-due").val()).isEqualTo("someday");
    assertThat(server.store.count()).isZero();
  }

  @Test
  void unknownTaskGets404PageSayingWhatToDo() {
    HttpResponse<String> response = server.get("/tasks/99");

    assertThat(response.statusCode()).isEqualTo(404);
    Document page = Jsoup.parse(response.body());
    assertThat(page.selectFirst("h1").text()).isEqualTo("Task not found");
    assertThat(page.text()).contains("Task 99 does not exist").contains("Go back to the task list");
    assertThat(page.selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo("/static/app.css");
    assertThat(server.postForm("/tasks/99/delete", Map.of()).statusCode()).isEqualTo(404);
    assertThat(server.postForm("/tasks/99", Map.of("title", "x")).statusCode()).isEqualTo(404);
  }

  @Test
  void unknownAddressGets404AndWrongMethod405Pages() {
    HttpResponse<String> missing = server.get("/no/such/page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
    assertThat(Jsoup.parse(missing.body()).selectFirst("h1").text()).isEqualTo("Page not found");

    HttpResponse<String> wrongMethod = server.get("/tasks");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");

    HttpResponse<String> trailingSlash = server.get("/tasks/0/delete/");
    assertThat(trailingSlash.statusCode()).isEqualTo(405);
    assertThat(trailingSlash.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void storeOutageGets503PageAndRecovers() {
    server.store.goDown();

    HttpResponse<String> response = server.get("/");
    assertThat(response.statusCode()).isEqualTo(503);
    Document page = Jsoup.parse(response.body());
    assertThat(page.selectFirst("h1").text()).isEqualTo("The task store is not answering");
    assertThat(page.text()).contains("Wait a moment, then reload the page").doesNotContain("connection refused");

    server.store.comeBack();
    assertThat(server.get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void unexpectedErrorGetsGeneric500Page() {
    server.store.breakWith(() -> new IllegalStateException("secret internals"));

    HttpResponse<String> response = server.get("/");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("Something went wrong").doesNotContain("secret internals")
        .doesNotContain("IllegalStateException").doesNotContain("at dev.");
  }

  @Test
  void pagesCarrySecurityHeadersAndAreNeverCached() {
    HttpResponse<String> response = server.get("/");

    assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'").contains("form-action 'self'"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(server.get("/nowhere").headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void everyFormCarriesACsrfTokenAndEveryInputALabel() {
    server.given("One", 0);

    for (String path : List.of("/", "/tasks/0", "/reset")) {
      Document page = server.page(path);
      for (Element form : page.select("form[method=post]")) {
        assertThat(form.select("input[name=csrf]")).describedAs(path + " " + form.attr("action")).hasSize(1);
      }
      for (Element input : page.select("input:not([type=hidden]), textarea")) {
        assertThat(page.select("label[for=" + input.id() + "]")).describedAs(path + " " + input.id()).hasSize(1);
      }
    }
  }

  @Test
  void servesItsStylesheetAndSvgFavicon() {
    HttpResponse<String> css = server.get("/static/app.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=UTF-8");

    HttpResponse<String> icon = server.get("/favicon.svg");
    assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    assertThat(icon.body()).startsWith("<svg");

    Document page = server.page("/");
    assertThat(page.selectFirst("link[rel=icon]").attr("href")).isEqualTo("/favicon.svg");
    assertThat(page.select("[src^=http], [href^=http], script")).isEmpty();
    assertThat(server.get("/static/../templates/layout.ftlh").statusCode()).isEqualTo(404);
  }

  @Test
  void formValuesAreKeptInTheOrderTyped() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "Ünïcødé ✓ 😀");
    fields.put("priority", " 12 ");

    server.postForm("/tasks", fields);

    assertThat(server.store.get(0).orElseThrow().title()).isEqualTo("Ünïcødé ✓ 😀");
    assertThat(server.store.get(0).orElseThrow().priority()).isEqualTo(12);
  }
}
