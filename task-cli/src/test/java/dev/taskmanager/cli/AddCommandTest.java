package dev.taskmanager.cli;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.cli.store.StoreModules;
import dev.taskmanager.core.model.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddCommandTest {

  private final Cli cli = new Cli();

  @Test
  void printsTheNewIdAndStoresTheTask() {
    cli.given("First");

    Result result = cli.run("add", "Write the report", "--desc", "Due Friday", "--priority", "5");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("1\n");
    assertThat(result.err()).isEmpty();
    assertThat(cli.store.get(1)).contains(new Task(1, "Write the report", "Due Friday", 5, null, NOW, NOW, null, List.of(), Cli.ACTOR,
        Cli.ACTOR));
  }

  @Test
  void trimsTheTitleAndDefaultsTheRest() {
    Result result = cli.run("add", "  Book the trip  ");

    assertThat(result.exitCode()).isZero();
    assertThat(cli.store.get(0)).contains(new Task(0, "Book the trip", "", 0, null, NOW, NOW, null, List.of(), Cli.ACTOR, Cli.ACTOR));
  }

  @Test
  void rejectsAnEmptyTitleWithTheCoresMessage() {
    Result result = cli.run("add", "");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("task: title: is empty; accepted: 1 to 200 characters, no control characters\n");
    assertThat(cli.store.count()).isZero();
  }

  @Test
  void reportsEveryBadFieldAtOnceOnALineEach() {
    Result result = cli.run("add", "a\u0007b", "--priority", "high");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly(
        "task: title: contains the control character U+0007 at position 2; accepted: 1 to 200 characters, no control characters",
        "task: priority: \"high\" is not a whole number; accepted: a whole number from 0 to 1000 (empty means 0)");
    assertThat(cli.store.count()).isZero();
  }

  @Test
  void rejectsAHugePriorityWithoutAStackTrace() {
    Result result = cli.run("add", "x", "--priority", "9".repeat(10_000));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(
        "task: priority: a huge number is out of range; accepted: a whole number from 0 to 1000 (empty means 0)\n");
  }

  @Test
  void rejectsA10KilobyteTitleAndDescription() {
    Result result = cli.run("add", "t".repeat(10_240), "--desc", "d".repeat(10_240));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly(
        "task: title: is 10240 characters long; accepted: 1 to 200 characters, no control characters",
        "task: shortdesc: is 10240 characters long; accepted: up to 2000 characters; newlines and tabs but no other control characters");
  }

  @Test
  void keepsNewlinesInTheDescription() {
    Result result = cli.run("add", "x", "--desc", "line one\nline two");

    assertThat(result.exitCode()).isZero();
    assertThat(cli.store.get(0).orElseThrow().shortdesc()).isEqualTo("line one\nline two");
  }

  @Test
  void aMissingTitleIsAUsageError() {
    Result result = cli.run("add");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).first().asString().startsWith("task: Missing required parameter");
    assertThat(result.errLines()).last().isEqualTo("Try 'task add --help' for more information.");
  }

  @Test
  void reportsBadInputEvenWhenTheStoreIsUnavailable() {
    Cli withoutStore = new Cli(StoreModules::select);

    Result result = withoutStore.run("add", "");

    assertThat(result.exitCode()).describedAs("input is checked before the store is opened").isEqualTo(1);
  }
  @Test
  void addsATaskPerLineOfStandardInputEachWithItsOwnId() {
    cli.given("First");
    cli.terminal.stdin("Buy milk\n\n  Call Anna  \r\n   \nPay the bill");

    Result result = cli.run("add", "--titles-from", "-", "--priority", "3", "--desc", "batch");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).describedAs("blank lines are skipped").isEqualTo("1\n2\n3\n");
    assertThat(result.err()).isEmpty();
    assertThat(cli.allTasks()).extracting(Task::title, Task::shortdesc, Task::priority).containsExactly(
        tuple("First", "", 0), tuple("Buy milk", "batch", 3), tuple("Call Anna", "batch", 3),
        tuple("Pay the bill", "batch", 3));
  }

  @Test
  void addsATaskPerLineOfAFile(@TempDir Path dir) throws Exception {
    Path titles = Files.writeString(dir.resolve("titles.txt"), "\uFEFFCaf\u00e9 au lait\nTea\n", StandardCharsets.UTF_8);

    Result result = cli.run("add", "--titles-from", titles.toString());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("0\n1\n");
    assertThat(cli.store.get(0)).map(Task::title).contains("Caf\u00e9 au lait");
  }

  @Test
  void stopsAtTheFirstBadLineKeepingTheTasksAboveIt() {
    cli.terminal.stdin("Buy milk\nCall Anna\n" + "x".repeat(201) + "\nNever added\n");

    Result result = cli.run("add", "--titles-from", "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).describedAs("the ids of the tasks added before the bad line").isEqualTo("0\n1\n");
    assertThat(result.err()).isEqualTo(
        "task: <stdin>:3: title: is 201 characters long; accepted: 1 to 200 characters, no control characters\n");
    assertThat(cli.store.count()).isEqualTo(2);
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    cli.terminal.stdin = new byte[] {'o', 'k', (byte) 0xff, (byte) 0xfe, '\n'};

    Result result = cli.run("add", "--titles-from", "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(cli.store.count()).isZero();
    assertThat(result.err()).isEqualTo(
        "task: <stdin>: is not UTF-8 text (a binary file?); accepted: a UTF-8 text file\n");
  }

  @Test
  void aMissingTitlesFileIsInvalidInputAndNothingIsAdded() {
    Result result = cli.run("add", "--titles-from", "no-such-titles.txt");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("task: cannot read no-such-titles.txt: no such file\n");
    assertThat(cli.store.count()).isZero();
  }

  @Test
  void aTitleAndTitlesFromTogetherAreAUsageError() {
    Result result = cli.run("add", "One", "--titles-from", "-");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).first().isEqualTo("task: Give either TITLE or --titles-from FILE, not both");
    assertThat(cli.store.count()).isZero();
  }
}
