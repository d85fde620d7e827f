package dev.taskmanager.cli.socket;

import dev.taskmanager.cli.Terminal;
import java.io.InputStream;

/**
 * The client's terminal as the app sees it: what the client measured, and no input, since only
 * commands that read none are served ({@link CommandClient#SERVED}).
 */
record ServedTerminal(boolean interactive, int width, boolean colour) implements Terminal {

  @Override
  public String readLine(String prompt) {
    return null;
  }

  @Override
  public char[] readPassword(String prompt) {
    return null;
  }

  @Override
  public InputStream stdin() {
    return InputStream.nullInputStream();
  }
}
