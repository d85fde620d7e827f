package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import org.junit.jupiter.api.Test;

class DeleteResetCommandTest {

  /** How every line of the audit trail starts: the system user, on the command line. */
  private static final String AUDIT = "task: audit: " + System.getProperty("user.name") + " (command line) ";


  private final Cli cli = new Cli();

  @Test
  void deletesTasksByIdAndSaysHowMany() {
    cli.given("a");
    cli.given("b");
    cli.given("c");

    Result result = cli.run("delete", "0", "2");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("deleted 2 tasks\n");
    assertThat(cli.allTasks()).extracting(task -> task.title()).containsExactly("b");
  }

  @Test
  void deletesTheOthersWhenSomeIdsDoNotExistAndExitsWithNotFound() {
    cli.given("a");
    cli.given("b");

    Result result = cli.run("delete", "0", "5", "1");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEqualTo("deleted 2 tasks\n");
    assertThat(result.err()).isEqualTo(AUDIT + "deleted task 0\n" + "task: task 5 does not exist\n"
        + AUDIT + "deleted task 1\n");
    assertThat(cli.store.count()).isZero();
  }

  @Test
  void deletesNothingWhenAnyIdIsMalformed() {
    cli.given("a");

    Result result = cli.run("delete", "0", "zero");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("task: id: \"zero\" is not a whole number");
    assertThat(cli.store.count()).isEqualTo(1);
  }

  @Test
  void deletesEveryTaskWithATitleAndSaysHowMany() {
    cli.given("Old");
    cli.given("Keep");
    cli.given("Old");

    Result result = cli.run("delete", "--title", "Old");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("deleted 2 tasks\n");
    assertThat(result.err()).isEqualTo(AUDIT + "deleted 2 tasks titled \"Old\"\n");
    assertThat(cli.allTasks()).extracting(task -> task.title()).containsExactly("Keep");
  }

  @Test
  void refusesABlankTitleRatherThanDeletingUntitledTasks() {
    cli.given("a");

    Result result = cli.run("delete", "--title", "  ");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("task: title: is empty; accepted: the exact title of the tasks to delete\n");
    assertThat(cli.store.count()).isEqualTo(1);
  }

  @Test
  void needsEitherIdsOrATitle() {
    assertThat(cli.run("delete").exitCode()).isEqualTo(2);
    Result both = cli.run("delete", "1", "--title", "x");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).startsWith("task: Give either ids or --title, not both and not neither\n");
  }

  @Test
  void resetRefusesWithoutATerminalUnlessYesIsGiven() {
    cli.given("a");

    Result result = cli.run("reset");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("task: reset deletes every task: run it on a terminal to confirm, or add --yes\n");
    assertThat(cli.store.count()).isEqualTo(1);
  }

  @Test
  void resetWithYesDeletesEverythingAndRestartsIdsAtZero() {
    cli.given("a");
    cli.given("b");

    Result result = cli.run("reset", "--yes");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("deleted 2 tasks; ids start again at 0\n");
    assertThat(result.err()).describedAs("one line naming who did it, on standard error")
        .isEqualTo(AUDIT + "reset the store: deleted every task (2)\n");
    assertThat(cli.store.count()).isZero();
    assertThat(cli.store.nextId()).isZero();
  }

  @Test
  void resetAsksOnATerminalAndProceedsOnYes() {
    cli.given("a");
    cli.terminal.interactive = true;
    cli.terminal.answers.add("yes");

    Result result = cli.run("reset");

    assertThat(result.exitCode()).isZero();
    assertThat(cli.terminal.prompts).containsExactly(
        "Delete all 1 tasks and start the ids again at 0? It cannot be undone. Type yes to confirm: ");
    assertThat(cli.store.count()).isZero();
  }

  @Test
  void resetOnATerminalKeepsEverythingUnlessTheAnswerIsYes() {
    cli.given("a");
    cli.terminal.interactive = true;
    cli.terminal.answers.add("nope");

    Result result = cli.run("reset");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("task: reset cancelled: nothing was deleted\n");
    assertThat(cli.store.count()).isEqualTo(1);
  }
}
