package dev.taskmanager.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.Task;
import dev.taskmanager.core.model.TaskDraft;
import dev.taskmanager.core.model.TaskInput;
import dev.taskmanager.core.port.TaskStore;
import dev.taskmanager.core.query.PageRequest;
import dev.taskmanager.core.query.TaskPage;
import dev.taskmanager.core.usecase.CreateTask;
import dev.taskmanager.core.usecase.ListTasks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the README's embedding example true: it runs the same code and compares the text. */
class EmbeddingExampleTest {

  private static final Path SOURCE = Path.of("src/test/java/dev/taskmanager/core/docs/EmbeddingExampleTest.java");
  private static final Path README = Path.of("../README.md");

  @Test
  void theExampleRunsAndPrintsWhatTheReadmeSays() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      runExample();
    } finally {
      System.setOut(console);
    }

    assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "0 Write the report",
        "1 Book the trip",
        "title: is empty; accepted: 1 to 200 characters, no control characters",
        "priority: \"high\" is not a whole number; accepted: a whole number from 0 to 1000 (empty means 0)");
  }

  @Test
  void theReadmeShowsTheCodeThisTestRuns() throws IOException {
    String example = region(Files.readString(SOURCE));

    assertThat(Files.readString(README)).contains("```java\n" + example + "```\n");
  }

  private static void runExample() {
    // tag::embedding[]
    TaskStore store = new InMemoryTaskStore();
    CreateTask createTask = new CreateTask(store);
    ListTasks listTasks = new ListTasks(store);

    Task report = createTask.create(new TaskDraft("Write the report", "Due Friday", 5));
    createTask.create(new TaskDraft("Book the trip"));

    TaskPage page = listTasks.list(PageRequest.parse("sort:-priority", null, "10", LocalDate.now()));
    page.tasks().forEach(task -> System.out.println(task.id() + " " + task.title()));

    try {
      createTask.create(new TaskInput("", null, "high").toDraft(LocalDate.now()));
    } catch (InvalidTaskException invalid) {
      invalid.violations().forEach(violation -> System.out.println(violation.message()));
      // title: is empty; accepted: 1 to 200 characters, no control characters
      // priority: "high" is not a whole number; accepted: a whole number from 0 to 1000 (empty means 0)
    }
    // end::embedding[]
    assertThat(report.priority()).isEqualTo(5);
  }

  /** The lines between the tags, without the method body's indentation. */
  private static String region(String source) {
    List<String> lines = Arrays.asList(source.split("\n", -1));
    int start = indexOf(lines, "// tag::embedding[]") + 1;
    int end = indexOf(lines, "// end::embedding[]");
    return lines.subList(start, end).stream()
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("marker not found: " + marker);
  }
}
