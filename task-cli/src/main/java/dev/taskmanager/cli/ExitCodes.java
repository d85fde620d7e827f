package dev.taskmanager.cli;

/**
 * The exit codes of every command: the same code for the same cause everywhere. Listed in
 * {@code --help} through the root command's {@code exitCodeList}, which subcommands inherit.
 */
public final class ExitCodes {

  static final int OK = 0;
  /** A value, file or record broke a rule, or a confirmation was declined. */
  static final int INVALID_INPUT = 1;
  /** Unknown command or option, missing or extra argument (picocli's default). */
  static final int USAGE = 2;
  /** No task has the given id. */
  static final int NOT_FOUND = 3;
  /** The store could not be reached or opened. */
  public static final int STORE_UNAVAILABLE = 4;
  /** {@code task doctor} found problems (and did not repair them all). */
  static final int PROBLEMS_FOUND = 5;
  /** A bug: an error nobody expected (EX_SOFTWARE). */
  public static final int INTERNAL_ERROR = 70;

  private ExitCodes() {}
}
