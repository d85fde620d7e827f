package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.cli.socket.CommandClient;
import dev.taskmanager.cli.socket.CommandServer;
import dev.taskmanager.cli.store.InMemoryStoreModule;
import dev.taskmanager.core.model.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands a running app serves on the socket in its data directory: run there on its store,
 * with the output and exit code the command line gives; any other left to the command line, with
 * nothing run.
 */
class ServedCommandsTest {

  private static final Map<String, String> UTC = Map.of("TASK_TIMEZONE", "UTC");

  @TempDir
  Path dataDir;

  /** The app's store: what the server serves, and what the in-process command line compares with. */
  private final Cli cli = new Cli();
  private CommandServer server;

  @BeforeEach
  void serve() {
    server = CommandServer.start(dataDir, "TaskManager", new InMemoryStoreModule(cli.store, cli.users, cli.tokens))
        .orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aServedCommandWorksOnTheAppsStoreAndPrintsWhatTheCommandLineDoes() {
    Optional<Result> added = send(UTC, "add", "Buy milk", "--tag", "home", "--priority", "3");

    // What the command line says adding the same first task to a store of its own.
    assertThat(added).contains(new Cli().run("add", "Buy milk", "--tag", "home", "--priority", "3"));
    assertThat(cli.allTasks()).extracting(Task::title, Task::tags, Task::priority)
        .containsExactly(tuple("Buy milk", List.of("home"), 3));
    cli.given("Call the plumber", "before Friday", 7);

    Result served = send(UTC, "list", "sort:priority").orElseThrow();
    Result local = cli.run("list", "sort:priority");
    assertThat(served).isEqualTo(local);
    assertThat(served.out()).contains("Buy milk", "Call the plumber");
    assertThat(send(UTC, "stats").orElseThrow()).isEqualTo(cli.run("stats"));
  }

  @Test
  void anErrorGoesToStandardErrorWithTheCommandLinesExitCode() {
    Result served = send(UTC, "show", "999").orElseThrow();

    assertThat(served).isEqualTo(cli.run("show", "999"));
    assertThat(served.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(served.err()).contains("999");
    assertThat(send(UTC, "add", "").orElseThrow().exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(send(UTC, "list", "--no-such-option").orElseThrow()).isEqualTo(cli.run("list", "--no-such-option"));
  }

  @Test
  void commandsThatReadFilesTheInputOrAPasswordAreLeftToTheCommandLine() throws IOException {
    Path file = Files.writeString(dataDir.resolve("tasks.jsonl"), "{\"title\":\"Imported\"}\n");

    for (List<String> args : List.<List<String>>of(List.of("import", file.toString()), List.of("import", "-"),
        List.of("export"), List.of("user", "add", "ann"), List.of("reset"), List.of("delete", "1"),
        List.of("backup"), List.of("doctor"), List.of("--help"), List.of("list", "--help"), List.of("--version"),
        List.of(), List.of("--verbose"), List.of("no-such-command"), List.of("list", "--", "x"),
        // Titles from a file or the input, arguments from a file: the app would read its own.
        List.of("add", "--titles-from", file.toString()), List.of("add", "--titles-from=-"),
        List.of("list", "@" + file))) {
      assertThat(send(UTC, args.toArray(String[]::new))).as("task %s", args).isEmpty();
    }
    assertThat(cli.allTasks()).isEmpty();
  }

  @Test
  void aCommandNamingAnotherStoreIsLeftToTheCommandLine(@TempDir Path elsewhere) {
    assertThat(sendTo(elsewhere, UTC, "add", "x")).isEmpty();
    assertThat(send(Map.of("TASK_STORE", "memory"), "add", "x")).isEmpty();
    assertThat(send(UTC, "--store", "memory", "add", "x")).isEmpty();
    assertThat(send(UTC, "add", "x", "--mongo-uri=mongodb://127.0.0.1:1")).isEmpty();
    assertThat(send(Map.of("TASK_MONGO_URI", "mongodb://127.0.0.1:1"), "add", "x")).isEmpty();
    assertThat(send(UTC, "--db", "Other", "add", "x")).isEmpty();
    assertThat(send(Map.of("TASK_DB", "Other"), "add", "x")).isEmpty();
    assertThat(cli.allTasks()).isEmpty();

    assertThat(send(Map.of("TASK_DB", "TaskManager"), "add", "x")).isPresent();
  }

  @Test
  void aRelativeDataDirectoryIsTheClientsWhereverTheAppRuns() {
    Path relative = Path.of("").toAbsolutePath().relativize(dataDir);

    Optional<Result> added = sendTo(Path.of("no-such-directory"), UTC, "--data-dir", relative.toString(), "add", "x");

    assertThat(added).hasValueSatisfying(result -> assertThat(result.exitCode()).isZero());
    assertThat(cli.allTasks()).hasSize(1);
  }

  @Test
  void todayIsTheClientsWhenItNamesNoZone() {
    // Kiribati's Line Islands and Baker Island: 26 hours apart, two days apart for most of each day.
    for (String zone : List.of("Pacific/Kiritimati", "Etc/GMT+12")) {
      LocalDate before = LocalDate.now(ZoneId.of(zone));
      Result added = send(Map.of("TZ", zone), "add", "Due " + zone, "--due", "today").orElseThrow();
      LocalDate after = LocalDate.now(ZoneId.of(zone));

      assertThat(added.exitCode()).as(added.err()).isZero();
      Task task = cli.allTasks().stream().filter(t -> t.title().equals("Due " + zone)).findFirst().orElseThrow();
      assertThat(task.due()).isIn(before, after);
    }
  }

  @Test
  void aSocketLeftByAStoppedAppIsPassedBy() throws IOException {
    server.close();
    try (ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      // Bound and closed without removing its file: as an app killed with -9 leaves it.
      killed.bind(UnixDomainSocketAddress.of(dataDir.resolve("task.sock")));
    }
    assertThat(dataDir.resolve("task.sock")).exists();

    assertThat(send(UTC, "add", "x")).isEmpty();

    // The next app takes the socket over.
    server = CommandServer.start(dataDir, "TaskManager", new InMemoryStoreModule(cli.store, cli.users, cli.tokens))
        .orElseThrow();
    assertThat(send(UTC, "add", "x")).isPresent();
  }

  @Test
  void theSocketIsTheOwnersOnlyAndGoesWithTheApp() throws IOException {
    Path socket = dataDir.resolve("task.sock");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");

    server.close();

    assertThat(socket).doesNotExist();
    assertThat(send(UTC, "add", "x")).isEmpty();
  }

  @Test
  void severalClientsAtOnceAreEachServed() throws Exception {
    List<Thread> clients = new ArrayList<>();
    List<Optional<Result>> results = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 8; i++) {
      String title = "Task " + i;
      clients.add(new Thread(() -> results.add(send(UTC, "add", title))));
    }
    clients.forEach(Thread::start);
    for (Thread client : clients) {
      client.join(30_000);
    }

    // Each ran in the app, or, while it ran 4, was refused with nothing run (the command line runs it).
    List<Result> served = results.stream().flatMap(Optional::stream).collect(Collectors.toList());
    assertThat(results).hasSize(8);
    assertThat(served).isNotEmpty().allSatisfy(result -> assertThat(result.exitCode()).isZero());
    assertThat(cli.allTasks()).hasSize(served.size());
  }

  @Test
  void theLauncherChoosesTheArchiveOfSendingForTheCommandsServed() throws IOException {
    // bin/task picks the JVM's class-data archive before Java runs: its list must be the client's.
    Matcher served = Pattern.compile("(?m)^\\s*([a-z |]+)\\) served=1 ;;$")
        .matcher(Files.readString(Path.of("..", "bin", "task")));

    assertThat(served.find()).as("bin/task's case of the commands served").isTrue();
    assertThat(Set.of(served.group(1).split("\\s*\\|\\s*"))).isEqualTo(CommandClient.SERVED);
  }

  private Optional<Result> send(Map<String, String> environment, String... args) {
    return sendTo(dataDir, environment, args);
  }

  private Optional<Result> sendTo(Path directory, Map<String, String> environment, String... args) {
    Map<String, String> withDirectory = new HashMap<>(environment);
    withDirectory.put("TASK_DATA_DIR", directory.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    OptionalInt exitCode = CommandClient.runInApp(withDirectory, Path.of("").toAbsolutePath(), args, cli.terminal,
        out, err);
    if (exitCode.isEmpty()) {
      assertThat(out.size() + err.size()).as("output of a command not served").isZero();
      return Optional.empty();
    }
    return Optional.of(new Result(exitCode.getAsInt(), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)));
  }
}
