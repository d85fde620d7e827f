package dev.taskmanager.core.query;

import static dev.taskmanager.core.contract.TestTimes.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.SortBy;
import dev.taskmanager.core.model.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRequestTest {

  @Test
  void blankValuesTakeTheirDefaults() {
    assertThat(PageRequest.parse(" ", "", " ", TODAY)).isEqualTo(PageRequest.firstPage());
  }

  @Test
  void readsEveryValue() {
    PageRequest request = PageRequest.parse("milk sort:-priority", "abc", "10", TODAY);

    assertThat(request.search().sortBy()).isEqualTo(SortBy.PRIORITY);
    assertThat(request.search().descending()).isTrue();
    assertThat(request.search().filter().words()).containsExactly("milk");
    assertThat(request.cursor()).isEqualTo("abc");
    assertThat(request.limit()).isEqualTo(10);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "0     | limit: 0 is out of range",
    "501   | limit: 501 is out of range",
    "-1    | limit: \"-1\" is not a whole number from 1 to 500",
    "ten   | limit: \"ten\" is not a whole number from 1 to 500",
    "99999999999999 | limit: \"99999999999999\" is not a whole number from 1 to 500",
  })
  void rejectsALimitOutsideOneToFiveHundred(String limit, String message) {
    assertThatThrownBy(() -> PageRequest.parse(null, null, limit, TODAY))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessage(message + "; accepted: a whole number from 1 to 500");
  }

  @Test
  void reportsEveryBadValueAtOnce() {
    InvalidTaskException invalid = catchThrowableOfType(InvalidTaskException.class,
        () -> PageRequest.parse("sort:name", null, "0", TODAY));

    assertThat(invalid.violations()).extracting(Violation::field).containsExactly("q", "limit");
  }
}
