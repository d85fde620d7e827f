package dev.taskmanager.cli;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.cli.io.Csv;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportImportRoundTripTest {

  private static final int TASKS = 10_000;

  @TempDir
  Path directory;

  private final Cli cli = new Cli();

  @ParameterizedTest
  @ValueSource(strings = {"json", "jsonl", "csv"})
  void exportResetImportGivesBackTheSameTasks(String format) throws IOException {
    givenTenThousandAwkwardTasksWithGaps();
    List<Task> before = cli.allTasks();
    long nextIdBefore = cli.store.nextId();
    Path file = directory.resolve("tasks." + format);

    Result exported = cli.run("export", "--output", file.toString());
    Result reset = cli.run("reset", "--yes");
    Result imported = cli.run("import", file.toString());

    assertThat(exported.exitCode()).as(exported.toString()).isZero();
    assertThat(exported.out()).isEqualTo("exported " + before.size() + " tasks to " + file + "\n");
    assertThat(reset.exitCode()).isZero();
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.out()).isEqualTo("imported " + before.size() + " of " + before.size()
        + " tasks (added " + before.size() + ", replaced 0, skipped 0)\n");
    assertThat(cli.allTasks()).isEqualTo(before);
    assertThat(cli.store.nextId()).describedAs("the sequence moves past the largest id").isEqualTo(nextIdBefore);
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "jsonl", "csv"})
  void exportsToStandardOutputAndImportsFromStandardInput(String format) {
    cli.given("one, with a comma", "\"quoted\"\nand two lines", 7);
    cli.given("padded, title", "", 0);
    String exported = cli.run("export", "--format", format).out();
    cli.run("reset", "--yes");
    cli.terminal.stdin(exported);

    Result imported = cli.run("import", "-", "--format", format);

    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(cli.allTasks()).containsExactly(
        new Task(0, "one, with a comma", "\"quoted\"\nand two lines", 7, null, NOW, NOW, null, List.of()),
        new Task(1, "padded, title", "", 0, null, NOW, NOW, null, List.of()));
  }

  @Test
  void exportWritesTheDocumentedJsonShape() {
    cli.given("a", "b", 3);

    Result result = cli.run("export");

    assertThat(result.out()).isEqualTo("[\n{\"id\":0,\"title\":\"a\",\"shortdesc\":\"b\",\"priority\":3,\"done\":false,"
        + "\"done_at\":null,\"created_at\":\"2026-12-01T09:30:00.123Z\",\"updated_at\":\"2026-12-01T09:30:00.123Z\","
        + "\"due\":null,\"tags\":[],\"created_by\":null,\"updated_by\":null}\n]\n");
  }

  @Test
  void exportTakesTheFormatFromTheFileExtension() throws IOException {
    cli.given("a");
    Path file = directory.resolve("out.csv");

    cli.run("export", "-o", file.toString());

    assertThat(Files.readString(file)).isEqualTo(Csv.HEADER + "\n0,a,,0,false,,2026-12-01T09:30:00.123Z,2026-12-01T09:30:00.123Z,,,,\n");
  }

  @Test
  void exportToAnUnwritablePlaceFailsClearlyAndLeavesNoFile() {
    Path file = directory.resolve("missing-dir/out.json");

    Result result = cli.run("export", "--output", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("task: cannot write " + file + ": no such file or directory\n");
    assertThat(file).doesNotExist();
  }

  @Test
  void importDryRunSaysWhatWouldHappenAndWritesNothing() throws IOException {
    Path file = write("tasks.jsonl", "{\"id\":5,\"title\":\"a\"}\n{\"id\":9,\"title\":\"b\"}\n");

    Result result = cli.run("import", file.toString(), "--dry-run");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("dry run: would import 2 of 2 tasks (added 2, replaced 0, skipped 0); nothing was written\n");
    assertThat(cli.store.count()).isZero();
  }

  @Test
  void importKeepsIdsAndNewTasksComeAfterTheLargest() throws IOException {
    Path file = write("tasks.json", "[{\"id\":\"41\",\"title\":\"a\",\"priority\":\"2\"},{\"id\":7,\"title\":\"b\",\"shortdesc\":null}]");

    cli.run("import", file.toString());
    Result added = cli.run("add", "next");

    assertThat(cli.store.get(41)).contains(new Task(41, "a", "", 2));
    assertThat(cli.store.get(7)).contains(new Task(7, "b", "", 0));
    assertThat(added.out()).isEqualTo("42\n");
  }

  @Test
  void importRefusesIdsAlreadyStoredUnlessToldToSkipOrReplace() throws IOException {
    cli.given("stored zero");
    cli.given("stored one");
    Path file = write("tasks.csv", "id,title\n1,imported one\n2,imported two\n");

    Result refused = cli.run("import", file.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines()).containsExactly(
        "task: " + file + ":2: record 1: id: 1 is already used by a stored task; accepted: an id no stored task has, "
            + "or an import that skips or replaces conflicting tasks",
        "task: nothing imported: 1 problem in 1 of 2 records");
    assertThat(cli.store.count()).isEqualTo(2);

    Result skipped = cli.run("import", file.toString(), "--on-conflict", "skip");
    assertThat(skipped.out()).isEqualTo("imported 1 of 2 tasks (added 1, replaced 0, skipped 1)\n");
    assertThat(cli.store.get(1).orElseThrow().title()).isEqualTo("stored one");

    Result replaced = cli.run("import", file.toString(), "--on-conflict", "replace");
    assertThat(replaced.out()).isEqualTo("imported 2 of 2 tasks (added 0, replaced 2, skipped 0)\n");
    assertThat(replaced.err()).isEqualTo("task: audit: " + System.getProperty("user.name") + " (command line) imported "
        + file + ", replacing 2 tasks\n");
    assertThat(cli.store.get(1).orElseThrow().title()).isEqualTo("imported one");
  }

  private void givenTenThousandAwkwardTasksWithGaps() {
    for (int i = 0; i < TASKS; i++) {
      String title = switch (i % 5) {
        case 0 -> "Task " + i;
        case 1 -> "comma, \"quote\" " + i;
        case 2 -> "ünïcödé 日本 🙂 " + i;
        case 3 -> "tab\tin title? no: " + i;
        default -> " leading space? trimmed " + i;
      };
      String shortdesc = i % 3 == 0 ? "" : "line one\nline two, with \"quotes\"\tand a tab " + i;
      if (title.contains("\t")) {
        title = title.replace("\t", " ");
      }
      String author = switch (i % 3) {
        case 0 -> null;
        case 1 -> "ann";
        default -> "o'brien, \"the\" admin (command line)";
      };
      cli.given(new TaskDraft(title, shortdesc, i % 1001).by(author));
    }
    for (long id = 10; id < TASKS - 1; id += 97) {
      cli.store.delete(id, NOW);
    }
  }

  @Test
  void theNewFieldsRoundTripInEveryFormat() throws IOException {
    Task done = cli.given(new TaskDraft("Pay rent", "monthly", 2, LocalDate.of(2026, 12, 31), List.of("home", "money")));
    cli.run("done", String.valueOf(done.id()));
    cli.given("Legacy");
    List<Task> before = cli.allTasks();
    assertThat(before).extracting(Task::updatedBy).describedAs("done on the command line").contains(Cli.ACTOR);

    for (String format : List.of("json", "jsonl", "csv")) {
      Path file = directory.resolve("all." + format);
      assertThat(cli.run("export", "--output", file.toString()).exitCode()).isZero();
      cli.run("reset", "--yes");
      Result imported = cli.run("import", file.toString());
      assertThat(imported.exitCode()).as(imported.toString()).isZero();
      assertThat(cli.allTasks()).describedAs(format).isEqualTo(before);
    }
  }

  @Test
  void aFileWithoutTheNewFieldsStillImportsAsOpenUndatedTasks() throws IOException {
    Path file = write("old.csv", "id,title,shortdesc,priority\n3,From the tutorial,,1\n");

    assertThat(cli.run("import", file.toString()).exitCode()).isZero();

    assertThat(cli.store.get(3)).contains(new Task(3, "From the tutorial", "", 1));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
  }
}
