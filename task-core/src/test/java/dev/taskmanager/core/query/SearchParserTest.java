package dev.taskmanager.core.query;

import static dev.taskmanager.core.contract.TestTimes.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.query.TaskFilter.Status;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SearchParserTest {

  private static TaskSearch parse(String text) {
    return SearchParser.parse(text, TODAY);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void nothingIsTheDefaultListingOfOpenTasksByDueDay(String text) {
    assertThat(parse(text)).isEqualTo(TaskSearch.DEFAULT);
    assertThat(TaskSearch.DEFAULT.filter().status()).isEqualTo(Status.OPEN);
    assertThat(TaskSearch.DEFAULT.sortBy()).isEqualTo(SortBy.DUE);
  }

  @Test
  void readsEveryKindOfTermTogether() {
    TaskSearch search = parse("is:any tag:Home -tag:work due>=2026-12-01 due<+1w priority>=5 milk \"call mum\" sort:-priority");

    TaskFilter filter = search.filter();
    assertThat(filter.status()).isEqualTo(Status.ANY);
    assertThat(filter.tags()).containsExactly("home");
    assertThat(filter.withoutTags()).containsExactly("work");
    assertThat(filter.dueFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(filter.dueTo()).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(filter.priorityMin()).isEqualTo(5);
    assertThat(filter.priorityMax()).isNull();
    assertThat(filter.words()).containsExactly("milk", "call mum");
    assertThat(search.sortBy()).isEqualTo(SortBy.PRIORITY);
    assertThat(search.descending()).isTrue();
  }

  @Test
  void doneTasksListMostRecentlyCompletedFirstUnlessSortedOtherwise() {
    assertThat(parse("is:done").sortBy()).isEqualTo(SortBy.DONE);
    assertThat(parse("is:done").descending()).isTrue();
    assertThat(parse("is:done sort:id").sortBy()).isEqualTo(SortBy.ID);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "due:today       | 2026-12-01 | 2026-12-01",
    "due:tomorrow    | 2026-12-02 | 2026-12-02",
    "due=2026-12-24  | 2026-12-24 | 2026-12-24",
    "due<2026-12-24  |            | 2026-12-23",
    "due<=2026-12-24 |            | 2026-12-24",
    "due>2026-12-24  | 2026-12-25 |",
    "due>=friday     | 2026-12-04 |",
    "due:tue         | 2026-12-08 | 2026-12-08",
    "overdue         |            | 2026-11-30",
    "due>=+2d due<=+2w | 2026-12-03 | 2026-12-15",
  })
  void readsDueDaysAsRangesFromToday(String text, LocalDate from, LocalDate to) {
    TaskFilter filter = parse(text).filter();
    assertThat(filter.dueFrom()).isEqualTo(from);
    assertThat(filter.dueTo()).isEqualTo(to);
  }

  @Test
  void priorityComparisonsNarrowARange() {
    TaskFilter filter = parse("priority>2 priority<=7 priority<9").filter();
    assertThat(filter.priorityMin()).isEqualTo(3);
    assertThat(filter.priorityMax()).isEqualTo(7);
    assertThat(parse("priority:4").filter().priorityMin()).isEqualTo(4);
    assertThat(parse("priority=4").filter().priorityMax()).isEqualTo(4);
  }

  @Test
  void dueNoneAndWordsThatLookLikeNothingElse() {
    TaskFilter filter = parse("due:none -x a-b 'q' 3:30").filter();
    assertThat(filter.dueNone()).isTrue();
    assertThat(filter.words()).containsExactly("-x", "a-b", "'q'", "3:30");
  }

  @Test
  void keywordsAndOperatorNamesIgnoreCase() {
    TaskSearch search = parse("IS:Done TAG:X SORT:-ID");
    assertThat(search.filter().status()).isEqualTo(Status.DONE);
    assertThat(search.filter().tags()).containsExactly("x");
    assertThat(search.sortBy()).isEqualTo(SortBy.ID);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "is:maybe          | the term \"is:maybe\" at position 1: \"maybe\" is not a state",
    "milk tg:home      | the term \"tg:home\" at position 6: \"tg\" is not a filter",
    "due<soon          | the term \"due<soon\" at position 1: \"soon\" is not a date",
    "due:2026-02-30    | the term \"due:2026-02-30\" at position 1: \"2026-02-30\" is not a day of the calendar",
    "priority>=high    | the term \"priority>=high\" at position 1: \"high\" is not a priority",
    "priority>=1001    | the term \"priority>=1001\" at position 1: \"1001\" is not a priority",
    "sort:name         | the term \"sort:name\" at position 1: \"name\" is not a sort field",
    "sort:id sort:due  | the term \"sort:due\" at position 9: is a second sort",
    "is:open is:done   | the term \"is:done\" at position 9: is a second is: term",
    "tag:a+b           | the term \"tag:a+b\" at position 1: \"a+b\" is not a tag",
    "tag<x             | the term \"tag<x\" at position 1: compares with <",
    "x \"open phrase   | the term \"\"open phrase\" at position 3: has no closing quote",
    "x \"\"           | the term \"\"\"\" at position 3: is an empty phrase",
  })
  void aMistakeNamesTheTermAndItsPosition(String text, String problem) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageStartingWith("q: " + problem + "; accepted: ");
  }

  @Test
  void aMistakeSaysWhatIsAccepted() {
    assertThatThrownBy(() -> parse("tg:home"))
        .hasMessageEndingWith("accepted: " + SearchParser.SYNTAX
            + "; to search for the text itself, put it in double quotes");
    assertThatThrownBy(() -> parse("due<soon")).hasMessageEndingWith("accepted: a date as YYYY-MM-DD, today,"
        + " tomorrow, a weekday (the next one), or +N days or weeks as +3d or +2w");
  }

  @Test
  void aQueryIsBoundedInLength() {
    assertThatThrownBy(() -> parse("a ".repeat(251)))
        .hasMessageStartingWith("q: is 502 characters long; accepted: up to 500 characters of is:open");
  }

  @Test
  void theTextIsKeptTrimmedToShowBack() {
    assertThat(parse("  tag:home  ").text()).isEqualTo("tag:home");
    assertThat(List.of(parse("tag:home").filter().tags())).hasSize(1);
  }
}
