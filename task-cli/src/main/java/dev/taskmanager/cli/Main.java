package dev.taskmanager.cli;

import dev.taskmanager.cli.socket.CommandClient;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * {@code bin/task}'s entry point: a command the web app running on the data directory serves is
 * sent to it, at the cost of a small program's start; any other runs here ({@link TaskCli}). Loads
 * nothing of the command line until it knows it must run it.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    OptionalInt served = CommandClient.runInApp(System.getenv(), Path.of("").toAbsolutePath(), args,
        Terminal.system(), new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
    if (served.isPresent()) {
      System.exit(served.getAsInt());
    }
    TaskCli.main(args);
  }
}
