package dev.taskmanager.embeddedmongo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM started from the test's class path running one main class, its standard output and error
 * written to files, so that every line printed before a {@code kill -9} is kept.
 *
 * <p>Not read through a pipe: {@link Process#destroyForcibly()} closes the parent's end of the
 * child's output pipes right after the signal, so whatever the reader had not yet read is lost (the
 * tail of the output, in 36 of 60 kills of a child printing steadily), and a kill test then takes
 * acknowledged writes for unknown ones. What a process wrote to a file is in the kernel's page
 * cache the moment the write returns, whatever happens to the process next.
 */
public final class ChildProcess implements AutoCloseable {

  private final Process process;
  private final Path out;
  private final Path err;

  private ChildProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  public static ChildProcess start(Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        mainClass.getName()));
    command.addAll(List.of(args));
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("child-", ".out");
      err = Files.createTempFile("child-", ".err");
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      return new ChildProcess(process, out, err);
    } catch (IOException cannotStart) {
      deleteQuietly(out);
      deleteQuietly(err);
      throw new UncheckedIOException(cannotStart);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** The complete standard output lines so far: a last line without its line break is left out. */
  public List<String> out() {
    return completeLines(out);
  }

  public List<String> err() {
    return completeLines(err);
  }

  /** Waits until the output has at least {@code count} lines; false when the time ran out or the process ended first. */
  public boolean awaitOutLines(int count, long timeoutMillis) throws InterruptedException {
    return awaitOut(lines -> lines.size() >= count, timeoutMillis);
  }

  /** Waits until an output line matches; false when the time ran out or the process ended first. */
  public boolean awaitLine(Predicate<String> wanted, long timeoutMillis) throws InterruptedException {
    return awaitOut(lines -> lines.stream().anyMatch(wanted), timeoutMillis);
  }

  private boolean awaitOut(Predicate<List<String>> done, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      // Alive is asked first: a process that ended has written all it will.
      boolean alive = process.isAlive();
      if (done.test(out())) {
        return true;
      }
      if (!alive || System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
  }

  /** Waits for the process to end; returns the exit code. */
  public int awaitExit(long timeoutMillis) throws InterruptedException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the child process did not end within " + timeoutMillis + " ms; stderr: " + err());
    }
    return process.exitValue();
  }

  /** {@code kill -9}: the process gets no chance to clean up. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM: shutdown hooks run. */
  public void stop() {
    process.destroy();
  }

  /** Kills the process if it still runs, and deletes its output. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        kill();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException ignored) {
      // A temporary file left behind.
    }
  }

  private static List<String> completeLines(Path file) {
    try {
      // Cut at the last line break before decoding: a kill may leave half a character after it.
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      while (end > 0 && bytes[end - 1] != '\n') {
        end--;
      }
      return end == 0 ? List.of() : List.of(new String(bytes, 0, end - 1, StandardCharsets.UTF_8).split("\n", -1));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
