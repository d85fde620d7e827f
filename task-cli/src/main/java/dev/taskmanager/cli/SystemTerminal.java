package dev.taskmanager.cli;

import java.io.Console;
import java.io.InputStream;
import java.util.Map;

/** The process's own terminal, read from {@link System#console()} and the environment. */
final class SystemTerminal implements Terminal {

  static final int DEFAULT_WIDTH = 80;

  private final Map<String, String> environment;
  private final Console console = System.console();

  SystemTerminal(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public boolean interactive() {
    return console != null;
  }

  @Override
  public int width() {
    Integer columns = columns(environment.get("COLUMNS"));
    if (columns != null) {
      return columns;
    }
    if (interactive()) {
      int measured = measureTerminalWidth();
      if (measured > 0) {
        return measured;
      }
    }
    return DEFAULT_WIDTH;
  }

  @Override
  public boolean colour() {
    String noColor = environment.get("NO_COLOR");
    return interactive() && (noColor == null || noColor.isEmpty()) && !"dumb".equals(environment.get("TERM"));
  }

  @Override
  public String readLine(String prompt) {
    return console == null ? null : console.readLine("%s", prompt);
  }

  @Override
  public char[] readPassword(String prompt) {
    return console == null ? null : console.readPassword("%s", prompt);
  }

  @Override
  public InputStream stdin() {
    return System.in;
  }

  /** {@code COLUMNS} when it is a sensible width; {@code null} otherwise. */
  static Integer columns(String text) {
    if (text == null || !text.strip().matches("[0-9]{1,4}")) {
      return null;
    }
    int value = Integer.parseInt(text.strip());
    return value >= 20 ? value : null;
  }

  /** Asks jline (already on the class path for the progress bar); loaded only on a terminal. */
  private static int measureTerminalWidth() {
    try (org.jline.terminal.Terminal terminal = org.jline.terminal.TerminalBuilder.builder()
        .system(true).dumb(true).build()) {
      return terminal.getWidth();
    } catch (Exception | LinkageError unavailable) {
      return 0;
    }
  }
}
