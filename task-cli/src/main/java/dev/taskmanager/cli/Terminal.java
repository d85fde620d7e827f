package dev.taskmanager.cli;

import java.io.InputStream;

/**
 * What the commands need to know about where they run: whether a person is at a terminal, how wide
 * it is, whether colour is wanted; and the standard input. Tests pass a fake.
 */
public interface Terminal {

  /** Whether a person is at a terminal (standard input and output are one): prompts and progress bars. */
  boolean interactive();

  /** Columns for a table: {@code COLUMNS}, else the terminal's width, else 80. */
  int width();

  /** Whether to colour output: on a terminal only, and never when {@code NO_COLOR} is set. */
  boolean colour();

  /** Asks a question on the terminal; {@code null} when there is no terminal or input ended. */
  String readLine(String prompt);

  /**
   * Asks for a password on the terminal, without echoing it; {@code null} when there is no terminal
   * or input ended. The caller clears the array when done.
   */
  char[] readPassword(String prompt);

  /** The standard input, for {@code import -}. */
  InputStream stdin();

  /** The terminal of this process. */
  static Terminal system() {
    return new SystemTerminal(System.getenv());
  }
}
