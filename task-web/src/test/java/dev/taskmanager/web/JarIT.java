package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runnable jar as an operator starts and stops it: through {@code bin/task-web}, or by itself. */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JarIT {

  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String JAR = Path.of("target", "task-web.jar").toString();
  private static final String LAUNCHER = Path.of("..", "bin", "task-web").toString();

  @Test
  void theLauncherStartsItOnTheBuildsClassDataArchiveAndItStopsCleanlyOnSigterm() throws Exception {
    ProcessBuilder launcher = new ProcessBuilder(LAUNCHER, "--http-port", "0", "--data-dir", "target/jar-it-data")
        .redirectErrorStream(true);
    launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
    // Refuse to start unless the archive the build made can be used: -Xshare:auto would hide it.
    launcher.environment().put("TASK_JAVA_OPTS", "-Xshare:on");
    Process process = launcher.start();
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String url = null;
      // Stop reading at the URL line: the next line only comes with the next request.
      while (url == null) {
        String line = output.readLine();
        if (line == null) {
          break;
        }
        if (line.startsWith("Task Manager is running at ")) {
          url = line.substring("Task Manager is running at ".length());
        }
      }
      assertThat(url).startsWith("http://127.0.0.1:");
      int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "health/ready")).build(),
          BodyHandlers.ofString()).statusCode();
      assertThat(status).isEqualTo(200);

      // SIGTERM through the handle: Process.destroy() would also close our end of its output.
      process.toHandle().destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      List<String> rest = new ArrayList<>();
      output.lines().forEach(rest::add);
      assertThat(rest).anyMatch(line -> line.contains("GET /health/ready 200"));
      assertThat(rest).last().isEqualTo("Task Manager stopped.");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void aWrongSettingExitsWithStatus2AndOneLine() throws Exception {
    Process process = new ProcessBuilder(JAVA, "-jar", JAR, "--http-port", "http").start();

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(
        "task-web: TASK_HTTP_PORT (--http-port) is \"http\"; accepted: a whole number from 0 to 65535 (0 picks a free"
            + " port)\n");
  }

  @Test
  void aSecondAppOnTheSameDataDirectoryExitsWithOneLineNamingTheFirst() throws Exception {
    Process first = new ProcessBuilder(JAVA, "-jar", JAR, "--http-port", "0", "--data-dir", "target/jar-it-shared")
        .redirectErrorStream(true).start();
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = output.readLine();
      } while (line != null && !line.startsWith("Task Manager is running at "));
      assertThat(line).describedAs("the first app started").isNotNull();

      Process second = new ProcessBuilder(JAVA, "-jar", JAR, "--http-port", "0", "--data-dir", "target/jar-it-shared")
          .start();
      assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(second.exitValue()).isEqualTo(1);
      assertThat(new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
          .matches("task-web: data directory target/jar-it-shared is in use by process " + first.pid()
              + "; set TASK_MONGO_URI to mongodb://127\\.0\\.0\\.1:\\d+ or stop that process\n");
    } finally {
      first.destroy();
      first.waitFor(30, TimeUnit.SECONDS);
      first.destroyForcibly();
    }
  }
}
