package dev.taskmanager.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.account.InvalidAccountException;
import dev.taskmanager.core.account.UserNotFoundException;
import dev.taskmanager.core.model.InvalidImportException;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.RecordViolation;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.core.model.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureTest {

  private static final Violation EMPTY_TITLE = new Violation("title", "is empty", "1 to 200 characters");
  private static final Violation BAD_PRIORITY = new Violation("priority", "is not a whole number", "0 to 10");

  @Test
  void invalidInputKeepsEveryBrokenRuleInOrderAsFieldsAndAsLines() {
    Failure failure = Failure.of(new InvalidTaskException(List.of(EMPTY_TITLE, BAD_PRIORITY)));

    assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_INPUT);
    assertThat(failure.violations()).containsExactly(EMPTY_TITLE, BAD_PRIORITY);
    assertThat(failure.problems()).containsExactly("title: is empty; accepted: 1 to 200 characters",
        "priority: is not a whole number; accepted: 0 to 10");
  }

  @Test
  void anImportsRecordsAreCountedFromOne() {
    Failure failure = Failure.of(new InvalidImportException(List.of(new RecordViolation(0, EMPTY_TITLE))));

    assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_INPUT);
    assertThat(failure.problems()).containsExactly("record 1: title: is empty; accepted: 1 to 200 characters");
  }

  @Test
  void aMissingTaskIsNotFoundInTheCoresWords() {
    Failure failure = Failure.of(new TaskNotFoundException(7));

    assertThat(failure.kind()).isEqualTo(FailureKind.NOT_FOUND);
    assertThat(failure.message()).isEqualTo("task 7 does not exist");
  }

  @Test
  void anAccountsBrokenRulesAndAMissingUserAreToldAsATasksAre() {
    Violation shortPassword = new Violation("password", "has 6 characters", "10 to 256 characters");
    Failure invalid = Failure.of(new InvalidAccountException(shortPassword));
    Failure missing = Failure.of(new UserNotFoundException("ghost"));

    assertThat(invalid.kind()).isEqualTo(FailureKind.INVALID_INPUT);
    assertThat(invalid.violations()).containsExactly(shortPassword);
    assertThat(invalid.problems()).containsExactly("password: has 6 characters; accepted: 10 to 256 characters");
    assertThat(missing.kind()).isEqualTo(FailureKind.NOT_FOUND);
    assertThat(missing.message()).isEqualTo("user \"ghost\" does not exist");
  }

  @Test
  void aStoreFailureKeepsTheStoresWordsForTheOperator() {
    Failure failure = Failure.of(new TaskStoreException("the data directory data is in use by process 12"));

    assertThat(failure.kind()).isEqualTo(FailureKind.STORE_UNAVAILABLE);
    assertThat(failure.message()).isEqualTo("the data directory data is in use by process 12");
  }

  @Test
  void anythingElseIsABugNamedOnlyByItsClass() {
    Failure failure = Failure.of(new IllegalStateException("at dev.taskmanager.Secret.method(Secret.java:12)"));

    assertThat(failure.kind()).isEqualTo(FailureKind.INTERNAL);
    assertThat(failure.message()).isEqualTo("unexpected error (IllegalStateException)");
  }
}
