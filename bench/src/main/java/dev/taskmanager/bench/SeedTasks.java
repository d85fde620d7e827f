package dev.taskmanager.bench;

import dev.taskmanager.core.model.Task;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The tasks every benchmark store is filled with: ids 0 to n-1, priorities spread over 0 to 1000. */
final class SeedTasks {

  private SeedTasks() {}

  static List<Task> of(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new Task(i, "task " + i, "seeded for a benchmark", i % 1001))
        .collect(Collectors.toList());
  }
}
