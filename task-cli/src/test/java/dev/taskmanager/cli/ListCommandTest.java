package dev.taskmanager.cli;

import static dev.taskmanager.core.contract.TestTimes.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.cli.Cli.Result;
import dev.taskmanager.cli.io.Csv;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import java.util.List;
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
        + "ID   PRI  DUE          TITLE             TAGS  DESCRIPTION\n"
        + " 0     5               Write the report        Due Friday\n"
        + " 1     0               Book the trip\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void showsDueDaysTagsAndDoneTasksInTheTable() {
    cli.given(new TaskDraft("Pay rent", "", 2, TODAY.minusDays(1), List.of("home", "money")));
    Task done = cli.given(new TaskDraft("Water plants", "", 1, TODAY, List.of("home")));
    cli.run("done", String.valueOf(done.id()));

    Result result = cli.run("list", "is:any", "sort:id");

    assertThat(result.out()).isEqualTo(""
        + "ID   PRI  DUE          TITLE             TAGS        DESCRIPTION\n"
        + " 0     2  2026-11-30!  Pay rent          home,money\n"
        + " 1     1  2026-12-01   [x] Water plants  home\n");
  }

  @Test
  void listsWhatAQueryFindsInItsOrder() {
    cli.given(new TaskDraft("Pay rent", "", 2, TODAY.minusDays(1), List.of("home")));
    cli.given(new TaskDraft("Call mum", "", 5, null, List.of("home")));
    cli.given(new TaskDraft("Report", "", 9, TODAY.plusDays(3), List.of("work")));
    cli.given(new TaskDraft("Plan", "", 1, TODAY, List.of("work")));

    assertThat(ids(cli.run("list", "--format", "csv"))).containsExactly("0", "3", "2", "1");
    assertThat(ids(cli.run("list", "tag:home", "--format", "csv"))).containsExactly("0", "1");
    assertThat(ids(cli.run("list", "due<=today sort:-priority", "--format", "csv"))).containsExactly("0", "3");
    assertThat(ids(cli.run("list", "overdue", "--format", "csv"))).containsExactly("0");
    assertThat(ids(cli.run("list", "-tag:home", "priority>=5", "--format", "csv"))).containsExactly("2");
  }

  @Test
  void aQueryThatCannotBeReadIsAnErrorNamingTheTerm() {
    Result result = cli.run("list", "tag:home", "due<soon");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("task: q: the term \"due<soon\" at position 10: \"soon\" is not a date;"
        + " accepted: a date as YYYY-MM-DD, today, tomorrow, a weekday (the next one), or +N days or weeks as +3d"
        + " or +2w\n");
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

    Result result = cli.run("list", "sort:-priority", "--format", "csv");

    assertThat(ids(result)).containsExactly("1", "2", "0");
  }

  @Test
  void findsWordsIgnoringCase() {
    cli.given("Write the REPORT");
    cli.given("Book the trip");

    Result result = cli.run("list", "report", "--format", "csv");

    assertThat(ids(result)).containsExactly("0");
  }

  @Test
  void writesStableJsonForScripts() {
    cli.given("Say \"hi\"", "two\nlines, é", 3);
    cli.given("b");

    Result result = cli.run("list", "--format", "json");

    assertThat(result.out()).isEqualTo("[\n"
        + "{\"id\":0,\"title\":\"Say \\\"hi\\\"\",\"shortdesc\":\"two\\nlines, é\",\"priority\":3,\"done\":false,"
        + "\"done_at\":null,\"created_at\":\"2026-12-01T09:30:00.123Z\",\"updated_at\":\"2026-12-01T09:30:00.123Z\","
        + "\"due\":null,\"tags\":[],\"created_by\":null,\"updated_by\":null},\n"
        + "{\"id\":1,\"title\":\"b\",\"shortdesc\":\"\",\"priority\":0,\"done\":false,\"done_at\":null,"
        + "\"created_at\":\"2026-12-01T09:30:00.123Z\",\"updated_at\":\"2026-12-01T09:30:00.123Z\",\"due\":null,"
        + "\"tags\":[],\"created_by\":null,\"updated_by\":null}\n"
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

    assertThat(result.out()).isEqualTo(Csv.HEADER + "\n0,\"a, b\",\"say \"\"x\"\"\nnext\",0,false,,"
        + "2026-12-01T09:30:00.123Z,2026-12-01T09:30:00.123Z,,,,\n");
  }

  @Test
  void limitsTheListingAndSaysMoreFollow() {
    for (int i = 0; i < 5; i++) {
      cli.given("task " + i);
    }

    Result result = cli.run("list", "--limit", "2", "--format", "csv");

    assertThat(result.out().lines()).hasSize(3);
    assertThat(result.err()).isEqualTo("(more tasks follow: --all lists every task the query finds)\n");
  }

  @Test
  void listsEveryTaskWithAllPagingThroughTheCursors() {
    for (int i = 0; i < 1_234; i++) {
      cli.given("task " + i);
    }

    Result result = cli.run("list", "sort:id", "--all", "--format", "csv");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines()).hasSize(1_235);
    assertThat(ids(result)).endsWith("1233");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void keepsTheTableLayoutAcrossPages() {
    for (int i = 0; i < 1_001; i++) {
      cli.given("task " + i);
    }

    Result result = cli.run("list", "sort:id", "--all");

    assertThat(result.out().lines().skip(1))
        .describedAs("ids up to 1000 right-aligned in one column on every page")
        .hasSize(1_001)
        .allMatch(line -> line.matches("[ 0-9]{4}     0 {15}task [0-9]+"));
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
    Result result = cli.run("list", "--limit", "ten", "sort:title");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly(
        "task: q: the term \"sort:title\" at position 1: \"title\" is not a sort field; accepted: one of sort:id,"
            + " sort:priority, sort:due, sort:created, sort:done, with - before the field for descending (sort:-due),"
            + " once",
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
  void rejectsAQueryWithControlCharacters() {
    Result result = cli.run("list", "a\u001bb");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("task: q: the term \"a\\u001Bb\" at position 1: contains a control character");
  }

  private static List<String> ids(Result result) {
    return result.out().lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
  }
}
