package dev.taskmanager.core.model;

import static dev.taskmanager.core.contract.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskPatchTest {

  private final Task task = new Task(3, "Title", "Description", 4);

  @Test
  void changesOnlyTheFieldsItNames() {
    assertThat(task.apply(TaskPatch.none().withPriority(9), NOW))
        .isEqualTo(new Task(3, "Title", "Description", 9, null, null, NOW, null, List.of()));
    assertThat(task.apply(TaskPatch.none().withTitle(" New ").withShortdesc(""), NOW))
        .isEqualTo(new Task(3, "New", "", 4, null, null, NOW, null, List.of()));
  }

  @Test
  void completingStampsTheTimeOnceAndReopeningClearsIt() {
    Instant later = NOW.plusSeconds(60);
    Task done = task.apply(TaskPatch.none().withDone(true), NOW);
    Task doneAgain = done.apply(TaskPatch.none().withDone(true), later);
    Task reopened = doneAgain.apply(TaskPatch.none().withDone(false), later);

    assertThat(done.done()).isTrue();
    assertThat(done.doneAt()).isEqualTo(NOW);
    assertThat(doneAgain.doneAt()).describedAs("completing a done task keeps its time").isEqualTo(NOW);
    assertThat(reopened.done()).isFalse();
    assertThat(reopened.doneAt()).isNull();
    assertThat(reopened.updatedAt()).isEqualTo(later);
  }

  @Test
  void setsAndRemovesTheDueDayAndReplacesTheTags() {
    LocalDate day = LocalDate.of(2026, 12, 24);
    Task dated = task.apply(TaskPatch.none().withDue(day).withTags(List.of("Home", "work", "home")), NOW);
    Task undated = dated.apply(TaskPatch.none().withDue(null), NOW);

    assertThat(dated.due()).isEqualTo(day);
    assertThat(dated.tags()).containsExactly("home", "work");
    assertThat(undated.due()).isNull();
    assertThat(undated.tags()).containsExactly("home", "work");
  }

  @Test
  void refusesTagsThatBreakTheRules() {
    assertThatThrownBy(() -> TaskPatch.none().withTags(List.of("ok", "not ok")))
        .hasMessage("tags: holds the tag \"not ok\", which has characters a tag cannot have; accepted: at most 20 tags,"
            + " each 1 to 32 characters of letters a-z, digits, - and _ (upper case is lowered)");
    assertThatThrownBy(() -> TaskPatch.none().withTags(java.util.stream.IntStream.range(0, 21)
        .mapToObj(i -> "t" + i).toList()))
        .hasMessageStartingWith("tags: has 21 tags;");
    assertThatThrownBy(() -> TaskPatch.none().withTags(List.of("x".repeat(33))))
        .hasMessageStartingWith("tags: holds a tag of 33 characters;");
  }

  @Test
  void noneIsEmpty() {
    assertThat(TaskPatch.none().isEmpty()).isTrue();
  }

  @Test
  void checksTheRulesOfTheFieldsItChanges() {
    assertThatThrownBy(() -> TaskPatch.none().withTitle("")).hasMessageStartingWith("title: is empty");
    assertThatThrownBy(() -> TaskPatch.none().withPriority(-5)).hasMessageStartingWith("priority: -5 is out of range");
    assertThatThrownBy(() -> TaskPatch.none().withShortdesc("\u0000")).hasMessageStartingWith("shortdesc: contains");
  }
}
