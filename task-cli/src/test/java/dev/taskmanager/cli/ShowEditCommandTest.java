package dev.taskmanager.cli;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.core.model.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShowEditCommandTest {

  private final Cli cli = new Cli();

  @Test
  void showsATaskInFull() {
    cli.given("Write the report", "Due Friday\nto Anna", 5);

    Result result = cli.run("show", "0");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo(""
        + "id:        0\n"
        + "title:     Write the report\n"
        + "priority:  5\n"
        + "status:    open\n"
        + "due:       \n"
        + "tags:      \n"
        + "created:   2026-12-01T09:30:00.123Z\n"
        + "updated:   2026-12-01T09:30:00.123Z\n"
        + "shortdesc: Due Friday\n"
        + "           to Anna\n");
  }

  @Test
  void showsWhoCreatedAndChangedATask() {
    cli.run("add", "Call the plumber");
    cli.store.update(0, dev.taskmanager.core.model.TaskPatch.none().withPriority(3).by("ann"), NOW);

    Result result = cli.run("show", "0");

    assertThat(result.out()).contains("created:   2026-12-01T09:30:00.123Z by " + Cli.ACTOR + "\n",
        "updated:   2026-12-01T09:30:00.123Z by ann\n");
  }

  @Test
  void showsATaskAsJson() {
    cli.given("x", "", 2);

    Result result = cli.run("show", "0", "--format", "json");

    assertThat(result.out()).isEqualTo("{\"id\":0,\"title\":\"x\",\"shortdesc\":\"\",\"priority\":2,\"done\":false,\"done_at\":null,"
        + "\"created_at\":\"2026-12-01T09:30:00.123Z\",\"updated_at\":\"2026-12-01T09:30:00.123Z\",\"due\":null,\"tags\":[],"
        + "\"created_by\":null,\"updated_by\":null}\n");
  }

  @Test
  void saysWhenNoTaskHasTheId() {
    Result result = cli.run("show", "42");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("task: task 42 does not exist\n");
  }

  @Test
  void rejectsANonNumericId() {
    Result result = cli.run("show", "abc");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo(
        "task: id: \"abc\" is not a whole number; accepted: a whole number from 0 to 9223372036854775807\n");
  }

  @Test
  void rejectsAHugeOrNegativeId() {
    assertThat(cli.run("show", "9223372036854775808").err())
        .isEqualTo("task: id: 9223372036854775808 is out of range; accepted: a whole number from 0 to 9223372036854775807\n");
    assertThat(cli.run("show", "--", "-1").err())
        .isEqualTo("task: id: -1 is out of range; accepted: a whole number from 0 to 9223372036854775807\n");
  }

  @Test
  void editsOnlyTheGivenFieldsAndShowsTheResult() {
    cli.given("Write the report", "Due Friday", 5);

    Result result = cli.run("edit", "0", "--priority", "9");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("priority:  9");
    assertThat(cli.store.get(0)).contains(new Task(0, "Write the report", "Due Friday", 9, null, NOW, NOW, null, List.of(),
        null, Cli.ACTOR));
  }

  @Test
  void clearsTheDescriptionWithAnEmptyValue() {
    cli.given("x", "old", 1);

    cli.run("edit", "0", "--desc", "", "--title", "y");

    assertThat(cli.store.get(0)).contains(new Task(0, "y", "", 1, null, NOW, NOW, null, List.of(), null, Cli.ACTOR));
  }

  @Test
  void reportsABadIdAndBadFieldsTogether() {
    Result result = cli.run("edit", "x1", "--title", " ", "--priority", "1001");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly(
        "task: id: \"x1\" is not a whole number; accepted: a whole number from 0 to 9223372036854775807",
        "task: title: is empty; accepted: 1 to 200 characters, no control characters",
        "task: priority: 1001 is out of range; accepted: a whole number from 0 to 1000 (empty means 0)");
  }

  @Test
  void rejectsAControlCharacterInTheDescriptionButKeepsTabs() {
    cli.given("x");

    assertThat(cli.run("edit", "0", "--desc", "a\tb").exitCode()).isZero();
    Result result = cli.run("edit", "0", "--desc", "a\u0000b");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("task: shortdesc: contains the control character U+0000 at position 2");
    assertThat(cli.store.get(0).orElseThrow().shortdesc()).isEqualTo("a\tb");
  }

  @Test
  void refusesToEditWithNothingToChange() {
    cli.given("x");

    Result result = cli.run("edit", "0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("task: Nothing to change: give --title, --desc, --priority, --due, --no-due, --tag or --untag\n");
  }

  @Test
  void saysWhenTheTaskToEditDoesNotExist() {
    Result result = cli.run("edit", "7", "--title", "x");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).isEqualTo("task: task 7 does not exist\n");
  }
}
