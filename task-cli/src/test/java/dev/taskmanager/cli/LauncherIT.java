package dev.taskmanager.cli;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.embeddedmongo.EmbeddedMongoServer;
import dev.taskmanager.mongo.wiring.EmbeddedServer;
import dev.taskmanager.mongo.adapter.MongoTaskStore;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code bin/task} as a process, on the jar {@code package} built. */
class LauncherIT {

  private static final Path LAUNCHER = Path.of(System.getProperty("task.launcher", "../bin/task"));

  @Test
  void helpListsTheCommandsAndExitsWithZero() throws Exception {
    Run run = task(Map.of(), "", "--help");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("Usage: task ").contains("add", "list", "import", "Exit codes:");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void versionShowsTheProjectVersionAndTheStore() throws Exception {
    Run run = task(Map.of("TASK_STORE", "memory"), "", "--version");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("task " + System.getProperty("task.version") + "\n"
        + "store: in-memory (TASK_STORE=memory: temporary, nothing is kept after the command ends)\n");
  }

  @Test
  void addPrintsTheIdAndListShowsAStoreThatDiedWithTheLastProcess() throws Exception {
    Run add = task(Map.of("TASK_STORE", "memory"), "", "add", "Write the report", "--priority", "5");
    Run list = task(Map.of("TASK_STORE", "memory"), "", "list", "--format", "json");

    assertThat(add.exitCode()).as(add.toString()).isZero();
    assertThat(add.out()).isEqualTo("0\n");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out()).describedAs("the in-memory store is temporary").isEqualTo("[]\n");
  }

  @Test
  void importsFromStandardInputAndListsInOneProcessOfEach() throws Exception {
    Run run = task(Map.of("TASK_STORE", "memory"), "{\"id\": 4, \"title\": \"Pay the bill\"}\n",
        "import", "-", "--format", "jsonl");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("imported 1 of 1 tasks (added 1, replaced 0, skipped 0)\n");
  }

  @Test
  void badInputGivesOneLineOnStandardErrorAndExitCodeOne() throws Exception {
    Run run = task(Map.of("TASK_STORE", "memory"), "", "add", "");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("task: title: is empty; accepted: 1 to 200 characters, no control characters\n");
  }

  @Test
  void keepsTasksInTheDataDirectoryFromOneProcessToTheNext(@TempDir Path dataDir) throws Exception {
    Map<String, String> environment = Map.of("TASK_DATA_DIR", dataDir.toString());

    Run add = task(environment, "", "add", "Write the report", "--priority", "5");
    Run list = task(environment, "", "list", "--format", "csv");

    assertThat(add.exitCode()).as(add.toString()).isZero();
    assertThat(add.out()).isEqualTo("0\n");
    assertThat(Cli.tutorialColumns(list.out())).as(list.toString()).isEqualTo("id,title,shortdesc,priority\n0,Write the report,,5\n");
  }

  @Test
  void joinsTheServerOfTheProcessThatHoldsTheDataDirectory(@TempDir Path dataDir) throws Exception {
    try (EmbeddedMongoServer running = EmbeddedServer.start(dataDir, 0);
        MongoClient client = MongoClients.create(running.uri())) {
      MongoTaskStore appStore = MongoTaskStore.open(client.getDatabase("TaskManager"));
      appStore.create(new TaskDraft("Made by the app"), NOW);

      Run add = task(Map.of("TASK_DATA_DIR", dataDir.toString()), "", "add", "Made by bin/task");
      Run list = task(Map.of("TASK_DATA_DIR", dataDir.toString()), "", "list", "--format", "csv");

      assertThat(add.exitCode()).as(add.toString()).isZero();
      assertThat(Cli.tutorialColumns(list.out())).as(list.toString())
          .isEqualTo("id,title,shortdesc,priority\n0,Made by the app,,0\n1,Made by bin/task,,0\n");
      assertThat(appStore.get(1)).map(Task::title).contains("Made by bin/task");
    }
  }

  @Test
  void anUnreachableStoreGivesExitCodeFourAndOneLine() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    Run run = task(Map.of("TASK_MONGO_URI", "mongodb://127.0.0.1:" + closedPort + "/"), "", "list");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
    assertThat(run.err()).startsWith("task: store unavailable: MongoDB cannot be reached").hasLineCount(1);
  }

  @Test
  void writesUtf8WhateverTheLocale() throws Exception {
    Run run = task(Map.of("TASK_STORE", "memory", "LC_ALL", "C", "LANG", "C"),
        "{\"id\": 1, \"title\": \"x\", \"priority\": \"caf\u00e9 \u65e5\u672c\"}\n", "import", "-", "--format", "jsonl");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).startsWith("task: <stdin>:1: record 1: priority: \"caf\u00e9 \u65e5\u672c\" is not a whole number");
  }

  @Test
  void hostileArgumentsGetOneLineAndAnExitCodeFromTheRealProcess() throws Exception {
    Map<String, String> memory = Map.of("TASK_STORE", "memory");
    Run notUtf8 = shell(memory, LAUNCHER + " add \"$(printf 'a\\377\\376b')\"");
    Run escape = shell(memory, LAUNCHER + " add \"$(printf 'a\\033[2Jb')\"");
    Run hugeId = task(memory, "", "show", "9".repeat(100));
    Run unknown = task(memory, "", "list", "--frobnicate");

    // The JVM decodes the arguments before main: bytes that are not UTF-8 arrive as replacement
    // characters, which a title may hold.
    assertThat(notUtf8.exitCode()).as(notUtf8.toString()).isZero();
    assertThat(notUtf8.err()).isEmpty();
    assertThat(escape.exitCode()).as(escape.toString()).isEqualTo(1);
    assertThat(escape.err()).isEqualTo("task: title: contains the control character U+001B at position 2; "
        + "accepted: 1 to 200 characters, no control characters\n");
    assertThat(hugeId.exitCode()).as(hugeId.toString()).isEqualTo(1);
    assertThat(hugeId.err()).startsWith("task: id: ").endsWith("is out of range; accepted: a whole number from 0 to "
        + Long.MAX_VALUE + "\n");
    assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("task: Unknown option: '--frobnicate'");
  }

  /**
   * 100 MB, valid or junk, from a file or standard input, in a modest heap: refused whole with one
   * line, the store untouched. A valid file that large is refused by its size (the import holds the
   * input it checks); junk is refused at its first broken record or value, before it fills memory.
   */
  @Test
  void aHundredMegabyteImportIsRefusedWholeInAModestHeap(@TempDir Path directory) throws Exception {
    Map<String, String> environment = Map.of("TASK_DATA_DIR", directory.resolve("data").toString(),
        "TASK_JAVA_OPTS", "-Xmx96m");
    assertThat(task(environment, "", "add", "Already here").exitCode()).isZero();
    String before = task(environment, "", "export", "--format", "jsonl").out();
    Path valid = directory.resolve("valid.jsonl");
    Path junk = directory.resolve("junk.csv");
    Path oneLine = directory.resolve("one-line.jsonl");
    try {
      writeHundredMegabytes(valid, i -> "{\"id\":" + (i + 1) + ",\"title\":\"Task " + i
          + "\",\"shortdesc\":\"An imported task with a description of some length\",\"priority\":7}\n");
      Random random = new Random(100);
      byte[] bytes = new byte[1 << 20];
      writeHundredMegabytes(junk, i -> {
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
      });
      writeHundredMegabytes(oneLine, i -> i == 0 ? "{\"id\": 1, \"title\": \"" : "x".repeat(1 << 20));

      List<Run> runs = List.of(task(environment, "", "import", valid.toString()), task(environment, "", "import",
          junk.toString()), taskReading(valid, environment, "import", "-", "--format", "jsonl"),
          taskReading(oneLine, environment, "import", "-", "--format", "jsonl"),
          taskReading(junk, environment, "import", "-", "--format", "csv"));

      for (Run run : runs) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).as(run.toString()).startsWith("task: ").contains("nothing imported")
            .doesNotContain("\tat ", "Exception", "Error");
      }
      assertThat(runs.get(0).err()).contains("is 100 MiB; accepted: up to 32 MiB");
      assertThat(runs.get(2).err()).contains("the input is larger than 32 MiB");
      assertThat(runs.get(3).err()).contains("the line is longer than 262144 characters");
      assertThat(task(environment, "", "export", "--format", "jsonl").out()).isEqualTo(before);
    } finally {
      Files.deleteIfExists(valid);
      Files.deleteIfExists(junk);
      Files.deleteIfExists(oneLine);
    }
  }

  /** Writes the chunks for 0, 1, 2… until the file holds 100 MiB. */
  private static void writeHundredMegabytes(Path file, IntFunction<String> chunks) throws IOException {
    long left = 100L * 1024 * 1024;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
      for (int i = 0; left > 0; i++) {
        String chunk = chunks.apply(i);
        out.write(chunk);
        left -= chunk.length();
      }
    }
  }

  private static Run task(Map<String, String> environment, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    return start(new ProcessBuilder(command), environment, stdin);
  }

  /** Runs {@code bin/task} with its standard input read from a file. */
  private static Run taskReading(Path stdin, Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    return start(new ProcessBuilder(command).redirectInput(stdin.toFile()), environment, null);
  }

  /** Runs a shell command line, for arguments Java cannot pass as they are (bytes that are not UTF-8). */
  private static Run shell(Map<String, String> environment, String commandLine) throws Exception {
    return start(new ProcessBuilder("sh", "-c", commandLine), environment, "");
  }

  private static Run start(ProcessBuilder builder, Map<String, String> environment, String stdin) throws Exception {
    builder.environment().remove("TASK_STORE");
    builder.environment().remove("TASK_MONGO_URI");
    builder.environment().remove("TASK_DATA_DIR");
    builder.environment().remove("TASK_JAVA_OPTS");
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    if (stdin != null) {
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).describedAs("bin/task finished").isTrue();
    return new Run(process.exitValue(), out.get(), err.get());
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  static {
    assertThat(Files.isExecutable(LAUNCHER)).describedAs(LAUNCHER + " is executable").isTrue();
  }
}
