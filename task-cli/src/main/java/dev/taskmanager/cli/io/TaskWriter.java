package dev.taskmanager.cli.io;

import dev.taskmanager.core.model.Task;
import java.io.IOException;
import java.util.List;

/**
 * Writes tasks in one format as they come, a batch at a time, without holding them all. Call
 * {@link #finish()} once at the end (a JSON array needs its closing bracket); it does not close
 * the underlying writer.
 */
public interface TaskWriter {

  void write(Task task) throws IOException;

  /** Writes a batch; a table also lays its columns out from the first batch it sees. */
  default void write(List<Task> batch) throws IOException {
    for (Task task : batch) {
      write(task);
    }
  }

  void finish() throws IOException;
}
