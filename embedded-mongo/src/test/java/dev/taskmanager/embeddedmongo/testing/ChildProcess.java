package dev.taskmanager.embeddedmongo.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started from the test's class path running one main class, its output lines collected as
 * they come so that lines printed before a {@code kill -9} are all kept.
 */
public final class ChildProcess implements AutoCloseable {

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private final Thread outReader;
  private final Thread errReader;

  private ChildProcess(Process process) {
    this.process = process;
    this.outReader = collect(process.getInputStream(), out);
    this.errReader = collect(process.getErrorStream(), err);
  }

  public static ChildProcess start(Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        mainClass.getName()));
    command.addAll(List.of(args));
    try {
      return new ChildProcess(new ProcessBuilder(command).start());
    } catch (IOException cannotStart) {
      throw new UncheckedIOException(cannotStart);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** The standard output lines so far. */
  public List<String> out() {
    return List.copyOf(out);
  }

  public List<String> err() {
    return List.copyOf(err);
  }

  /** Waits until the output has at least {@code count} lines; false when the time ran out or the process ended first. */
  public boolean awaitOutLines(int count, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (out.size() < count) {
      if (System.nanoTime() > deadline || (!process.isAlive() && !outReader.isAlive())) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** Waits until an output line matches; false when the time ran out or the process ended first. */
  public boolean awaitLine(java.util.function.Predicate<String> wanted, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (out.stream().noneMatch(wanted)) {
      if (System.nanoTime() > deadline || (!process.isAlive() && !outReader.isAlive())) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** Waits for the process to end and its output to be read; returns the exit code. */
  public int awaitExit(long timeoutMillis) throws InterruptedException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the child process did not end within " + timeoutMillis + " ms; stderr: " + err);
    }
    outReader.join(5_000);
    errReader.join(5_000);
    return process.exitValue();
  }

  /** {@code kill -9}: the process gets no chance to clean up. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
    outReader.join(5_000);
    errReader.join(5_000);
  }

  /** SIGTERM: shutdown hooks run. */
  public void stop() {
    process.destroy();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        kill();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Thread collect(java.io.InputStream stream, List<String> lines) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException ended) {
        // The process is gone; what was read is kept.
      }
    }, "child-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
