package dev.taskmanager.web;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.account.Role;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskPatch;
import dev.taskmanager.web.calendar.ICalendars;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}),
 * with JavaScript-free forms, as a person uses it. Screenshots at desktop and phone widths go to
 * {@code target/screenshots/}. Skipped when the browser is missing, unless {@code TASK_E2E_REQUIRED=1}.
 */
class BrowserIT {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /**
   * Runs before any page script: replaces the dialogs and records the policy violations, so a
   * script that ran, or one that the Content-Security-Policy stopped, leaves a trace.
   */
  private static final String SCRIPT_TRACES = "window.__dialogs = []; window.__csp = [];"
      + "['alert', 'confirm', 'prompt'].forEach(function (name) {"
      + "  window[name] = function (message) { window.__dialogs.push(name + ':' + message); return null; };"
      + "});"
      + "document.addEventListener('securitypolicyviolation', function (event) {"
      + "  window.__csp.push(event.effectiveDirective + ' ' + event.blockedURI);"
      + "});";
  /** What a hostile value would add to the page if it were not escaped. */
  private static final String INJECTED = "main script, main img, main svg, main iframe, main style, main object,"
      + " main embed, [onerror], [onload], [onfocus], [autofocus], a[href^='javascript:']";
  /**
   * Text that runs script when taken as HTML, breaks out of an attribute, a textarea or a comment,
   * or is template syntax (Freemarker's {@code ${…}}, {@code #{…}}, {@code <#…>}, {@code [=…]}).
   */
  private static final List<String> HOSTILE = List.of(
      "<script>window.__xss = 'script'</script>",
      "<img src=x onerror=\"window.__xss = 'img'\">",
      "\" autofocus onfocus=\"window.__xss = 'double-quote'\" x=\"",
      "' autofocus onfocus='window.__xss = \"single-quote\"' x='",
      "</textarea><script>alert('textarea')</script>",
      "</title><svg onload=\"alert('svg')\"><script>alert('svg-script')</script></svg>",
      "javascript:alert('javascript-url')",
      "<a href=\"javascript:alert('link')\">link</a>",
      "<iframe srcdoc=\"<script>parent.__xss = 'iframe'</script>\"></iframe>",
      "${7*7} #{7*7} <#assign x = 7*7>${x} [=7*7] {{7*7}}",
      "--><script>alert('comment')</script><!--",
      "<style>body { display: none }</style>");

  private static TestServer server;
  private static ChromeDriver browser;
  private static Path profile;

  @BeforeAll
  static void startBrowserAndServer() throws IOException {
    if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
      String reason = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): apt-get install chromium chromium-driver";
      if ("1".equals(System.getenv("TASK_E2E_REQUIRED"))) {
        Assertions.fail(reason + " — and TASK_E2E_REQUIRED=1");
      }
      Assumptions.abort(reason);
    }
    server = TestServer.start();
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--user-data-dir=" + profile,
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    browser = new ChromeDriver(service, options);
    Runtime.getRuntime().addShutdownHook(new Thread(BrowserIT::quitBrowser));
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SCRIPT_TRACES));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopBrowserAndServer() {
    quitBrowser();
    if (server != null) {
      server.close();
    }
  }

  private static synchronized void quitBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  @BeforeEach
  void emptyStoreAtDesktopSize() {
    server.store.clear();
    resize(1280, 800, false);
  }

  @Test
  void createsEditsAndDeletesATask() {
    open("/");
    screenshot("empty-desktop");
    type("#new-title", "Write the report");
    type("#new-shortdesc", "Due Friday, with the figures from March");
    type("#new-priority", "5");
    click("form[action='/tasks'] button[type=submit]");

    assertThat(text(".flash")).isEqualTo("Task 0 created");
    assertThat(texts("td.title")).containsExactly("Write the report");

    click("a[aria-label='Edit task 0']");
    assertThat(value("#title")).isEqualTo("Write the report");
    type("#title", "Write the final report");
    type("#priority", "8");
    click("form[action='/tasks/0'] button[type=submit]");

    assertThat(text(".flash")).isEqualTo("Task 0 saved");
    assertThat(texts("td.title")).containsExactly("Write the final report");
    assertThat(texts("td.num")).contains("8");

    click("button[aria-label='Delete task 0']");
    assertThat(text(".flash")).isEqualTo("Task 0 deleted");
    assertThat(browser.findElements(By.cssSelector("table.tasks"))).isEmpty();
  }

  @Test
  void deletesEveryTaskWithATitle() {
    for (String title : List.of("Water plants", "Water plants", "Call Ann", "Water plants")) {
      server.store.create(new TaskDraft(title), NOW);
    }
    open("/");

    type("#delete-title", "Water plants");
    click("form[action='/delete-by-title'] button[type=submit]");

    assertThat(text(".flash")).isEqualTo("Deleted 3 tasks titled \"Water plants\"; they can be restored from Deleted tasks for 7 days");
    assertThat(texts("td.title")).containsExactly("Call Ann");
  }

  @Test
  void resetsEverythingAfterConfirming() {
    server.store.create(new TaskDraft("One"), NOW);
    server.store.create(new TaskDraft("Two"), NOW);
    open("/");

    click("a[href='/reset']");
    assertThat(text("h1")).isEqualTo("Delete every task?");
    screenshot("reset-confirm-desktop");
    resize(390, 844, true);
    screenshot("reset-confirm-phone");
    click("form[action='/reset'] button[type=submit]");

    assertThat(text(".flash")).isEqualTo("All tasks deleted; the next task gets id 0. A reset cannot be undone: they cannot be restored");
    assertThat(text(".empty")).contains("No tasks yet");
  }

  @Test
  void showsValidationErrorsInlineAndKeepsTheValues() {
    open("/");
    type("#new-title", "   ");
    type("#new-shortdesc", "my careful notes");
    type("#new-priority", "very high");
    click("form[action='/tasks'] button[type=submit]");

    assertThat(text("#new-title-error")).startsWith("Title is empty.");
    assertThat(text("#new-priority-error")).startsWith("Priority: \"very high\" is not a whole number.");
    assertThat(value("#new-shortdesc")).isEqualTo("my careful notes");
    assertThat(value("#new-priority")).isEqualTo("very high");
    screenshot("validation-desktop");
    resize(390, 844, true);
    screenshot("validation-phone");
  }

  @Test
  void showsHostileTitlesAndDescriptionsAsTextOnTheListAndTheEditForm() {
    for (String hostile : HOSTILE) {
      server.store.create(new TaskDraft(hostile, hostile, 0), NOW);
    }

    open("/");
    assertThat(texts("td.title")).containsExactlyElementsOf(HOSTILE);
    assertThat(texts("td.desc")).containsExactlyElementsOf(HOSTILE);
    assertNoScriptRan("the list");
    for (int id = 0; id < HOSTILE.size(); id++) {
      open("/tasks/" + id);
      assertThat(value("#title")).isEqualTo(HOSTILE.get(id));
      assertThat(value("#shortdesc")).isEqualTo(HOSTILE.get(id));
      assertNoScriptRan("the edit form of task " + id);
    }
    for (String hostile : HOSTILE) {
      // As a search: words, or a term the page cannot read and says so under the box, echoing it.
      open("/?q=" + encode(hostile));
      assertThat(value("#search")).isEqualTo(hostile);
      assertNoScriptRan("the list searched for " + hostile);
      open("/?q=" + encode("is:any nothing-like " + hostile));
      assertThat(value("#search")).isEqualTo("is:any nothing-like " + hostile);
      assertNoScriptRan("the empty list searched for " + hostile);
    }
  }

  @Test
  void showsHostileValuesEchoedByErrorPagesAsText() {
    server.store.create(new TaskDraft("Edit me"), NOW);
    int pages = 0;
    for (String hostile : HOSTILE) {
      // The validation error page, on the create and the edit form.
      for (String form : List.of("/", "/tasks/0")) {
        open(form);
        String prefix = form.equals("/") ? "#new-" : "#";
        type(prefix + "title", hostile);
        type(prefix + "shortdesc", hostile);
        type(prefix + "priority", hostile);
        click("form[action='" + (form.equals("/") ? "/tasks" : "/tasks/0") + "'] button[type=submit]");
        assertThat(text(prefix + "priority-error")).contains(firstChars(hostile, 40));
        assertThat(value(prefix + "title")).isEqualTo(hostile);
        assertThat(value(prefix + "shortdesc")).isEqualTo(hostile);
        assertThat(value(prefix + "priority")).isEqualTo(hostile);
        assertNoScriptRan("the rejected form " + form + " with " + hostile);
        pages++;
      }

      // The flash message after deleting by a title nobody has.
      open("/");
      type("#delete-title", hostile);
      click("form[action='/delete-by-title'] button[type=submit]");
      assertThat(text(".flash")).isEqualTo("No task is titled \"" + hostile + "\"; nothing was deleted");
      assertNoScriptRan("the flash message for " + hostile);

      // The 403 page: the form's token replaced.
      open("/");
      browser.executeScript("document.querySelector(\"form[action='/tasks'] input[name=csrf]\").value = arguments[0]",
          hostile);
      type("#new-title", hostile);
      click("form[action='/tasks'] button[type=submit]");
      assertThat(text("h1")).isEqualTo("This form can no longer be sent");
      assertNoScriptRan("the 403 page for " + hostile);

      // A search the page cannot read, echoed under the box (400).
      open("/?q=" + encode("due<" + hostile));
      assertThat(value("#search")).isEqualTo("due<" + hostile);
      assertThat(text("#search-error")).startsWith("The search was not understood");
      assertNoScriptRan("the search error for " + hostile);

      // Address errors: a bad limit and id echoed (400); a bad cursor, an unknown address and task.
      // (In a path an encoded slash stays encoded: the server never turns it into a separator.)
      Map<String, String> echoes = Map.of("/?limit=" + encode(hostile), hostile,
          "/tasks/" + encode(hostile), hostile.replace("/", "%2F"));
      for (Map.Entry<String, String> echo : echoes.entrySet()) {
        open(echo.getKey());
        assertThat(text(".problems")).describedAs(echo.getKey()).contains(firstChars(echo.getValue(), 40));
        assertNoScriptRan(echo.getKey());
      }
      for (String path : List.of("/?cursor=" + encode(hostile), "/" + encode(hostile), "/tasks/123456789")) {
        open(path);
        assertThat(text(".status")).describedAs(path).isIn("Error 400", "Error 404");
        assertNoScriptRan(path);
      }
      pages += 9;
    }
    System.out.printf("XSS: %d hostile values, %d pages checked in Chromium, no script ran%n", HOSTILE.size(), pages);
  }

  @Test
  void theContentSecurityPolicyForbidsInlineScript() {
    String policy = server.get("/").headers().firstValue("Content-Security-Policy").orElseThrow();
    Map<String, String> directives = new LinkedHashMap<>();
    for (String directive : policy.split(";")) {
      String[] parts = directive.strip().split("\\s+", 2);
      directives.put(parts[0], parts.length > 1 ? parts[1] : "");
    }
    String scriptSources = directives.getOrDefault("script-src", directives.get("default-src"));
    assertThat(scriptSources).describedAs(policy).isNotNull()
        .doesNotContain("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:");
    assertThat(directives).describedAs(policy).doesNotContainKeys("script-src-elem", "script-src-attr");

    open("/");
    Object inlineRan = browser.executeScript("var script = document.createElement('script');"
        + "script.textContent = 'window.__xss = \"inline\"';"
        + "document.body.appendChild(script);"
        + "document.body.setAttribute('onclick', 'window.__xss = \"handler\"');"
        + "document.body.click();"
        + "return window.__xss === undefined ? null : window.__xss;");
    assertThat(inlineRan).describedAs("an inline script or handler that got into the page").isNull();
    assertThat(browserTraces().get("csp")).asList().describedAs("what the browser refused")
        .anyMatch(violation -> violation.toString().startsWith("script-src-elem"))
        .anyMatch(violation -> violation.toString().startsWith("script-src-attr"));
  }

  @Test
  void completesAndReopensATaskAndFollowsTheViews() {
    server.store.create(new TaskDraft("Pay rent", "", 2, LocalDate.now(ZoneId.systemDefault()).minusDays(1),
        List.of("home")), NOW);
    server.store.create(new TaskDraft("Water plants", "", 1, null, List.of("home")), NOW);

    open("/");
    assertThat(texts("td.due")).first().asString().endsWithIgnoringCase("Overdue");
    click("button[formaction='/tasks/0/done']");
    assertThat(text(".flash")).isEqualTo("Task 0 done");
    assertThat(texts("td.title > a")).containsExactly("Water plants");

    click("nav.views a:nth-child(4)");
    assertThat(text("nav.views a[aria-current=page]")).isEqualTo("Done");
    assertThat(texts("td.title > a")).containsExactly("Pay rent");
    assertThat(texts("td.title .badge")).containsExactly("DONE");
    click("button[formaction='/tasks/0/reopen']");
    assertThat(text(".flash")).isEqualTo("Task 0 reopened");
    assertThat(value("#search")).isEqualTo("is:done");
    assertThat(browser.findElements(By.cssSelector("tbody tr"))).isEmpty();

    click("nav.views a:first-child");
    click("a.tag");
    assertThat(value("#search")).isEqualTo("tag:home");
    assertThat(texts("td.title > a")).containsExactly("Pay rent", "Water plants");
    assertThat(texts("a.tag")).containsExactly("#home", "#home");
  }

  @Test
  void undoBringsADeletedTaskBackAndTheDeletedPageRestoresToo() {
    server.store.create(new TaskDraft("Keep"), NOW);
    server.store.create(new TaskDraft("Oops", "", 5), NOW);

    open("/");
    click("button[formaction='/tasks/1/delete']");
    assertThat(text(".flash")).isEqualTo("Task 1 deleted");
    assertThat(texts("td.title > a")).containsExactly("Keep");
    click(".flash-row form.undo button");
    assertThat(text(".flash")).isEqualTo("Task 1 restored");
    assertThat(texts("td.title > a")).containsExactly("Oops", "Keep");

    click("button[formaction='/tasks/0/delete']");
    click("a.deleted-link");
    assertThat(texts("td.title")).containsExactly("Keep");
    screenshot("deleted-desktop");
    click("form[action='/tasks/0/restore'] button");
    assertThat(text(".flash")).isEqualTo("Task 0 restored");
    assertThat(text(".empty")).isEqualTo("No deleted tasks are kept.");
  }

  @Test
  void saysUnderTheSearchBoxWhatIsWrongWithASearch() {
    server.store.create(new TaskDraft("Pay rent"), NOW);

    open("/");
    type("#search", "tag:home due<someday");
    click("form[role=search] button[type=submit]");

    assertThat(text("#search-error")).isEqualTo("The search was not understood: the term \"due<someday\" at"
        + " position 10: \"someday\" is not a date. Accepted: a date as YYYY-MM-DD, today, tomorrow, a weekday"
        + " (the next one), or +N days or weeks as +3d or +2w.");
    assertThat(value("#search")).isEqualTo("tag:home due<someday");
    // Opens in place: no new page.
    browser.findElement(By.cssSelector("details.syntax summary")).click();
    assertThat(text("details.syntax ul")).contains("sort:-due reverses");
  }

  @Test
  void looksRightOnDesktopAndPhone() {
    String[][] tasks = {
        {"Book the train to Lyon", "Before prices go up; the 7:04 is best", "3"},
        {"Renew passport", "Photos are in the drawer", "8"},
        {"Call the plumber about the kitchen tap", "", "5"},
        {"Write the quarterly report for the board, with the figures from March and April", "Long titles must wrap"
            + " nicely on a phone without breaking the layout of the table or overflowing the card", "10"},
        {"Buy milk", "Two litres", "0"},
    };
    LocalDate today = LocalDate.now(ZoneId.systemDefault());
    List<LocalDate> dues = Arrays.asList(today.plusDays(3), today.minusDays(2), today, null, null);
    List<List<String>> tags = List.of(List.of("travel"), List.of("admin", "travel"), List.of("home"),
        List.of("work", "q2-report"), List.of());
    for (int i = 0; i < tasks.length; i++) {
      server.store.create(new TaskDraft(tasks[i][0], tasks[i][1], Integer.parseInt(tasks[i][2]), dues.get(i),
          tags.get(i)), NOW);
    }
    server.store.update(4, TaskPatch.none().withDone(true), NOW);

    open("/?q=is:any");
    screenshot("list-desktop");
    open("/tasks/1");
    screenshot("edit-desktop");
    open("/tasks/999");
    assertThat(text("h1")).isEqualTo("Task not found");
    screenshot("not-found-desktop");

    resize(390, 844, true);
    open("/");
    screenshot("list-phone");
    Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
    assertThat(scrollWidth.intValue()).describedAs("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
    open("/tasks/1");
    screenshot("edit-phone");
  }

  /**
   * With users: signing in and out, a viewer's page, an ended session. Runs after the tests above
   * (JUnit runs a class's own tests before its nested ones), which use the app as it is with no
   * user; removing the users after puts it back.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class SignedIn {

    @BeforeAll
    void users() {
      server.addUser("ed", Role.EDITOR);
      server.addUser("vera", Role.VIEWER);
    }

    @AfterAll
    void noUsers() {
      server.accounts().remove("ed");
      server.accounts().remove("vera");
    }

    @BeforeEach
    void signedOut() {
      browser.manage().deleteAllCookies();
    }

    @Test
    void signsInAfterAWrongPasswordAndSignsOut() {
      server.store.create(new TaskDraft("Water the plants"), NOW);

      open("/tasks/0");
      assertThat(browser.getCurrentUrl()).endsWith("/sign-in?next=%2Ftasks%2F0");
      signInAs("ed", "not-the-password-at-all");
      assertThat(text("p.form-error")).isEqualTo("The name or the password is not right.");
      assertThat(value("#name")).isEqualTo("ed");
      screenshot("sign-in-refused-desktop");
      resize(390, 844, true);
      screenshot("sign-in-refused-phone");
      resize(1280, 800, false);

      signInAs("ed", TestServer.PASSWORD);
      assertThat(browser.getCurrentUrl()).endsWith("/tasks/0");
      assertThat(text(".flash")).isEqualTo("Signed in as ed.");
      assertThat(text(".who .user")).isEqualTo("ed editor");
      click(".who button");
      assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
      assertThat(text(".flash")).isEqualTo("You have signed out.");
      open("/");
      assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
    }

    @Test
    void aViewerSeesNoButtonToChangeAndIsRefusedWhenPostingAnyway() {
      server.store.create(new TaskDraft("Read only", "Look, don't touch", 3), NOW);
      open("/");
      signInAs("vera", TestServer.PASSWORD);

      assertThat(texts("td.title > a")).containsExactly("Read only");
      assertThat(browser.findElements(By.cssSelector("main form[method=post], main button[formaction],"
          + " main a[href='/reset'], a[href$='#new-heading']"))).isEmpty();
      assertThat(texts("main button")).containsExactly("Search");
      screenshot("viewer-list-desktop");
      open("/tasks/0");
      assertThat(texts("dl.task-view dd")).startsWith("Read only", "Look, don't touch", "3");
      assertThat(browser.findElements(By.cssSelector("main button"))).isEmpty();
      screenshot("viewer-task-desktop");
      resize(390, 844, true);
      screenshot("viewer-task-phone");
      resize(1280, 800, false);

      // A form the page never offers a viewer, posted with the session's own CSRF token.
      browser.executeScript("var form = document.createElement('form'); form.method = 'post';"
          + " form.action = '/tasks/0/delete'; var token = document.createElement('input'); token.name = 'csrf';"
          + " token.value = document.querySelector('meta[name=csrf-token]').content; form.appendChild(token);"
          + " form.id = 'forged'; document.body.appendChild(form);"
          + " var button = document.createElement('button'); form.appendChild(button);");
      click("#forged button");
      assertThat(text("h1")).isEqualTo("Your role does not allow this");
      assertThat(text(".status")).isEqualTo("Error 403");
      assertThat(server.store.get(0)).isPresent();
    }

    @Test
    void anEndedSessionSendsBackToSignInAndThenToThePage() {
      open("/deleted");
      signInAs("ed", TestServer.PASSWORD);
      assertThat(browser.getCurrentUrl()).endsWith("/deleted");

      // Another replica, or the command line, changes ed's password: every session of ed's ends.
      server.accounts().changePassword("ed", TestServer.PASSWORD.toCharArray());
      open("/deleted");

      assertThat(browser.getCurrentUrl()).endsWith("/sign-in?next=%2Fdeleted");
      assertThat(text(".flash")).isEqualTo("Your session has ended. Sign in again.");
      signInAs("ed", TestServer.PASSWORD);
      assertThat(browser.getCurrentUrl()).endsWith("/deleted");
    }

    @Test
    void makesShowsOnceAndRevokesATokenOnTheAccountPage() {
      open("/");
      signInAs("ed", TestServer.PASSWORD);
      click(".who a.user");
      assertThat(text("h1")).isEqualTo("ed");

      browser.findElement(By.cssSelector("#scope option[value=write]")).click();
      click(".new-token-form button");
      String token = text("#new-token");
      assertThat(token).startsWith("tmt_");
      assertThat(texts("table.tokens td[data-label=Scope]")).containsExactly("write");
      screenshotsOnDesktopAndPhone("account-new-token");

      open("/account");
      assertThat(browser.getPageSource()).doesNotContain(token.substring(17));
      click("table.tokens form button");
      assertThat(text(".flash")).endsWith("revoked: it no longer works.");
      assertThat(text("main")).contains("You have no API token.");
    }

    @Test
    void makesACalendarUrlThatACalendarAppReads() throws Exception {
      server.store.create(new TaskDraft("Send the cards", "", 1, LocalDate.now().plusDays(3), List.of("home")), NOW);
      open("/");
      signInAs("ed", TestServer.PASSWORD);
      open("/account");

      click("form[action='/account/calendar#calendar'] button");
      String url = text("#new-calendar-url");
      assertThat(browser.executeScript("return location.hash")).describedAs("the answer scrolls to the new URL")
          .isEqualTo("#calendar");
      assertThat(url).startsWith(server.uri("/calendar.ics?token=tmt_").toString());
      assertThat(text("main")).contains("Stop the feed", "last fetched never");
      screenshotsOnDesktopAndPhone("account-calendar");

      // As the calendar app fetches it: the URL alone, no cookie.
      HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(ICalendars.eventsOf(feed.body())).extracting(event -> ICalendars.value(event, "SUMMARY"))
          .containsExactly("Send the cards");
      click("form[action='/account/calendar/stop'] button");
      assertThat(text(".flash")).isEqualTo("Calendar feed stopped: its URL no longer works.");
    }

    private void signInAs(String name, String password) {
      type("#name", name);
      type("#password", password);
      click("form[action='/sign-in'] button");
    }
  }

  private static void open(String path) {
    browser.get(server.uri(path).toString());
  }

  private static void type(String css, String text) {
    WebElement input = browser.findElement(By.cssSelector(css));
    input.clear();
    input.sendKeys(text);
  }

  /** Clicks a link or submit button and waits for the next page: a form post's navigation is not awaited by click. */
  private static void click(String css) {
    WebElement oldPage = browser.findElement(By.tagName("html"));
    browser.findElement(By.cssSelector(css)).click();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        oldPage.getTagName();
      } catch (StaleElementReferenceException replaced) {
        if ("complete".equals(browser.executeScript("return document.readyState"))) {
          return;
        }
      } catch (WebDriverException inTransition) {
        // While the page is replaced, chromedriver may report the old node as "not belonging to the
        // document" instead of stale: the navigation is under way, so keep waiting.
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the page after clicking " + css);
      }
    }
    throw new AssertionError("no new page within 15 s after clicking " + css);
  }

  private static String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private static List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private static String value(String css) {
    return browser.findElement(By.cssSelector(css)).getAttribute("value");
  }

  /** The dialogs opened, the flag a hostile script would set, the policy violations, the injected elements. */
  private static Map<String, Object> browserTraces() {
    @SuppressWarnings("unchecked")
    Map<String, Object> traces = (Map<String, Object>) browser.executeScript("return {"
        + "dialogs: window.__dialogs, xss: window.__xss === undefined ? null : String(window.__xss),"
        + "csp: window.__csp, injected: document.querySelectorAll(arguments[0]).length}", INJECTED);
    return traces;
  }

  private static void assertNoScriptRan(String where) {
    Map<String, Object> traces = browserTraces();
    assertThat(traces.get("dialogs")).asList().describedAs("dialogs opened on " + where).isEmpty();
    assertThat(traces.get("xss")).describedAs("flag set by a script on " + where).isNull();
    assertThat(traces.get("csp")).asList().describedAs("scripts the policy had to stop on " + where).isEmpty();
    assertThat(traces.get("injected")).describedAs("elements injected into " + where).isEqualTo(0L);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String firstChars(String text, int count) {
    return text.substring(0, Math.min(count, text.length()));
  }

  private static void resize(int width, int height, boolean mobile) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  /** NAME-desktop.png, then NAME-phone.png, where nothing may scroll sideways; back to the desktop after. */
  private static void screenshotsOnDesktopAndPhone(String name) {
    screenshot(name + "-desktop");
    resize(390, 844, true);
    screenshot(name + "-phone");
    Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
    assertThat(scrollWidth.intValue()).describedAs("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
    resize(1280, 800, false);
  }

  private static void screenshot(String name) {
    try {
      File shot = browser.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException failed) {
      throw new AssertionError("could not save screenshot " + name, failed);
    }
  }
}
