package dev.taskmanager.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskPatchTest {

  private final Task task = new Task(3, "Title", "Description", 4);

  @Test
  void changesOnlyTheFieldsItNames() {
    assertThat(task.apply(TaskPatch.none().withPriority(9))).isEqualTo(new Task(3, "Title", "Description", 9));
    assertThat(task.apply(TaskPatch.none().withTitle(" New ").withShortdesc("")))
        .isEqualTo(new Task(3, "New", "", 4));
  }

  @Test
  void anEmptyPatchChangesNothing() {
    assertThat(TaskPatch.none().isEmpty()).isTrue();
    assertThat(task.apply(TaskPatch.none())).isEqualTo(task);
  }

  @Test
  void checksTheRulesOfTheFieldsItChanges() {
    assertThatThrownBy(() -> TaskPatch.none().withTitle("")).hasMessageStartingWith("title: is empty");
    assertThatThrownBy(() -> TaskPatch.none().withPriority(-5)).hasMessageStartingWith("priority: -5 is out of range");
    assertThatThrownBy(() -> TaskPatch.none().withShortdesc("\u0000")).hasMessageStartingWith("shortdesc: contains");
  }
}
