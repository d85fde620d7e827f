package dev.taskmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import org.junit.jupiter.api.Test;

class ListCommandTest {

  private final Cli cli = new Cli();

  @Test
  void listsTheFirstTasksAsATable() {
    cli.given("Write the report", "Due Friday", 5);
    cli.given("Book the trip");

    Result result = cli.run("list");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo(""
        + "ID   PRI  TITLE             DESCRIPTION\n"
        + " 0     5  Write the report  Due Friday\n"
        + " 1     0  Book the trip\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void saysSoWhenThereAreNoTasks() {
    Result result = cli.run("list");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("no tasks\n");
  }

  @Test
  void fitsTheTableToTheTerminalWidthCuttingLongTextWithAnEllipsis() {
    cli.given("A title that is much too long to fit in a narrow terminal", "and a description as long\nas that", 1);
    cli.terminal.width = 40;

    Result result = cli.run("list");

    assertThat(result.out().lines()).allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(40));
    assertThat(result.out()).contains("…").doesNotContain("\nas that");
  }

  @Test
  void coloursTheHeaderOnlyWhenTheTerminalWantsColour() {
    cli.given("x");

    String plain = cli.run("list").out();
    cli.terminal.colour = true;
    String coloured = cli.run("list").out();

    assertThat(plain).doesNotContain("\u001b[");
    assertThat(coloured).startsWith("\u001b[1m");
  }

  @Test
  void sortsByPriorityLargestFirst() {
    cli.given("low", "", 1);
    cli.given("high", "", 9);
    cli.given("middle", "", 5);

    Result result = cli.run("list", "--sort", "priority", "--reverse", "--format", "csv");

    assertThat(result.out()).isEqualTo("id,title,shortdesc,priority\n1,high,,9\n2,middle,,5\n0,low,,1\n");
  }

  @Test
  void filtersByTitleIgnoringCase() {
    cli.given("Write the REPORT");
    cli.given("Book the trip");

    Result result = cli.run("list", "--title-contains", "report", "--format", "csv");

    assertThat(result.out()).isEqualTo("id,title,shortdesc,priority\n0,Write the REPORT,,0\n");
  }

  @Test
  void writesStableJsonForScripts() {
    cli.given("Say \"hi\"", "two\nlines, é", 3);
    cli.given("b");

    Result result = cli.run("list", "--format", "json");

    assertThat(result.out()).isEqualTo("[\n"
        + "{\"id\":0,\"title\":\"Say \\\"hi\\\"\",\"shortdesc\":\"two\\nlines, é\",\"priority\":3},\n"
        + "{\"id\":1,\"title\":\"b\",\"shortdesc\":\"\",\"priority\":0}\n"
        + "]\n");
  }

  @Test
  void writesAnEmptyJsonArrayWhenThereAreNoTasks() {
    assertThat(cli.run("list", "--format", "json").out()).isEqualTo("[]\n");
  }

  @Test
  void quotesCsvFieldsThatNeedIt() {
    cli.given("a, b", "say \"x\"\nnext", 0);

    Result result = cli.run("list", "--format", "csv");

    assertThat(result.out()).isEqualTo("id,title,shortdesc,priority\n0,\"a, b\",\"say \"\"x\"\"\nnext\",0\n");
  }

  @Test
  void limitsTheListingAndSaysMoreFollow() {
    for (int i = 0; i < 5; i++) {
      cli.given("task " + i);
    }

    Result result = cli.run("list", "--limit", "2", "--format", "csv");

    assertThat(result.out().lines()).hasSize(3);
    assertThat(result.err()).isEqualTo("(more tasks follow: --all lists every task)\n");
  }

  @Test
  void listsEveryTaskWithAllPagingThroughTheCursors() {
    for (int i = 0; i < 1_234; i++) {
      cli.given("task " + i);
    }

    Result result = cli.run("list", "--all", "--format", "csv");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).hasSize(1_235).endsWith("1233,task 1233,,0");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void keepsTheTableLayoutAcrossPages() {
    for (int i = 0; i < 1_001; i++) {
      cli.given("task " + i);
    }

    Result result = cli.run("list", "--all");

    assertThat(result.out().lines().skip(1))
        .describedAs("ids up to 1000 right-aligned in one column on every page")
        .hasSize(1_001)
        .allMatch(line -> line.matches("[ 0-9]{4}     0  task [0-9]+"));
    assertThat(result.out().lines().filter(line -> line.contains("TITLE"))).hasSize(1);
  }

  @Test
  void rejectsALimitOutOfRangeWithTheCoresMessage() {
    Result result = cli.run("list", "--limit", "501");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("task: limit: 501 is out of range; accepted: a whole number from 1 to 500\n");
  }

  @Test
  void rejectsANonNumericLimitAndAnUnknownSortTogether() {
    Result result = cli.run("list", "--limit", "ten", "--sort", "title");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly(
        "task: sort: \"title\" is not a sort order; accepted: id or priority",
        "task: limit: \"ten\" is not a whole number from 1 to 500; accepted: a whole number from 1 to 500");
  }

  @Test
  void rejectsLimitTogetherWithAllAsAUsageError() {
    Result result = cli.run("list", "--limit", "5", "--all");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("mutually exclusive").endsWith("Try 'task list --help' for more information.\n");
  }

  @Test
  void rejectsAnUnknownFormatAsAUsageError() {
    Result result = cli.run("list", "--format", "xml");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("task: --format: \"xml\" is not accepted; accepted: table, json or csv\n");
  }

  @Test
  void rejectsAFilterWithControlCharacters() {
    Result result = cli.run("list", "--title-contains", "a\u001bb");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("task: title-contains: contains the control character U+001B");
  }
}
