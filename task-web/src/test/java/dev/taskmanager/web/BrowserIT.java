package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.model.TaskDraft;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
  /** Replaces the dialogs before any page script runs, so a script that ran leaves a trace. */
  private static final String DIALOG_RECORDER = "window.__dialogs = [];"
      + "['alert', 'confirm', 'prompt'].forEach(function (name) {"
      + "  window[name] = function (message) { window.__dialogs.push(name + ':' + message); return null; };"
      + "});";

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
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DIALOG_RECORDER));
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
    assertThat(browser.findElement(By.cssSelector("#title")).getAttribute("value")).isEqualTo("Write the report");
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
      server.store.create(new TaskDraft(title));
    }
    open("/");

    type("#delete-title", "Water plants");
    click("form[action='/delete-by-title'] button[type=submit]");

    assertThat(text(".flash")).isEqualTo("Deleted 3 tasks titled \"Water plants\"");
    assertThat(texts("td.title")).containsExactly("Call Ann");
  }

  @Test
  void resetsEverythingAfterConfirming() {
    server.store.create(new TaskDraft("One"));
    server.store.create(new TaskDraft("Two"));
    open("/");

    click("a[href='/reset']");
    assertThat(text("h1")).isEqualTo("Delete every task?");
    screenshot("reset-confirm-desktop");
    resize(390, 844, true);
    screenshot("reset-confirm-phone");
    click("form[action='/reset'] button[type=submit]");

    assertThat(text(".flash")).isEqualTo("All tasks deleted; the next task gets id 0");
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
    assertThat(browser.findElement(By.cssSelector("#new-shortdesc")).getAttribute("value")).isEqualTo("my careful notes");
    assertThat(browser.findElement(By.cssSelector("#new-priority")).getAttribute("value")).isEqualTo("very high");
    screenshot("validation-desktop");
    resize(390, 844, true);
    screenshot("validation-phone");
  }

  @Test
  void showsAHostileTitleAsTextAndRunsNoScript() throws InterruptedException {
    String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    open("/");
    type("#new-title", hostile);
    click("form[action='/tasks'] button[type=submit]");

    assertThat(texts("td.title")).containsExactly(hostile);
    click("a[aria-label='Edit task 0']");
    assertThat(browser.findElement(By.cssSelector("#title")).getAttribute("value")).isEqualTo(hostile);
    Thread.sleep(1000);
    assertThat((List<?>) browser.executeScript("return window.__dialogs")).isEmpty();
    open("/");
    Thread.sleep(1000);
    assertThat((List<?>) browser.executeScript("return window.__dialogs")).isEmpty();
    assertThat(browser.findElements(By.cssSelector("main img[src=x], main script"))).isEmpty();
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
    for (String[] task : tasks) {
      server.store.create(new TaskDraft(task[0], task[1], Integer.parseInt(task[2])));
    }

    open("/?sort=priority&order=desc");
    screenshot("list-desktop");
    open("/tasks/1");
    screenshot("edit-desktop");
    open("/tasks/999");
    assertThat(text("h1")).isEqualTo("Task not found");
    screenshot("not-found-desktop");

    resize(390, 844, true);
    open("/?sort=priority&order=desc");
    screenshot("list-phone");
    Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
    assertThat(scrollWidth.intValue()).describedAs("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
    open("/tasks/1");
    screenshot("edit-phone");
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

  private static void resize(int width, int height, boolean mobile) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
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
