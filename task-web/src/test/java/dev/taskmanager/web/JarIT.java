package dev.taskmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runnable jar as an operator starts and stops it: through {@code bin/task-web}, or by itself. */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JarIT {

  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String JAR = Path.of("target", "task-web.jar").toString();
  private static final String LAUNCHER = Path.of("..", "bin", "task-web").toString();
  private static final Pattern RUNNING_AT = Pattern.compile("Task Manager is running at (http://[^\\s\"]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

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
      String url = awaitUrl(output, new ArrayList<>());
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
      assertThat(rest).last().asString().matches("\\S+Z INFO  \\S+WebApp: Task Manager stopped\\.");
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
      assertThat(awaitUrl(output, new ArrayList<>())).describedAs("the first app started").isNotNull();

      Process second = new ProcessBuilder(JAVA, "-jar", JAR, "--http-port", "0", "--data-dir", "target/jar-it-shared")
          .start();
      assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(second.exitValue()).isEqualTo(1);
      assertThat(new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
          .matches("task-web: data directory target/jar-it-shared is in use by process " + first.pid()
              + ", which serves it at mongodb://127\\.0\\.0\\.1:\\d+; set TASK_MONGO_URI to the URI in"
              + " target/jar-it-shared/mongo.address, or stop that process\n");
    } finally {
      first.destroy();
      first.waitFor(30, TimeUnit.SECONDS);
      first.destroyForcibly();
    }
  }

  @Test
  void withJsonLogsEveryLineOnStdoutIsAnObjectAndRequestsCarryTheirFields() throws Exception {
    Process process = new ProcessBuilder(JAVA, "-jar", JAR, "--http-port", "0", "--data-dir", "target/jar-it-json",
        "--log-format", "json").start();
    try {
      assertEveryLineIsJson(process);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void withJsonLogsOnAMongoDbGivenByUriEveryLineIsAnObjectToo() throws Exception {
    // Checking a connection string loads a driver class that makes a logger before the format is chosen.
    Process store = new ProcessBuilder(JAVA, "-jar", JAR, "--http-port", "0", "--data-dir", "target/jar-it-json-store")
        .redirectErrorStream(true).start();
    try {
      BufferedReader storeOutput = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
      assertThat(awaitUrl(storeOutput, new ArrayList<>())).describedAs("the app holding the store started").isNotNull();
      String uri = Files.readString(Path.of("target/jar-it-json-store/mongo.address")).strip();
      Process process = new ProcessBuilder(JAVA, "-jar", JAR, "--http-port", "0", "--mongo-uri", uri,
          "--log-format", "json").start();
      try {
        assertEveryLineIsJson(process);
      } finally {
        process.destroyForcibly();
      }
    } finally {
      store.destroy();
      store.waitFor(30, TimeUnit.SECONDS);
      store.destroyForcibly();
    }
  }

  private static void assertEveryLineIsJson(Process process) throws Exception {
    {
      BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      String url = awaitUrl(output, lines);
      int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/tasks/77"))
          .header("X-Request-Id", "jar-it-7").build(), BodyHandlers.ofString()).statusCode();
      assertThat(status).isEqualTo(404);

      process.toHandle().destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      output.lines().forEach(lines::add);

      List<JsonNode> objects = new ArrayList<>();
      for (String line : lines) {
        objects.add(JSON.readTree(line));
      }
      assertThat(objects).isNotEmpty().allSatisfy(object -> {
        assertThat(object.isObject()).isTrue();
        assertThat(object.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(object.path("level").asText()).isIn("INFO", "WARN", "ERROR");
        assertThat(object.path("logger").asText()).isNotBlank();
        assertThat(object.path("message").asText()).isNotBlank();
      });
      assertThat(objects).filteredOn(object -> object.path("request_id").asText().equals("jar-it-7")).singleElement()
          .satisfies(request -> {
            assertThat(request.path("method").asText()).isEqualTo("GET");
            assertThat(request.path("path").asText()).isEqualTo("/api/tasks/77");
            assertThat(request.path("status").asInt()).isEqualTo(404);
            assertThat(request.path("duration_ms").isNumber()).isTrue();
            assertThat(request.path("client").asText()).isEqualTo("127.0.0.1");
            assertThat(request.path("message").asText()).startsWith("GET /api/tasks/77 404 ");
          });
      assertThat(objects).last().satisfies(last -> assertThat(last.path("message").asText())
          .isEqualTo("Task Manager stopped."));
      assertThat(process.getErrorStream().readAllBytes()).isEmpty();
    }
  }

  /**
   * Reads the output up to the line that gives the app's address (in either log format) and
   * returns the address; stops there, as the next line only comes with the next request.
   */
  private static String awaitUrl(BufferedReader output, List<String> lines) throws IOException {
    String line;
    while ((line = output.readLine()) != null) {
      lines.add(line);
      Matcher runningAt = RUNNING_AT.matcher(line);
      if (runningAt.find()) {
        return runningAt.group(1);
      }
    }
    return null;
  }
}
