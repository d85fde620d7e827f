package dev.taskmanager.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.e2e.TitlesFeeder.Create;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * ID rule 2 under contention, through every way in at once: {@code bin/task add} processes and API
 * clients, each a process of its own, create tasks on one store while the web app serves the API.
 * Separate processes, not threads, because that is what the store sees in use: separate JVMs with
 * their own connections (the CLI's driver straight to the store, the API clients' HTTP connections
 * to the app), nothing shared that could serialise them. Subclasses say which store.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class IdsUnderContention {

  static final int CLI_PROCESSES = 4;
  static final int API_PROCESSES = 4;
  static final int CREATES_PER_PROCESS = 2_000;
  private static final Pattern STATS = Pattern.compile("\"tasks\":(\\d+),\"nextId\":(\\d+)");
  private static final Pattern EXPORTED = Pattern.compile("^\\{\"id\":(\\d+),\"title\":\"([^\"]+)\"");

  private Path dir;
  private LoggedProcess app;
  private URI url;
  private final List<LoggedProcess> processes = new ArrayList<>();

  /** The web app's store settings (environment variables), for a store only this test uses. */
  abstract Map<String, String> appStore(Path dir, String database);

  /** The settings that make {@code bin/task} work on that same store. */
  abstract Map<String, String> cliStore(Path dir, String database);

  @BeforeEach
  void startTheApp(TestInfo test) throws IOException {
    dir = Path.of("target", "e2e", getClass().getSimpleName(), test.getTestMethod().orElseThrow().getName())
        .toAbsolutePath();
    StackExtension.deleteRecursively(dir);
    Files.createDirectories(dir);
    Map<String, String> settings = new HashMap<>(appStore(dir, database()));
    settings.putAll(Map.of("TASK_HTTP_HOST", "127.0.0.1", "TASK_HTTP_PORT", "0"));
    app = Programs.startWebApp(StackExtension.repository(), "web", settings, dir.resolve("web.log"));
    url = Programs.awaitReady(app);
  }

  @AfterEach
  void stopEverything() {
    processes.forEach(LoggedProcess::kill);
    if (app != null) {
      app.close();
    }
  }

  @Test
  void everyAcknowledgedCreateGetsADistinctIdWhileEightProcessesCreateAtOnce() throws Exception {
    List<Create> creates = createFromEveryProcessAtOnce(() -> {});

    Set<Long> ids = creates.stream().map(Create::id).collect(Collectors.toSet());
    long largest = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
    long[] stats = stats();
    System.out.printf("%s: %d processes (%d bin/task, %d API clients) created %d tasks; %d distinct ids checked,"
            + " largest %d; store: %d tasks, next id %d%n", getClass().getSimpleName(), CLI_PROCESSES + API_PROCESSES,
        CLI_PROCESSES, API_PROCESSES, creates.size(), ids.size(), largest, stats[0], stats[1]);

    assertThat(creates).describedAs("acknowledged creates").hasSize((CLI_PROCESSES + API_PROCESSES) * CREATES_PER_PROCESS);
    assertThat(ids).describedAs("distinct ids among the acknowledged creates").hasSize(creates.size());
    assertThat(stats[0]).describedAs("tasks stored").isEqualTo(creates.size());
    assertThat(stats[1]).describedAs("the sequence's next id").isGreaterThan(largest);
  }

  @Test
  void noIdIsIssuedTwiceBetweenResetsWhileAnotherProcessDeletesAndResets() throws Exception {
    LoggedProcess resetter = Programs.startMain("resetter", ResetterMain.class.getName(), Map.of(),
        dir.resolve("resetter.log"), url.toString(), "9");
    processes.add(resetter);

    // Stopped while the others still create, so that tasks made after the last reset are left to check.
    List<Create> creates = createFromEveryProcessAtOnce(resetter::closeInput);
    assertThat(resetter.awaitExit(java.time.Duration.ofSeconds(30))).describedAs("the resetter's exit status").isZero();
    List<long[]> resets = resetter.lines().stream().filter(line -> line.startsWith("reset "))
        .map(line -> new long[] {Long.parseLong(line.split(" ")[1]), Long.parseLong(line.split(" ")[2])})
        .collect(Collectors.toList());

    List<String> reusedWithinAnEpoch = idsIssuedTwiceWithinAnEpoch(creates, resets);
    long certain = creates.stream().filter(create -> epochsPossible(create, resets)[0] == epochsPossible(create, resets)[1])
        .count();
    Map<String, Long> acknowledgedIds = creates.stream().collect(Collectors.toMap(Create::title, Create::id));
    Map<Long, String> stored = exported();
    System.out.printf("%s: %d processes created %d tasks while a process reset %d times; %d ids checked, %d of them"
            + " certainly in one epoch; %d tasks left after the last reset%n", getClass().getSimpleName(),
        CLI_PROCESSES + API_PROCESSES, creates.size(), resets.size(), creates.size(), certain, stored.size());

    assertThat(resets.size()).describedAs("resets while the tasks were created").isGreaterThanOrEqualTo(3);
    assertThat(creates).describedAs("acknowledged creates").hasSize((CLI_PROCESSES + API_PROCESSES) * CREATES_PER_PROCESS);
    assertThat(reusedWithinAnEpoch).describedAs("ids issued twice with no reset between").isEmpty();
    stored.forEach((id, title) -> assertThat(acknowledgedIds.get(title))
        .describedAs("the id acknowledged for the stored task %s", title).isEqualTo(id));
    long[] stats = stats();
    assertThat(stats[0]).isEqualTo(stored.size());
    assertThat(stats[1]).describedAs("the sequence's next id").isGreaterThan(
        stored.keySet().stream().mapToLong(Long::longValue).max().orElse(-1));
  }

  /**
   * The creates that got an id another create got in the same epoch (between the same two resets).
   * A create's epoch is known only within bounds: it counts every reset answered before it was sent,
   * and at most every reset started before it was answered. Creates sharing an id are fine only if
   * each can be given an epoch of its own within its bounds (the greedy earliest-deadline choice
   * finds such an assignment whenever one exists).
   */
  private static List<String> idsIssuedTwiceWithinAnEpoch(List<Create> creates, List<long[]> resets) {
    List<String> problems = new ArrayList<>();
    Map<Long, List<Create>> byId = creates.stream().collect(Collectors.groupingBy(Create::id));
    for (Map.Entry<Long, List<Create>> sameId : byId.entrySet()) {
      List<Create> sharing = new ArrayList<>(sameId.getValue());
      sharing.sort(Comparator.comparingInt(create -> epochsPossible(create, resets)[1]));
      Set<Integer> taken = new HashSet<>();
      for (Create create : sharing) {
        int[] bounds = epochsPossible(create, resets);
        int epoch = bounds[0];
        while (taken.contains(epoch)) {
          epoch++;
        }
        if (epoch > bounds[1]) {
          problems.add("id " + sameId.getKey() + " issued to " + describe(sharing, resets));
          break;
        }
        taken.add(epoch);
      }
    }
    return problems;
  }

  private static int[] epochsPossible(Create create, List<long[]> resets) {
    int earliest = (int) resets.stream().filter(reset -> reset[1] < create.sent()).count();
    int latest = (int) resets.stream().filter(reset -> reset[0] < create.acknowledged()).count();
    return new int[] {earliest, latest};
  }

  private static String describe(Collection<Create> creates, List<long[]> resets) {
    return creates.stream().map(create -> {
      int[] bounds = epochsPossible(create, resets);
      return create.title() + " (epoch " + bounds[0] + (bounds[1] > bounds[0] ? "-" + bounds[1] : "") + ")";
    }).collect(Collectors.joining(", "));
  }

  /**
   * Runs the API clients and the {@code bin/task} processes at once; returns every acknowledged
   * create. {@code whenOneIsDone} runs once, when the first {@code bin/task} process has made all its tasks.
   */
  private List<Create> createFromEveryProcessAtOnce(Runnable whenOneIsDone) throws Exception {
    AtomicBoolean oneIsDone = new AtomicBoolean();
    List<LoggedProcess> apiClients = new ArrayList<>();
    for (int client = 0; client < API_PROCESSES; client++) {
      LoggedProcess process = Programs.startMain("api-" + client, ApiCreatorMain.class.getName(), Map.of(),
          dir.resolve("api-" + client + ".log"), url.toString(), String.valueOf(CREATES_PER_PROCESS), "api" + client);
      processes.add(process);
      apiClients.add(process);
    }
    ConcurrentLinkedQueue<Create> creates = new ConcurrentLinkedQueue<>();
    ExecutorService feeders = Executors.newFixedThreadPool(CLI_PROCESSES);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int cli = 0; cli < CLI_PROCESSES; cli++) {
        String name = "cli" + cli;
        running.add(feeders.submit(() -> {
          try (TitlesFeeder feeder = new TitlesFeeder(StackExtension.repository(), cliStore(dir, database()),
              dir.resolve(name + "-stderr.txt"))) {
            for (int number = 0; number < CREATES_PER_PROCESS; number++) {
              creates.add(feeder.add(name + "-" + number));
            }
          }
          if (oneIsDone.compareAndSet(false, true)) {
            whenOneIsDone.run();
          }
          return null;
        }));
      }
      for (Future<?> feeder : running) {
        feeder.get(240, TimeUnit.SECONDS);
      }
    } finally {
      feeders.shutdownNow();
    }
    for (LoggedProcess client : apiClients) {
      assertThat(client.awaitExit(java.time.Duration.ofSeconds(120))).describedAs(client.name() + "'s exit status")
          .isZero();
      client.lines().stream().map(Create::parse).forEach(creates::add);
    }
    return new ArrayList<>(creates);
  }

  /** The store's task count and next id, as {@code bin/task stats} gives them. */
  private long[] stats() {
    Programs.Run stats = Programs.task(StackExtension.repository(), cliStore(dir, database()), "stats", "--format", "json");
    Matcher values = STATS.matcher(stats.out());
    assertThat(values.find()).describedAs("bin/task stats: " + stats).isTrue();
    return new long[] {Long.parseLong(values.group(1)), Long.parseLong(values.group(2))};
  }

  /** Every stored task's title by id, as {@code bin/task export} gives them. */
  private Map<Long, String> exported() {
    Programs.Run export = Programs.task(StackExtension.repository(), cliStore(dir, database()), "export", "--format", "jsonl");
    assertThat(export.status()).describedAs("bin/task export: " + export.err()).isZero();
    Map<Long, String> stored = new HashMap<>();
    export.out().lines().forEach(line -> {
      Matcher task = EXPORTED.matcher(line);
      assertThat(task.find()).describedAs("an exported task: " + line).isTrue();
      assertThat(stored.put(Long.parseLong(task.group(1)), task.group(2))).describedAs("a stored id twice").isNull();
    });
    return stored;
  }

  /** A database of this test's own, so that tests on one server do not see each other's tasks. */
  private String database() {
    return "Contention_" + dir.getFileName().toString().substring(0, 20);
  }
}
