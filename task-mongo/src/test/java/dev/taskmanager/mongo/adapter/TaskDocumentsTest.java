package dev.taskmanager.mongo.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskStoreException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class TaskDocumentsTest {

  @Test
  void writesTheTutorialsFourFieldsWithAnInt64IdAndInt32Priority() {
    Document document = TaskDocuments.toDocument(new Task(7, "Title", "Desc", 3));

    assertThat(document).containsExactly(
        entry("id", 7L), entry("title", "Title"),
        entry("shortdesc", "Desc"), entry("priority", 3));
  }

  @Test
  void readsIdsStoredAsInt32Int64OrWholeDouble() {
    assertThat(TaskDocuments.toTask(new Document("id", 1).append("title", "t")).id()).isEqualTo(1);
    assertThat(TaskDocuments.toTask(new Document("id", 1L << 40).append("title", "t")).id()).isEqualTo(1L << 40);
    assertThat(TaskDocuments.toTask(new Document("id", 5.0).append("title", "t")).id()).isEqualTo(5);
  }

  @Test
  void readsAMissingOrNullDescriptionAsEmptyAndPriorityAsTheDefault() {
    Task task = TaskDocuments.toTask(new Document("id", 1).append("title", "t").append("shortdesc", null));

    assertThat(task).isEqualTo(new Task(1, "t", "", 0));
  }

  @Test
  void clampsAPriorityBeyondTheIntRange() {
    Task task = TaskDocuments.toTask(new Document("id", 1).append("title", "t").append("priority", 1L << 40));

    assertThat(task.priority()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void refusesAnIdThatIsNotAWholeNonNegativeNumberNamingTheDocument() {
    for (Object badId : new Object[] {2.5, -1, "7", null}) {
      assertThatThrownBy(() -> TaskDocuments.toTask(new Document("_id", "x1").append("id", badId).append("title", "t")))
          .isInstanceOf(TaskStoreException.class)
          .hasMessageContaining("_id x1")
          .hasMessageContaining("is not a whole number");
    }
  }
}
