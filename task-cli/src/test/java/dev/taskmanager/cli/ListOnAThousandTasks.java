package dev.taskmanager.cli;

import dev.taskmanager.cli.store.InMemoryStoreModule;
import dev.taskmanager.core.memory.InMemoryTaskStore;
import dev.taskmanager.core.model.TaskDraft;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * A benchmark program, not a test: {@code task} as {@code bin/task} runs it, on a store that
 * already holds 1,000 tasks, for timing whole processes with hyperfine:
 *
 * <pre>
 * hyperfine -N "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=task-cli/target/task-cli.jsa \
 *   -cp task-cli/target/task-cli.jar:task-cli/target/test-classes dev.taskmanager.cli.ListOnAThousandTasks list"
 * </pre>
 *
 * The arguments are the command's. Until the MongoDB store is wired in, an in-memory store filled
 * in-process stands in for a store that already holds the tasks (filling it takes a few ms).
 */
public final class ListOnAThousandTasks {

  private ListOnAThousandTasks() {}

  public static void main(String[] args) {
    InMemoryTaskStore store = new InMemoryTaskStore();
    for (int i = 0; i < 1_000; i++) {
      store.create(new TaskDraft("Task number " + i, i % 2 == 0 ? "" : "A description for task " + i, i % 11));
    }
    CommandLine commandLine = TaskCli.commandLine(
        new CliFactory(new CliModule(Terminal.system(), options -> new InMemoryStoreModule(store))));
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
    commandLine.setOut(out);
    int exitCode = commandLine.execute(args);
    out.flush();
    System.exit(exitCode);
  }
}
