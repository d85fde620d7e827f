package dev.taskmanager.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bin/task add --titles-from -} process, fed one title at a time: the next title is
 * written only once the id of the last one has been read, so each create happened between the
 * moment its title was written and the moment its id was read (both {@link System#nanoTime()}, the
 * machine's monotonic clock, comparable with other processes' times).
 */
final class TitlesFeeder implements AutoCloseable {

  /** An acknowledged create and the times around it. */
  record Create(long id, String title, long sent, long acknowledged) {

    static Create parse(String line) {
      String[] fields = line.split(" ");
      return new Create(Long.parseLong(fields[0]), fields[1], Long.parseLong(fields[2]), Long.parseLong(fields[3]));
    }
  }

  private final Process process;
  private final Writer titles;
  private final BufferedReader ids;
  private final Path err;

  TitlesFeeder(Path repository, Map<String, String> environment, Path err) {
    ProcessBuilder builder = new ProcessBuilder(Programs.taskCommand(repository, List.of("add", "--titles-from", "-")));
    builder.environment().keySet().removeIf(variable -> !variable.equals("PATH") && !variable.equals("HOME"));
    builder.environment().putAll(environment);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.redirectError(err.toFile());
    this.err = err;
    try {
      process = builder.start();
    } catch (IOException cannotStart) {
      throw new UncheckedIOException(cannotStart);
    }
    titles = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    ids = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Creates one task; fails when {@code bin/task} gives no id. */
  Create add(String title) throws IOException {
    long sent = System.nanoTime();
    titles.write(title + "\n");
    titles.flush();
    String id = ids.readLine();
    long acknowledged = System.nanoTime();
    if (id == null) {
      throw new AssertionError("bin/task add ended without an id for " + title + "; its errors are in " + err);
    }
    return new Create(Long.parseLong(id), title, sent, acknowledged);
  }

  /** Ends the input and waits for a clean exit. */
  @Override
  public void close() throws IOException, InterruptedException {
    titles.close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("bin/task add did not end within 30 s of its input");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("bin/task add ended with status " + process.exitValue() + "; its errors are in " + err);
    }
  }
}
