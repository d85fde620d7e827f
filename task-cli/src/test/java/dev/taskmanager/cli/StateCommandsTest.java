package dev.taskmanager.cli;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static dev.taskmanager.core.contract.TestTimes.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

/** done, reopen, and the due day and tags of add and edit. */
class StateCommandsTest {

  private final Cli cli = new Cli();

  @Test
  void doneCompletesEachTaskAndNamesTheMissingOnes() {
    cli.given("Pay rent");
    cli.given("Water plants");

    Result result = cli.run("done", "0", "7", "1");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(result.out()).isEqualTo("done 0: Pay rent\ndone 1: Water plants\n");
    assertThat(result.err()).isEqualTo("task: task 7 does not exist\n");
    assertThat(cli.store.get(0).orElseThrow().doneAt()).isEqualTo(NOW);
  }

  @Test
  void reopenForgetsTheCompletion() {
    cli.given("Pay rent");
    cli.run("done", "0");

    Result result = cli.run("reopen", "0");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("reopened 0: Pay rent\n");
    assertThat(cli.store.get(0).orElseThrow().done()).isFalse();
  }

  @Test
  void doneRefusesAnIdThatIsNotOneBeforeChangingAnything() {
    cli.given("Pay rent");

    Result result = cli.run("done", "0", "x");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("task: id: \"x\" is not a whole number");
    assertThat(cli.store.get(0).orElseThrow().done()).isFalse();
  }

  @Test
  void addTakesADueDayInWordsAndTags() {
    Result result = cli.run("add", "Call the plumber", "--due", "tomorrow", "--tag", "Home", "--tag", "urgent");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    Task task = cli.store.get(0).orElseThrow();
    assertThat(task.due()).isEqualTo(TODAY.plusDays(1));
    assertThat(task.tags()).containsExactly("home", "urgent");
  }

  @Test
  void addRefusesABadDueDayAndTagTogether() {
    Result result = cli.run("add", "x", "--due", "someday", "--tag", "no way");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly(
        "task: due: \"someday\" is not a date; accepted: a date as YYYY-MM-DD, today, tomorrow, a weekday"
            + " (the next one), or +N days or weeks as +3d or +2w",
        "task: tags: holds the tag \"no way\", which has characters a tag cannot have; accepted: at most 20 tags,"
            + " each 1 to 32 characters of letters a-z, digits, - and _ (upper case is lowered)");
    assertThat(cli.store.count()).isZero();
  }

  @Test
  void editAddsAndRemovesTagsAndSetsOrRemovesTheDueDay() {
    cli.given(new TaskDraft("Plan trip", "", 0, TODAY, List.of("travel", "someday")));

    Result tagged = cli.run("edit", "0", "--tag", "work", "--untag", "someday", "--due", "friday");
    Result undated = cli.run("edit", "0", "--no-due");

    assertThat(tagged.exitCode()).as(tagged.toString()).isZero();
    assertThat(tagged.out()).contains("due:       2026-12-04\n").contains("tags:      travel work\n");
    assertThat(undated.exitCode()).isZero();
    Task task = cli.store.get(0).orElseThrow();
    assertThat(task.due()).isNull();
    assertThat(task.tags()).containsExactly("travel", "work");
  }

  @Test
  void editRefusesDueWithNoDueAndATagBothAddedAndRemoved() {
    cli.given("x");

    assertThat(cli.run("edit", "0", "--due", "today", "--no-due").exitCode()).isEqualTo(2);
    Result both = cli.run("edit", "0", "--tag", "a", "--untag", "A");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).startsWith("task: --tag and --untag both name a\n");
  }

  @Test
  void aDeletedTaskIsListedAndRestoredUnderItsId() {
    cli.given("Pay rent");
    cli.given("Old reminder");
    cli.run("delete", "1");

    Result listed = cli.run("deleted");
    Result restored = cli.run("restore", "1", "5");

    assertThat(listed.out()).isEqualTo("   1  2026-12-01 09:30  Old reminder\n");
    assertThat(restored.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(restored.out()).isEqualTo("restored 1: Old reminder\n");
    assertThat(restored.err()).isEqualTo("task: task 5 is not among the deleted tasks (they are kept 7 days)\n");
    assertThat(cli.store.get(1)).map(Task::title).contains("Old reminder");
    assertThat(cli.run("deleted").out()).isEqualTo("no deleted tasks are kept\n");
  }

  @Test
  void deletedTasksListAsJsonAndCsvForScripts() {
    cli.given("Old reminder");
    cli.run("delete", "0");

    assertThat(cli.run("deleted", "--format", "json").out()).startsWith("[\n{\"deleted_at\":\"2026-12-01T09:30:00.123Z\","
        + "\"task\":{\"id\":0,\"title\":\"Old reminder\"");
    assertThat(cli.run("deleted", "--format", "csv").out().lines())
        .containsExactly("deleted_at,id,title,shortdesc,priority,done,done_at,created_at,updated_at,due,tags,"
                + "created_by,updated_by",
            "2026-12-01T09:30:00.123Z,0,Old reminder,,0,false,,2026-12-01T09:30:00.123Z,2026-12-01T09:30:00.123Z,,,,");
  }
}
