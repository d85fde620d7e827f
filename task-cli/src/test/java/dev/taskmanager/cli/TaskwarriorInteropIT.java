package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.core.model.Task;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ways with the real Taskwarrior (Debian's {@code taskwarrior}, which installs its own {@code
 * task} at {@code /usr/bin/task}, called by that path): what its export writes is imported here,
 * and what is exported here its import takes, task for task. Skipped when it is not installed,
 * unless {@code TASK_E2E_REQUIRED=1}.
 */
class TaskwarriorInteropIT {

  private static final Path TASKWARRIOR = Path.of("/usr/bin/task");

  @TempDir
  Path directory;

  private final Cli cli = new Cli();

  @BeforeEach
  void requireTaskwarrior() {
    if (!Files.isExecutable(TASKWARRIOR)) {
      String reason = "Taskwarrior is not installed at " + TASKWARRIOR + ": apt-get install taskwarrior";
      if ("1".equals(System.getenv("TASK_E2E_REQUIRED"))) {
        Assertions.fail(reason + " — and TASK_E2E_REQUIRED=1");
      }
      Assumptions.abort(reason);
    }
  }

  @Test
  void importsWhatTaskwarriorExports() throws Exception {
    Path data = directory.resolve("tw");
    taskwarrior(data, "add", "Buy milk", "due:2026-12-10", "priority:H", "+home", "+Errands");
    taskwarrior(data, "1", "annotate", "semi-skimmed");
    taskwarrior(data, "1", "annotate", "two litres");
    taskwarrior(data, "add", "Write report", "project:work", "priority:L");
    taskwarrior(data, "add", "Gone", "priority:M");
    taskwarrior(data, "add", "Later", "wait:2027-01-01");
    // Later ids first: Taskwarrior renumbers its working set after a change.
    taskwarrior(data, "3", "delete");
    taskwarrior(data, "2", "done");
    Path exported = directory.resolve("tw.json");
    Files.writeString(exported, taskwarrior(data, "export"));

    Result imported = cli.run("import", exported.toString(), "--format", "taskwarrior");

    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out()).isEqualTo(
        "imported 3 of 3 tasks (added 3, replaced 0, skipped 0); left out 1 deleted or recurring Taskwarrior task\n");
    List<Task> tasks = cli.allTasks();
    assertThat(tasks).extracting(Task::title).containsExactlyInAnyOrder("Buy milk", "Write report", "Later");
    Task milk = byTitle(tasks, "Buy milk");
    assertThat(milk.due()).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(milk.priority()).isEqualTo(3);
    assertThat(milk.tags()).containsExactly("errands", "home");
    assertThat(milk.shortdesc()).isEqualTo("semi-skimmed\ntwo litres");
    assertThat(milk.done()).isFalse();
    assertThat(milk.createdAt()).isNotNull();
    Task report = byTitle(tasks, "Write report");
    assertThat(report.done()).isTrue();
    assertThat(report.doneAt()).isNotNull();
    assertThat(report.priority()).isEqualTo(1);
    assertThat(report.tags()).containsExactly("work");
    assertThat(byTitle(tasks, "Later").done()).describedAs("waiting is open").isFalse();
  }

  @Test
  void taskwarriorImportsWhatIsExportedHereTaskForTask() throws Exception {
    cli.run("add", "Wrap presents", "--due", "2026-12-24", "--tag", "family", "--tag", "home", "--priority", "3",
        "--desc", "paper\nribbon");
    cli.run("add", "Call the plumber", "--priority", "2");
    cli.run("add", "Pay rent", "--priority", "1", "--tag", "money");
    cli.run("done", "2");
    List<Task> before = cli.allTasks();
    Path ours = directory.resolve("ours.json");
    assertThat(cli.run("export", "--format", "taskwarrior", "--output", ours.toString()).exitCode()).isZero();

    Path data = directory.resolve("tw");
    taskwarrior(data, "import", ours.toString());
    Path back = directory.resolve("back.json");
    Files.writeString(back, taskwarrior(data, "export"));
    Cli fresh = new Cli();
    Result imported = fresh.run("import", back.toString(), "--format", "taskwarrior");

    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    List<Task> after = fresh.allTasks();
    assertThat(after).hasSameSizeAs(before);
    for (Task original : before) {
      Task again = byTitle(after, original.title());
      assertThat(List.of(again.shortdesc(), again.priority(), again.done(), again.tags(), String.valueOf(again.due())))
          .describedAs(original.title())
          .isEqualTo(List.of(original.shortdesc(), original.priority(), original.done(), original.tags(),
              String.valueOf(original.due())));
      assertThat(again.createdAt()).describedAs("created, to the second").isEqualTo(original.createdAt()
          .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
  }

  private static Task byTitle(List<Task> tasks, String title) {
    return tasks.stream().filter(task -> task.title().equals(title)).findFirst().orElseThrow();
  }

  /** Runs Taskwarrior on its own data directory, in UTC, with no questions; returns what it printed. */
  private String taskwarrior(Path data, String... arguments) throws Exception {
    Files.createDirectories(data);
    Path rc = data.resolve("taskrc");
    Files.writeString(rc, "data.location=" + data + "\nconfirmation=off\nverbose=nothing\n");
    List<String> command = new ArrayList<>(List.of(TASKWARRIOR.toString(), "rc:" + rc));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("TZ", "UTC");
    builder.environment().put("TASKRC", rc.toString());
    Process process = builder.start();
    // Read on another thread, so that a Taskwarrior that hangs fails the test at the bound instead of hanging it.
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
    boolean ended = process.waitFor(30, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    assertThat(ended).describedAs("task " + String.join(" ", arguments) + " ended within 30 s").isTrue();
    String printed = output.get(10, TimeUnit.SECONDS);
    assertThat(process.exitValue()).describedAs("task " + String.join(" ", arguments) + ": " + printed).isZero();
    return printed;
  }

  private static String readAll(Process process) {
    try {
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }
}
