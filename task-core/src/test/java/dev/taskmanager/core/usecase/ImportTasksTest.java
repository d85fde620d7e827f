package dev.taskmanager.core.usecase;

import static dev.taskmanager.core.contract.TestTimes.NOW;

import static dev.taskmanager.core.contract.TaskDraftBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.model.ImportRecord;
import dev.taskmanager.core.model.ImportResult;
import dev.taskmanager.core.model.InvalidImportException;
import dev.taskmanager.core.model.OnConflict;
import dev.taskmanager.core.model.RecordViolation;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.model.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportTasksTest {

  private final InMemoryTaskStore store = new InMemoryTaskStore();
  private final ImportTasks importTasks = new ImportTasks(store);
  private Task stored;

  @BeforeEach
  void oneStoredTask() {
    stored = store.create(aTask().titled("stored").build(), NOW);
  }

  @Test
  void importsTasksUnderTheirIdsAndMovesTheSequencePastTheLargest() {
    ImportResult result = importTasks.importTasks(
        records(aTask().titled("five").storedAs(5), aTask().titled("two").storedAs(2)), OnConflict.FAIL, false);

    assertThat(result).isEqualTo(new ImportResult(2, 0, 0, false));
    assertThat(store.get(5)).map(Task::title).contains("five");
    assertThat(store.nextId()).isEqualTo(6);
  }

  @Test
  void normalisesRecordsAsTheRulesDo() {
    importTasks.importTasks(records(new Task(4, "  padded  ", "a\r\nb", 1)), OnConflict.FAIL, false);

    assertThat(store.get(4)).contains(new Task(4, "padded", "a\nb", 1));
  }

  @Test
  void refusesTheWholeInputWhenAnyRecordBreaksARule() {
    List<Task> input = List.of(
        aTask().titled("fine").storedAs(10), new Task(11, "", "", 5000), aTask().titled("fine too").storedAs(12));

    InvalidImportException refused = catchThrowableOfType(InvalidImportException.class,
        () -> importTasks.importTasks(records(input), OnConflict.SKIP, false));

    assertThat(refused.violations()).extracting(RecordViolation::index).containsExactly(1, 1);
    assertThat(refused.violations()).extracting(v -> v.violation().field()).containsExactly("title", "priority");
    assertThat(store.count()).describedAs("nothing written").isEqualTo(1);
  }

  @Test
  void refusesAnIdThatAppearsTwiceInTheInput() {
    List<Task> input = List.of(aTask().storedAs(7), aTask().storedAs(8), aTask().storedAs(7));

    InvalidImportException refused = catchThrowableOfType(InvalidImportException.class,
        () -> importTasks.importTasks(records(input), OnConflict.REPLACE, false));

    assertThat(refused.getMessage()).isEqualTo("record 3: id: 7 is also the id of record 1; accepted: each id once in the input");
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void failsOnAStoredIdListingEveryConflictAndWritingNothing() {
    store.create(aTask().build(), NOW);
    List<Task> input = List.of(aTask().storedAs(9), aTask().storedAs(1), aTask().storedAs(0));

    InvalidImportException refused = catchThrowableOfType(InvalidImportException.class,
        () -> importTasks.importTasks(records(input), OnConflict.FAIL, false));

    assertThat(refused.violations()).extracting(RecordViolation::index).containsExactly(1, 2);
    assertThat(refused.violations().get(0).violation().message()).isEqualTo(
        "id: 1 is already used by a stored task; accepted: an id no stored task has,"
            + " or an import that skips or replaces conflicting tasks");
    assertThat(store.get(9)).isEmpty();
  }

  @Test
  void skipsStoredIdsAndKeepsTheStoredTasks() {
    ImportResult result = importTasks.importTasks(
        records(aTask().titled("clash").storedAs(stored.id()), aTask().storedAs(3)), OnConflict.SKIP, false);

    assertThat(result).isEqualTo(new ImportResult(1, 0, 1, false));
    assertThat(store.get(stored.id())).contains(stored);
    assertThat(store.get(3)).isPresent();
  }

  @Test
  void replacesStoredTasks() {
    Task replacement = aTask().titled("replacement").storedAs(stored.id());

    ImportResult result = importTasks.importTasks(records(replacement, aTask().storedAs(3)), OnConflict.REPLACE, false);

    assertThat(result).isEqualTo(new ImportResult(1, 1, 0, false));
    assertThat(store.get(stored.id())).contains(replacement);
  }

  @Test
  void aDryRunCountsButWritesNothing() {
    ImportResult result = importTasks.importTasks(
        records(aTask().storedAs(stored.id()), aTask().storedAs(3)), OnConflict.SKIP, true);

    assertThat(result).isEqualTo(new ImportResult(1, 0, 1, true));
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.nextId()).isEqualTo(1);
  }

  @Test
  void anEmptyInputImportsNothing() {
    assertThat(importTasks.importTasks(List.of(), OnConflict.FAIL, false)).isEqualTo(new ImportResult(0, 0, 0, false));
  }

  @Test
  void reportsEveryProblemOfEveryRecordNumberedAsInTheInput() {
    store.create(aTask().build(), NOW);
    List<ImportRecord> input = List.of(
        ImportRecord.unreadable("is a JSON array", "a JSON object"),
        ImportRecord.of("5", new TaskInput(null, null, "x", List.of(new Violation("title", "is a JSON number",
            "a JSON string")))),
        ImportRecord.of("1", new TaskInput("clashes with the store", null, null)),
        ImportRecord.of("5", new TaskInput("", null, null)),
        ImportRecord.of("1.5", new TaskInput("fine", null, null)));

    InvalidImportException refused = catchThrowableOfType(InvalidImportException.class,
        () -> importTasks.importTasks(input, OnConflict.FAIL, true));

    assertThat(refused.violations()).extracting(RecordViolation::message).containsExactly(
        "record 1: is a JSON array; accepted: a JSON object",
        "record 2: title: is a JSON number; accepted: a JSON string",
        "record 2: priority: \"x\" is not a whole number; accepted: a whole number from 0 to 1000 (empty means 0)",
        "record 3: id: 1 is already used by a stored task; accepted: an id no stored task has,"
            + " or an import that skips or replaces conflicting tasks",
        "record 4: title: is empty; accepted: 1 to 200 characters, no control characters",
        "record 4: id: 5 is also the id of record 2; accepted: each id once in the input",
        "record 5: id: \"1.5\" is not a whole number; accepted: a whole number from 0 to 9223372036854775807");
  }

  @Test
  void exportResetImportGivesBackTheSameData() {
    store.create(aTask().titled("émoji 🎉").describedAs("multi\nline").withPriority(1000).build(), NOW);
    store.delete(0, NOW);
    store.create(aTask().titled("last").build(), NOW);
    List<Task> exported = new ExportTasks(store).export().collect(Collectors.toList());
    long nextId = store.nextId();

    new ResetTasks(store).reset();
    importTasks.importTasks(records(exported), OnConflict.FAIL, false);

    assertThat(new ExportTasks(store).export().collect(Collectors.toList())).isEqualTo(exported);
    assertThat(store.nextId()).isEqualTo(nextId);
  }

  private static List<ImportRecord> records(Task... tasks) {
    return records(List.of(tasks));
  }

  private static List<ImportRecord> records(List<Task> tasks) {
    return tasks.stream().map(ImportRecord::of).collect(Collectors.toList());
  }
}
