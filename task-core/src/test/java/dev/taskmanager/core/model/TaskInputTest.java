package dev.taskmanager.core.model;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static dev.taskmanager.core.contract.TestTimes.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskInputTest {

  private static final String PRIORITY_ACCEPTED = "; accepted: a whole number from 0 to 1000 (empty means 0)";

  @Test
  void readsTypedTextIntoADraft() {
    assertThat(new TaskInput(" Buy milk ", "2 litres", " 7 ").toDraft(TODAY)).isEqualTo(new TaskDraft("Buy milk", "2 litres", 7));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void aBlankPriorityMeansZero(String priority) {
    assertThat(new TaskInput("t", null, priority).toDraft(TODAY).priority()).isZero();
  }

  @Test
  void anAdaptersShapeProblemStandsForItsFieldAndEveryProblemComesInTheFormsOrder() {
    Violation unknown = new Violation("prio", "is not a field of a task", "title, shortdesc, priority");
    Violation notANumber = new Violation("priority", "is an object, not a number", "a JSON integer");

    InvalidTaskException invalid = catchThrowableOfType(InvalidTaskException.class,
        () -> new TaskInput("", null, null, List.of(unknown, notANumber)).toDraft(TODAY));

    assertThat(invalid.violations()).extracting(Violation::field).containsExactly("title", "priority", "prio");
    assertThat(invalid.violations()).contains(notANumber, unknown);
  }

  @Test
  void aMissingPriorityMeansZero() {
    assertThat(new TaskInput("t", null, null).toDraft(TODAY).priority()).isZero();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "abc      | priority: \"abc\" is not a whole number",
    "1.5      | priority: \"1.5\" is not a whole number",
    "1e3      | priority: \"1e3\" is not a whole number",
    "0x10     | priority: \"0x10\" is not a whole number",
    "٣        | priority: \"٣\" is not a whole number",
    "-1       | priority: -1 is out of range",
    "1001     | priority: 1001 is out of range",
    "+        | priority: \"+\" is not a whole number",
    "99999999999999999999999 | priority: 99999999999999999999999 is out of range",
  })
  void rejectsPrioritiesThatAreNotAWholeNumberInRange(String priority, String message) {
    assertThatThrownBy(() -> new TaskInput("t", null, priority).toDraft(TODAY)).hasMessage(message + PRIORITY_ACCEPTED);
  }

  @Test
  void describesAHugeNumberWithoutEchoingItsDigits() {
    assertThatThrownBy(() -> new TaskInput("t", null, "9".repeat(10_000)).toDraft(TODAY))
        .hasMessage("priority: a huge number is out of range" + PRIORITY_ACCEPTED);
  }

  @Test
  void shortensAndEscapesALongOrControlLadenValueInTheMessage() {
    InvalidTaskException invalid = catchThrowableOfType(InvalidTaskException.class,
        () -> new TaskInput("t", null, "x\u0001" + "y".repeat(10_000)).toDraft(TODAY));

    assertThat(invalid.getMessage()).startsWith("priority: \"x\\u0001yyy").contains("…\" is not a whole number").hasSizeLessThan(200);
  }

  @Test
  void reportsReadingProblemsTogetherWithRuleProblems() {
    InvalidTaskException invalid = catchThrowableOfType(InvalidTaskException.class,
        () -> new TaskInput("", "ok", "high").toDraft(TODAY));

    assertThat(invalid.violations()).extracting(Violation::message).containsExactly(
        "title: is empty; accepted: 1 to 200 characters, no control characters",
        "priority: \"high\" is not a whole number" + PRIORITY_ACCEPTED);
  }

  @Test
  void aPatchChangesOnlyTheGivenFields() {
    assertThat(new TaskInput(null, null, "5").toPatch(TODAY)).isEqualTo(TaskPatch.none().withPriority(5));
    assertThat(new TaskInput(" New ", null, null).toPatch(TODAY)).isEqualTo(TaskPatch.none().withTitle("New"));
    assertThat(new TaskInput(null, "", null).toPatch(TODAY)).isEqualTo(TaskPatch.none().withShortdesc(""));
    assertThat(new TaskInput(null, null, null).toPatch(TODAY).isEmpty()).isTrue();
  }

  @Test
  void aPatchRejectsAnEmptyTitleAndABadPriorityTogether() {
    InvalidTaskException invalid = catchThrowableOfType(InvalidTaskException.class,
        () -> new TaskInput(" ", null, "x").toPatch(TODAY));

    assertThat(invalid.violations()).extracting(Violation::field).containsExactly("title", "priority");
  }

  @Test
  void readsAnImportedTaskWithItsId() {
    assertThat(new TaskInput("t", "d", "3").toTask("42", NOW)).isEqualTo(new Task(42, "t", "d", 3));
  }

  @Test
  void anImportedTaskKeepsWhoCreatedAndChangedIt() {
    Task task = new TaskInput("t", "d", "3").withAuthors("  ann ", "root (command line)").toTask("42", NOW);

    assertThat(task.createdBy()).isEqualTo("ann");
    assertThat(task.updatedBy()).isEqualTo("root (command line)");
    assertThat(new TaskInput("t", "d", "3").withAuthors(" ", null).toTask("1", NOW).createdBy())
        .describedAs("blank: unknown").isNull();
  }

  @Test
  void anAuthorWithAControlCharacterOrTooLongIsRefused() {
    InvalidTaskException invalid = catchThrowableOfType(InvalidTaskException.class,
        () -> new TaskInput("t", null, null).withAuthors("ann\u0007", "x".repeat(129)).toTask("1", NOW));

    assertThat(invalid.violations()).extracting(Violation::message).containsExactly(
        "created_by: \"ann\\u0007\" holds a control character; accepted: a name of 1 to 128 characters without"
            + " control characters, or nothing (null) when unknown",
        "updated_by: has 129 characters; accepted: a name of 1 to 128 characters without control characters, or"
            + " nothing (null) when unknown");
  }

  @Test
  void anImportedTaskNeedsAValidId() {
    InvalidTaskException invalid = catchThrowableOfType(InvalidTaskException.class,
        () -> new TaskInput("", null, null).toTask("-3", NOW));

    assertThat(invalid.violations()).extracting(Violation::message).containsExactly(
        "id: -3 is out of range; accepted: a whole number from 0 to 9223372036854775807",
        "title: is empty; accepted: 1 to 200 characters, no control characters");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "0                   | 0",
    "' 17 '              | 17",
    "9223372036854775807 | 9223372036854775807",
  })
  void parsesTaskIds(String text, long id) {
    assertThat(TaskInput.parseId(text)).isEqualTo(id);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
    "NULL                | id: is empty",
    "''                  | id: is empty",
    "abc                 | id: \"abc\" is not a whole number",
    "-1                  | id: -1 is out of range",
    "9223372036854775808 | id: 9223372036854775808 is out of range",
    "1.0                 | id: \"1.0\" is not a whole number",
  })
  void rejectsTextThatIsNotATaskId(String text, String message) {
    assertThatThrownBy(() -> TaskInput.parseId(text))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessage(message + "; accepted: a whole number from 0 to 9223372036854775807");
  }
}
