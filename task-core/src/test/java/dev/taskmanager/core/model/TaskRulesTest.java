package dev.taskmanager.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed tags, as a form field or a CSV column holds them. */
class TaskRulesTest {

  @Test
  void typedTagsAreSplitAtCommasAndWhiteSpace() {
    assertThat(TaskRules.splitTags("home, Work\tgarden\n,,  x")).containsExactly("home", "Work", "garden", "x");
  }

  @Test
  void typedTagsOfOnlySeparatorsAreNone() {
    assertThat(TaskRules.splitTags("")).isEmpty();
    assertThat(TaskRules.splitTags(" , \t,")).isEmpty();
  }

  @Test
  void splitTagsAreLeftForTheRulesToCheck() {
    List<Violation> violations = new ArrayList<>();
    List<String> tags = TaskRules.normalizeTags(TaskRules.splitTags("Home a/b"), violations);

    assertThat(tags).containsExactly("home");
    assertThat(violations).singleElement().extracting(Violation::field).isEqualTo(TaskRules.TAGS);
  }
}
