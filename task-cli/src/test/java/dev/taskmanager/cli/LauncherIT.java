package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.mongo.EmbeddedMongo;
import dev.taskmanager.mongo.MongoTaskStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    assertThat(list.out()).as(list.toString()).isEqualTo("id,title,shortdesc,priority\n0,Write the report,,5\n");
  }

  @Test
  void joinsTheServerOfTheProcessThatHoldsTheDataDirectory(@TempDir Path dataDir) throws Exception {
    try (EmbeddedMongo running = EmbeddedMongo.start(dataDir, 0);
        MongoClient client = MongoClients.create(running.uri())) {
      MongoTaskStore appStore = MongoTaskStore.open(client.getDatabase("TaskManager"));
      appStore.create(new TaskDraft("Made by the app"));

      Run add = task(Map.of("TASK_DATA_DIR", dataDir.toString()), "", "add", "Made by bin/task");
      Run list = task(Map.of("TASK_DATA_DIR", dataDir.toString()), "", "list", "--format", "csv");

      assertThat(add.exitCode()).as(add.toString()).isZero();
      assertThat(list.out()).as(list.toString())
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

  private static Run task(Map<String, String> environment, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("TASK_STORE");
    builder.environment().remove("TASK_MONGO_URI");
    builder.environment().remove("TASK_DATA_DIR");
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
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
