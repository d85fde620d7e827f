package dev.taskmanager.core.model;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskDraftTest {

  @Test
  void trimsTheTitleAndDefaultsTheRest() {
    TaskDraft draft = new TaskDraft("  \u00a0Buy milk\t ");

    assertThat(draft).isEqualTo(new TaskDraft("Buy milk", "", 0));
  }

  @Test
  void aMissingDescriptionIsEmpty() {
    assertThat(new TaskDraft("t", null, 3).shortdesc()).isEmpty();
  }

  @Test
  void turnsEveryLineEndingOfTheDescriptionIntoANewline() {
    assertThat(new TaskDraft("t", "one\r\ntwo\rthree\nfour", 0).shortdesc()).isEqualTo("one\ntwo\nthree\nfour");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n", "\u3000"})
  void rejectsABlankTitle(String title) {
    assertThatThrownBy(() -> new TaskDraft(title))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessage("title: is empty; accepted: 1 to 200 characters, no control characters");
  }

  @Test
  void rejectsANullTitle() {
    assertThatThrownBy(() -> new TaskDraft(null, "", 0)).isInstanceOf(InvalidTaskException.class)
        .hasMessageStartingWith("title: is empty");
  }

  @Test
  void countsCharactersAsPeopleDoNotAsUtf16Units() {
    String twoHundredEmoji = "😀".repeat(200);

    assertThat(new TaskDraft(twoHundredEmoji).title()).hasSize(400);
    assertThatThrownBy(() -> new TaskDraft(twoHundredEmoji + "😀"))
        .hasMessage("title: is 201 characters long; accepted: 1 to 200 characters, no control characters");
  }

  @Test
  void acceptsTheLongestDescriptionAndRejectsOneMore() {
    assertThat(new TaskDraft("t", "d".repeat(2000), 0).shortdesc()).hasSize(2000);
    assertThatThrownBy(() -> new TaskDraft("t", "d".repeat(2001), 0))
        .hasMessageStartingWith("shortdesc: is 2001 characters long; accepted: up to 2000 characters");
  }

  @Test
  void rejectsControlCharactersInTheTitleNamingThemAndWhere() {
    assertThatThrownBy(() -> new TaskDraft("ab\u0007c"))
        .hasMessage("title: contains the control character U+0007 at position 3;"
            + " accepted: 1 to 200 characters, no control characters");
    assertThatThrownBy(() -> new TaskDraft("a\nb")).hasMessageContaining("U+000A at position 2");
    assertThatThrownBy(() -> new TaskDraft("a\u009bb")).hasMessageContaining("U+009B");
    assertThatThrownBy(() -> new TaskDraft("a\u007fb")).hasMessageContaining("U+007F");
  }

  @Test
  void allowsNewlinesAndTabsButNoOtherControlCharactersInTheDescription() {
    assertThat(new TaskDraft("t", "line\n\tindented", 0).shortdesc()).isEqualTo("line\n\tindented");
    assertThatThrownBy(() -> new TaskDraft("t", "nul\u0000here", 0))
        .hasMessageContaining("shortdesc: contains the control character U+0000 at position 4");
  }

  @Test
  void rejectsUnpairedSurrogatesWhichNoStoreCanKeep() {
    assertThatThrownBy(() -> new TaskDraft("broken \uD800 text"))
        .hasMessageContaining("title: contains an invalid character (an unpaired surrogate) at position 8");
    assertThatThrownBy(() -> new TaskDraft("t", "\uDC00", 0)).hasMessageContaining("shortdesc: contains an invalid");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 500, 1000})
  void acceptsPrioritiesFromZeroToOneThousand(int priority) {
    assertThat(new TaskDraft("t", "", priority).priority()).isEqualTo(priority);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void rejectsPrioritiesOutOfRange(int priority) {
    assertThatThrownBy(() -> new TaskDraft("t", "", priority))
        .hasMessage("priority: " + priority + " is out of range;"
            + " accepted: a whole number from 0 to 1000 (empty means 0)");
  }

  @Test
  void reportsEveryBrokenRuleAtOnceInFieldOrder() {
    InvalidTaskException invalid = catchThrowableOfType(InvalidTaskException.class,
        () -> new TaskDraft(" ", "x".repeat(2001), 1001));

    assertThat(invalid.violations()).extracting(Violation::field).containsExactly("title", "shortdesc", "priority");
  }

  @Test
  void becomesATaskWithTheIdTheStoreAssigns() {
    assertThat(new TaskDraft("t", "d", 2).toTask(7, NOW))
        .isEqualTo(new Task(7, "t", "d", 2, null, NOW, NOW, null, List.of()));
  }
}
