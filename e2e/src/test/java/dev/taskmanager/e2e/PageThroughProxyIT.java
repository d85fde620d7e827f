package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.e2e.Programs.Run;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page in a real headless Chromium through nginx, with the CLI on the same MongoDB: what one
 * writes, the other reads. Screenshots at desktop (1280×800) and phone (390×844) sizes go to
 * {@code target/screenshots/}.
 */
@ExtendWith(StackExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PageThroughProxyIT {

  private static Browser browser;

  @BeforeAll
  static void startBrowser(Stack stack) throws IOException {
    Path profile = stack.dir().resolve("chromium-profile");
    Files.createDirectories(profile);
    browser = Browser.start(profile);
    // As the stack's admin, signed in once: the session cookie lasts the whole class.
    browser.open(stack.proxy("/"));
    assertThat(browser.script("return location.pathname")).describedAs("nobody signed in: sent to sign in")
        .isEqualTo("/sign-in");
    browser.signIn(Stack.ADMIN, Stack.PASSWORD);
    assertThat(browser.text(".who")).contains(Stack.ADMIN);
  }

  @AfterAll
  static void quitBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void noTasksAtDesktopSize(Stack stack) throws Exception {
    stack.ensureReplicasRunning();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int status = http.send(stack.signedIn(HttpRequest.newBuilder(stack.proxy("/api/tasks/reset")))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"confirm\": true}"))
        .timeout(Duration.ofSeconds(20)).build(),
        BodyHandlers.discarding()).statusCode();
    assertThat(status).describedAs("reset through the API").isEqualTo(204);
    browser.desktop();
  }

  @Test
  void createsEditsAndDeletesATaskThatTheCliSees(Stack stack) {
    browser.open(stack.proxy("/"));
    browser.screenshot("empty-desktop");
    browser.type("#new-title", "Write the report");
    browser.type("#new-shortdesc", "Due Friday, with the figures from March");
    browser.type("#new-priority", "5");
    browser.click("form[action='/tasks'] button[type=submit]");

    assertThat(browser.text(".flash")).isEqualTo("Task 0 created");
    assertThat(browser.texts("td.title")).containsExactly("Write the report");
    assertThat(csv(stack)).containsExactly("id,title,shortdesc,priority",
        "0,Write the report,\"Due Friday, with the figures from March\",5");

    browser.click("a[aria-label='Edit task 0']");
    assertThat(browser.value("#title")).isEqualTo("Write the report");
    browser.screenshot("edit-desktop");
    browser.type("#title", "Write the final report");
    browser.type("#priority", "8");
    browser.click("form[action='/tasks/0'] button[type=submit]");

    assertThat(browser.text(".flash")).isEqualTo("Task 0 saved");
    assertThat(browser.texts("td.title")).containsExactly("Write the final report");
    assertThat(csv(stack)).containsExactly("id,title,shortdesc,priority",
        "0,Write the final report,\"Due Friday, with the figures from March\",8");
    browser.screenshot("saved-desktop");
    browser.phone();
    browser.screenshot("saved-phone");
    Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth");
    assertThat(scrollWidth.intValue()).describedAs("no sideways scrolling on a phone").isLessThanOrEqualTo(390);

    browser.click("button[aria-label='Delete task 0']");
    assertThat(browser.text(".flash")).isEqualTo("Task 0 deleted");
    assertThat(browser.has("table.tasks")).isFalse();
    assertThat(csv(stack)).containsExactly("id,title,shortdesc,priority");
  }

  @Test
  void showsWhatTheCliAddedAndDeletesEveryTaskWithATitle(Stack stack) {
    for (String title : List.of("Water plants", "Call Ann", "Water plants", "Water plants")) {
      Run added = stack.cli("add", title, "--priority", "2");
      assertThat(added.status()).describedAs(added.err()).isZero();
    }
    Run priority = stack.cli("add", "Renew passport", "--desc", "Photos are in the drawer", "--priority", "9");
    assertThat(priority.out().strip()).isEqualTo("4");

    browser.open(stack.proxy("/?q=sort:-priority"));
    assertThat(browser.texts("td.title")).describedAs("by priority, then by id, largest first")
        .containsExactly("Renew passport", "Water plants", "Water plants", "Call Ann", "Water plants");
    browser.screenshot("list-desktop");
    browser.phone();
    browser.screenshot("list-phone");
    browser.desktop();

    browser.type("#delete-title", "Water plants");
    browser.click("form[action='/delete-by-title'] button[type=submit]");

    assertThat(browser.text(".flash"))
        .isEqualTo("Deleted 3 tasks titled \"Water plants\"; they can be restored from Deleted tasks for 7 days");
    assertThat(browser.texts("td.title")).describedAs("open tasks by priority, largest first")
        .containsExactly("Renew passport", "Call Ann");
    assertThat(csv(stack)).containsExactly("id,title,shortdesc,priority",
        "1,Call Ann,,2", "4,Renew passport,Photos are in the drawer,9");
  }

  @Test
  void resetsEverythingAfterConfirming(Stack stack) {
    stack.cli("add", "One");
    stack.cli("add", "Two");
    browser.open(stack.proxy("/"));
    assertThat(browser.texts("td.title")).containsExactly("One", "Two");

    browser.click("a[href='/reset']");
    assertThat(browser.text("h1")).isEqualTo("Delete every task?");
    browser.screenshot("reset-confirm-desktop");
    browser.phone();
    browser.screenshot("reset-confirm-phone");
    browser.click("form[action='/reset'] button[type=submit]");

    assertThat(browser.text(".flash"))
        .isEqualTo("All tasks deleted; the next task gets id 0. A reset cannot be undone: they cannot be restored");
    assertThat(browser.text(".empty")).contains("No tasks yet");
    assertThat(csv(stack)).containsExactly("id,title,shortdesc,priority");
    assertThat(stack.cli("add", "After the reset").out().strip()).isEqualTo("0");
  }

  @Test
  void showsTheStyledUnavailablePageWhenNoReplicaAnswers(Stack stack) {
    stack.killReplica(0);
    stack.killReplica(1);

    browser.open(stack.proxy("/"));

    assertThat(browser.title()).isEqualTo("Task Manager is unavailable");
    assertThat(browser.text("h1")).isEqualTo("Task Manager is unavailable");
    assertThat(browser.script("return getComputedStyle(document.querySelector('main')).backgroundColor"))
        .describedAs("the page's own inline style applies under its Content-Security-Policy")
        .isEqualTo("rgb(255, 255, 255)");
    browser.screenshot("unavailable-desktop");
    browser.phone();
    browser.screenshot("unavailable-phone");
    Number left = (Number) browser.script("return document.querySelector('main').getBoundingClientRect().left");
    assertThat(left.intValue()).describedAs("the card keeps a margin on a phone, as the app's pages do")
        .isGreaterThanOrEqualTo(16);
  }

  /** {@code bin/task list --format csv}, its lines; the command must succeed. */
  private static List<String> csv(Stack stack) {
    Run listed = stack.cli("list", "is:any", "sort:id", "--format", "csv");
    assertThat(listed.status()).describedAs("bin/task list: " + listed.err()).isZero();
    return Programs.tutorialColumns(listed.out()).lines().toList();
  }
}
