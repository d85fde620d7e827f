package dev.taskmanager.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRequestTest {

  @Test
  void blankValuesTakeTheirDefaults() {
    assertThat(PageRequest.parse(null, "", " ", null, null)).isEqualTo(PageRequest.firstPage());
  }

  @Test
  void readsEveryValue() {
    assertThat(PageRequest.parse("Priority", "DESC", "milk", "abc", "10"))
        .isEqualTo(new PageRequest(SortBy.PRIORITY, true, "milk", "abc", 10));
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
    assertThatThrownBy(() -> PageRequest.parse(null, null, null, null, limit))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessage(message + "; accepted: a whole number from 1 to 500");
  }

  @Test
  void reportsEveryBadValueAtOnce() {
    InvalidTaskException invalid = catchThrowableOfType(InvalidTaskException.class,
        () -> PageRequest.parse("name", "up", "x\u0000", null, "0"));

    assertThat(invalid.violations()).extracting(Violation::message).containsExactly(
        "sort: \"name\" is not a sort order; accepted: id or priority",
        "order: \"up\" is not a direction; accepted: asc or desc",
        "limit: 0 is out of range; accepted: a whole number from 1 to 500",
        "title-contains: contains the control character U+0000 at position 2;"
            + " accepted: up to 200 characters, no control characters");
  }

  @Test
  void aTitleFilterIsAtMostATitleLong() {
    assertThat(new PageRequest(SortBy.ID, false, "a".repeat(200), null, 1).titleContains()).hasSize(200);
    assertThatThrownBy(() -> new PageRequest(SortBy.ID, false, "a".repeat(201), null, 1))
        .hasMessageStartingWith("title-contains: is 201 characters long");
  }
}
