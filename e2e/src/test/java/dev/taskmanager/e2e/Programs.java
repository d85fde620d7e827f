package dev.taskmanager.e2e;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * How the end-to-end tests start the project's programs as processes: the MongoDB-wire server
 * standing in for {@code mongo}, the web app's runnable jar, {@code bin/task}, and small test mains,
 * each as its own JVM with only the environment it is given.
 */
final class Programs {

  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final String RUNNING_AT = "Task Manager is running at ";
  private static final String LISTENING_ON = "listening on ";

  private Programs() {}

  /** The web app's jar, or an error saying to build it. */
  static Path webJar(Path repository) {
    Path webJar = repository.resolve("task-web/target/task-web.jar");
    if (!Files.isRegularFile(webJar)) {
      throw new AssertionError(webJar + " is missing: build it first (./mvnw verify builds it before these tests)");
    }
    return webJar;
  }

  /** Starts the MongoDB-wire server on {@code dataDir}; {@link #awaitMongoUri} says where it listens. */
  static LoggedProcess startMongo(String name, Path dataDir, int port, Path log) {
    return startMain(name, "dev.taskmanager.embeddedmongo.EmbeddedMongoMain", Map.of(), log, dataDir.toString(), String.valueOf(port));
  }

  /**
   * Waits for the server's address line and returns the URI clients connect with: the one it wrote
   * to {@code mongo.address} in its data directory, which holds the secret it demands (its output
   * never does).
   */
  static String awaitMongoUri(LoggedProcess mongo, Path dataDir) {
    mongo.awaitLine(output -> output.startsWith(LISTENING_ON), START_TIMEOUT);
    try {
      return Files.readString(dataDir.resolve("mongo.address")).strip();
    } catch (IOException unreadable) {
      throw new AssertionError("the server said it listens but wrote no mongo.address in " + dataDir, unreadable);
    }
  }

  /** Starts a main class of the test class path (the server, the tests' own clients) as a JVM of its own. */
  static LoggedProcess startMain(String name, String mainClass, Map<String, String> environment, Path log,
      String... arguments) {
    List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
        testClassPath(), mainClass));
    command.addAll(Arrays.asList(arguments));
    return LoggedProcess.start(name, command, environment, log);
  }

  /** Starts the web app's jar with exactly these settings (as environment variables). */
  static LoggedProcess startWebApp(Path repository, String name, Map<String, String> settings, Path log) {
    return LoggedProcess.start(name, List.of(JAVA, "-Xmx256m", "-jar", webJar(repository).toString()), settings, log);
  }

  /** Waits for the web app's address line and for it to be ready; returns its address. */
  static URI awaitReady(LoggedProcess app) {
    // The app's log line: "<time> INFO  <logger>: Task Manager is running at http://…/".
    String line = app.awaitLine(output -> output.contains(RUNNING_AT), START_TIMEOUT);
    URI url = URI.create(line.substring(line.indexOf(RUNNING_AT) + RUNNING_AT.length()).strip());
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpRequest ready = HttpRequest.newBuilder(url.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build();
        if (client.send(ready, BodyHandlers.discarding()).statusCode() == 200) {
          return url;
        }
      } catch (IOException notYet) {
        // Retried until the deadline.
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + app.name(), interrupted);
      }
      Stack.sleep(Duration.ofMillis(100));
    }
    throw new AssertionError(app.name() + " never became ready; output:\n" + String.join("\n", app.lines()));
  }

  /** {@code sh bin/task ARGUMENTS}, for a process builder. */
  static List<String> taskCommand(Path repository, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of("/bin/sh", repository.resolve("bin/task").toString()));
    command.addAll(arguments);
    return command;
  }

  /** What a program printed and returned. */
  record Run(int status, String out, String err) {}

  /** Runs {@code bin/task} with exactly this environment (plus PATH and the tests' JDK), no input. */
  static Run task(Path repository, Map<String, String> environment, String... arguments) {
    Map<String, String> withJava = new HashMap<>(environment);
    withJava.put("JAVA_HOME", System.getProperty("java.home"));
    return run(taskCommand(repository, Arrays.asList(arguments)), withJava);
  }

  /**
   * Runs a short program to its end (bounded) with exactly this environment (plus PATH), no input,
   * and returns what it printed. Its output goes through pipes, never files, so a limit on file
   * sizes set for it does not cut its messages short.
   */
  static Run run(List<String> command, Map<String, String> environment) {
    return run(command, environment, null);
  }

  /** Runs {@code bin/task} as {@link #task} does, with {@code input} on its standard input. */
  static Run taskWithInput(Path repository, Map<String, String> environment, String input, String... arguments) {
    Map<String, String> withJava = new HashMap<>(environment);
    withJava.put("JAVA_HOME", System.getProperty("java.home"));
    return run(taskCommand(repository, Arrays.asList(arguments)), withJava, input);
  }

  private static Run run(List<String> command, Map<String, String> environment, String input) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(input == null
        ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.PIPE);
    builder.environment().keySet().removeIf(variable -> !variable.equals("PATH") && !variable.equals("HOME"));
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      if (input != null) {
        try (var stdin = process.getOutputStream()) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      String out = readAll(process.getInputStream());
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not end within 60 s");
      }
      return new Run(process.exitValue(), out, err.get(10, TimeUnit.SECONDS));
    } catch (IOException | ExecutionException | TimeoutException failed) {
      throw new AssertionError("cannot run " + String.join(" ", command), failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + String.join(" ", command), interrupted);
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /**
   * The test class path without the runnable jars (whole applications with their own copies of
   * every library): what {@code java -cp} needs for the MongoDB-wire server and the test mains.
   */
  private static String testClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("task-web.jar") && !entry.endsWith("task-cli.jar"))
        .filter(entry -> !entry.contains(File.separator + "task-web" + File.separator)
            && !entry.contains(File.separator + "task-cli" + File.separator))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * A CSV listing of {@code task list --format csv} with the tutorial's four columns only: the
   * newer eight come last and hold no commas here (no author this harness uses has one).
   */
  static String tutorialColumns(String csv) {
    return csv.lines()
        .map(line -> line.replaceFirst(
            "(,done,done_at,created_at,updated_at,due,tags,created_by,updated_by|,(true|false)(,[^,]*){7})$", ""))
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
