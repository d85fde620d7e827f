package dev.taskmanager.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, given explicitly
 * so Selenium Manager never downloads anything), used as a person uses the page: JavaScript-free
 * forms, links and buttons. Always {@link #close()} it; a shutdown hook does too.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final Thread shutdownHook = new Thread(this::quit, "e2e-browser-shutdown");
  private boolean quit;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts Chromium, or skips (fails under {@code TASK_E2E_REQUIRED=1}) when it is not installed. */
  static Browser start(Path profile) {
    return start(profile, List.of());
  }

  /** Starts Chromium with these arguments besides its usual ones. */
  static Browser start(Path profile, List<String> arguments) {
    Required.chromium();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Required.CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--user-data-dir=" + profile,
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars");
    options.addArguments(arguments);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Required.CHROMEDRIVER.toFile()).build();
    Browser browser = new Browser(new ChromeDriver(service, options));
    Runtime.getRuntime().addShutdownHook(browser.shutdownHook);
    browser.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    return browser;
  }

  void open(URI uri) {
    driver.get(uri.toString());
  }

  void type(String css, String text) {
    WebElement input = driver.findElement(By.cssSelector(css));
    input.clear();
    input.sendKeys(text);
  }

  /** Clicks a link or submit button and waits for the next page: click does not await a form post's navigation. */
  void click(String css) {
    WebElement oldPage = driver.findElement(By.tagName("html"));
    driver.findElement(By.cssSelector(css)).click();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        oldPage.getTagName();
      } catch (StaleElementReferenceException replaced) {
        if ("complete".equals(driver.executeScript("return document.readyState"))) {
          return;
        }
      } catch (WebDriverException inTransition) {
        // While the page is replaced, chromedriver may report the old node as "not belonging to the
        // document" instead of stale: the navigation is under way, so keep waiting.
      }
      Stack.sleep(Duration.ofMillis(25));
    }
    throw new AssertionError("no new page within 15 s after clicking " + css);
  }

  /** Fills in the sign-in page the browser is on and sends it. */
  void signIn(String name, String password) {
    type("#name", name);
    type("#password", password);
    click("form[action='/sign-in'] button");
  }

  String text(String css) {
    return driver.findElement(By.cssSelector(css)).getText();
  }

  List<String> texts(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  String value(String css) {
    return driver.findElement(By.cssSelector(css)).getAttribute("value");
  }

  boolean has(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  String title() {
    return driver.getTitle();
  }

  Object script(String script) {
    return driver.executeScript(script);
  }

  /** Exact viewport sizes: a window size would include the simulated browser's own chrome. */
  void desktop() {
    viewport(1280, 800, false);
  }

  void phone() {
    viewport(390, 844, true);
  }

  private void viewport(int width, int height, boolean mobile) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  void screenshot(String name) {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException failed) {
      throw new UncheckedIOException("could not save screenshot " + name, failed);
    }
  }

  @Override
  public void close() {
    quit();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Called while the JVM shuts down.
    }
  }

  private synchronized void quit() {
    if (!quit) {
      quit = true;
      driver.quit();
    }
  }
}
