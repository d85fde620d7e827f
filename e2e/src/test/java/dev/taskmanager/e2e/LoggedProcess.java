package dev.taskmanager.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process of the stack whose standard output and error are kept, line by line, in memory
 * (to wait for a start-up line) and in a log file under {@code target/} (to read after a failure).
 */
final class LoggedProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private LoggedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.reader = new Thread(this::copyOutput, name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command} with exactly {@code environment} (plus PATH), its output appended to {@code log}. */
  static LoggedProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(variable -> !variable.equals("PATH") && !variable.equals("HOME"));
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return new LoggedProcess(name, builder.start(), log);
    } catch (IOException cannotStart) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, cannotStart);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /** The output lines so far. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * Waits for the first output line that matches and returns it.
   *
   * @throws AssertionError when the process ends or the time runs out first, with its output
   */
  String awaitLine(Predicate<String> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        if (wanted.test(line)) {
          return line;
        }
      }
      if (!process.isAlive() && !reader.isAlive()) {
        throw new AssertionError(name + " ended with status " + process.exitValue() + " before it was ready; output ("
            + log + "):\n" + String.join("\n", lines));
      }
      sleep(20);
    }
    throw new AssertionError(name + " was not ready within " + timeout.toSeconds() + " s; output (" + log + "):\n"
        + String.join("\n", lines));
  }

  /** Closes the process's standard input: it reads end of file. */
  void closeInput() {
    try {
      process.getOutputStream().close();
    } catch (IOException alreadyGone) {
      // A process that ended has no input left to close.
    }
  }

  /** Waits for the process to end by itself and returns its exit status. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new AssertionError(name + " did not end within " + timeout.toSeconds() + " s; output:\n"
            + String.join("\n", lines));
      }
      reader.join(5_000);
      return process.exitValue();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      kill();
      throw new AssertionError("interrupted while waiting for " + name, interrupted);
    }
  }

  /** {@code kill -9}, its children first: nothing gets a chance to finish. Returns when it is gone. */
  void kill() {
    // nginx's workers would outlive a killed master.
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      reader.join(2_000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, then {@code kill -9} if it has not ended within the grace period. */
  void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    // Through the handle: Process.destroy() would also close our end of its output.
    process.toHandle().destroy();
    try {
      if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        reader.join(2_000);
        return;
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    kill();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }

  private void copyOutput() {
    try (InputStream output = process.getInputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
        PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
        file.println(line);
      }
    } catch (IOException ended) {
      // The process is gone; what was read is kept.
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }
}
