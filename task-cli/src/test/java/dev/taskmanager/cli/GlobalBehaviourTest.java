package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.cli.store.StoreDoctor;
import dev.taskmanager.cli.store.StoreModules;
import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.mongo.wiring.StoreLifecycle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GlobalBehaviourTest {

  private static final List<String> COMMANDS = List.of(
      "add", "list", "show", "edit", "delete", "reset", "export", "import", "stats", "doctor", "completion");

  private final Cli cli = new Cli(StoreModules::select);

  @Test
  void versionShowsTheProjectVersionAndTheStoreInUse() {
    Result result = cli.run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).matches("task \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"
        + "store: embedded MongoDB-wire server, data dir data, database TaskManager\n");
  }

  @Test
  void versionNamesTheChosenStoreWithoutItsPassword() {
    Result result = cli.run("--mongo-uri", "mongodb://admin:s3cret@db.example:27017/", "--db", "Tasks", "--version");

    assertThat(result.out()).contains("store: MongoDB at mongodb://admin:****@db.example:27017/, database Tasks")
        .doesNotContain("s3cret");
  }

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    Result result = cli.run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains(COMMANDS)
        .contains("Exit codes:", " 3   not found", " 4   store unavailable", "Examples:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"add", "list", "show", "edit", "done", "reopen", "delete", "restore", "deleted", "reset",
      "export", "import", "backup", "stats", "doctor", "completion"})
  void everyCommandHasHelpWithExamplesAndExitCodes(String command) {
    // Picocli reports a help text it cannot format (a stray %) on System.err, not on the command's own stream.
    java.io.PrintStream systemErr = System.err;
    java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
    Result result;
    try {
      System.setErr(new java.io.PrintStream(picocliWarnings, true, java.nio.charset.StandardCharsets.UTF_8));
      result = cli.run(command, "--help");
    } finally {
      System.setErr(systemErr);
    }

    assertThat(picocliWarnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: task " + command)
        .contains(command.equals("completion") ? "Examples:\n  source <(task completion)" : "Examples:\n  task " + command)
        .contains("Exit codes:", "70   internal error");
  }

  @Test
  void anUnknownCommandIsAUsageErrorWithASuggestion() {
    Result result = cli.run("lsit");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("task: Unmatched argument at index 0: 'lsit'\n")
        .contains("Did you mean")
        .endsWith("Try 'task --help' for more information.\n");
  }

  @Test
  void noCommandIsAUsageError() {
    Result result = cli.run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("task: Missing command: say what to do, e.g. 'task list'\n"
        + "Try 'task --help' for more information.\n");
  }

  @Test
  void storeOptionsWorkBeforeOrAfterTheCommand() {
    assertThat(cli.run("--store", "memory", "list").exitCode()).isZero();
    assertThat(cli.run("list", "--store", "MEMORY").exitCode()).isZero();
  }

  @Test
  void aBadMongoUriOrDatabaseNameIsAUsageErrorNamingTheVariable() {
    Result uri = cli.run("list", "--mongo-uri", "http://localhost");
    Result db = cli.run("list", "--db", "a/b");

    assertThat(uri.exitCode()).isEqualTo(2);
    assertThat(uri.errLines()).containsExactly("task: TASK_MONGO_URI (--mongo-uri) does not start with mongodb:// or"
        + " mongodb+srv://; accepted: mongodb://host[:port][,host...]/[?options] or mongodb+srv://host/[?options], with the"
        + " user name and password percent-encoded; unset: the embedded store", "Try 'task list --help' for more information.");
    assertThat(db.exitCode()).isEqualTo(2);
    assertThat(db.err()).startsWith("task: TASK_DB (--db) is \"a/b\"; accepted: a MongoDB database name:");
  }

  @Test
  void readsTheStoreFromTheEnvironmentAndABadVariableGetsTheFlagsLine() {
    Result memory = cli.runWith(Map.of("TASK_STORE", "memory"), "--version");
    Result variable = cli.runWith(Map.of("TASK_MONGO_URI", "mongodb://h/?serverSelectionTimeoutMS=abc"), "stats");
    Result flag = cli.run("stats", "--mongo-uri", "mongodb://h/?serverSelectionTimeoutMS=abc");

    assertThat(memory.out()).contains("store: in-memory");
    assertThat(variable.exitCode()).isEqualTo(2);
    assertThat(variable.errLines().get(0)).startsWith("task: TASK_MONGO_URI (--mongo-uri) is not a usable MongoDB"
        + " connection string (the driver says: The connection string contains an invalid value for"
        + " 'serverselectiontimeoutms'.").isEqualTo(flag.errLines().get(0));
  }

  @Test
  void aGoodFlagWinsOverABadVariable() {
    assertThat(cli.runWith(Map.of("TASK_DB", "a/b", "TASK_STORE", "redis"), "stats", "--db", "Tasks", "--store", "memory")
        .exitCode()).isZero();
  }

  @Test
  void anUnexpectedErrorGivesExitCode70AndNoStackTrace() {
    Cli broken = Cli.withModule(storeThatThrows(new IllegalStateException("boom")));

    Result result = broken.run("stats");

    assertThat(result.exitCode()).isEqualTo(70);
    assertThat(result.err()).isEqualTo(
        "task: unexpected error (IllegalStateException); run again with --verbose to see the details\n");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Cli broken = Cli.withModule(storeThatThrows(new IllegalStateException("boom")));

    Result result = broken.run("stats", "--verbose");

    assertThat(result.exitCode()).isEqualTo(70);
    assertThat(result.err()).contains("java.lang.IllegalStateException: boom", "\tat ");
  }

  @Test
  void aStoreFailureMidCommandIsStoreUnavailable() {
    Cli broken = Cli.withModule(storeThatThrows(new TaskStoreException("timed out after 5 s")));

    Result result = broken.run("show", "1");

    assertThat(result.exitCode()).isEqualTo(4);
    assertThat(result.err()).isEqualTo("task: store unavailable: timed out after 5 s\n");
  }

  @Test
  void closesTheStoreAfterEveryCommandEvenAfterAnError() {
    AtomicInteger closed = new AtomicInteger();
    InMemoryTaskStore store = new InMemoryTaskStore();
    Cli counting = Cli.withModule(new AbstractModule() {
      @Override
      protected void configure() {
        bind(TaskStore.class).toInstance(store);
        bind(StoreDoctor.class).toInstance(new FakeStoreDoctor());
        bind(StoreLifecycle.class).toInstance(new StoreLifecycle() {
          @Override
          public String description() {
            return "counting";
          }

          @Override
          public void close() {
            closed.incrementAndGet();
          }
        });
      }
    });

    counting.run("add", "x");
    counting.run("show", "99");

    assertThat(closed).hasValue(2);
  }

  @Test
  void completionPrintsABashScriptForEveryCommand() {
    Result result = cli.run("completion");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("#!/usr/bin/env bash").contains("complete -F").contains(COMMANDS)
        .contains("--on-conflict", "--untag", "--no-due");
  }

  private static AbstractModule storeThatThrows(RuntimeException failure) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        TaskStore failing = (TaskStore) java.lang.reflect.Proxy.newProxyInstance(
            TaskStore.class.getClassLoader(), new Class<?>[] {TaskStore.class}, (proxy, method, args) -> {
              throw failure;
            });
        bind(TaskStore.class).toInstance(failing);
        bind(StoreDoctor.class).toInstance(new FakeStoreDoctor());
        bind(StoreLifecycle.class).toInstance(StoreLifecycle.nothingToClose("failing"));
      }
    };
  }
}
