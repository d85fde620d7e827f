package dev.taskmanager.cli;

import dev.taskmanager.core.account.AccountRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where a new password comes from: typed twice on the terminal without echo, or the first line of
 * standard input with {@code --password-stdin} (for scripts: never as an argument, which every
 * local user can read in the process list). The caller clears the array it gets.
 */
final class PasswordInput {

  /** A line longer than any password the rules accept, with room for a multi-byte script. */
  private static final int MAX_LINE_BYTES = AccountRules.PASSWORD_MAX_LENGTH * 4 + 2;

  @Option(names = "--password-stdin",
      description = "Read the password from the first line of standard input instead of asking on the terminal.")
  boolean fromStdin;

  /**
   * The password for {@code name}.
   *
   * @throws CliException when there is no terminal to ask on, the two typed differ, or standard
   *     input holds no line
   */
  char[] read(Terminal terminal, String name) {
    if (fromStdin) {
      return firstLine(terminal.stdin());
    }
    if (!terminal.interactive()) {
      throw new CliException(ExitCodes.USAGE, "a password is needed: run this on a terminal to type it, or give it"
          + " on standard input with --password-stdin");
    }
    char[] first = terminal.readPassword("Password for " + name + ": ");
    if (first == null) {
      throw new CliException(ExitCodes.INVALID_INPUT, "no password was typed; nothing was changed");
    }
    char[] again = terminal.readPassword("The same again, to be sure: ");
    try {
      if (again == null || !Arrays.equals(first, again)) {
        Arrays.fill(first, '\0');
        throw new CliException(ExitCodes.INVALID_INPUT, "the two passwords differ; nothing was changed");
      }
      return first;
    } finally {
      if (again != null) {
        Arrays.fill(again, '\0');
      }
    }
  }

  /** The first line of standard input, without its line break, as UTF-8; every buffer cleared after. */
  private static char[] firstLine(InputStream in) {
    byte[] line = new byte[MAX_LINE_BYTES];
    CharBuffer chars = null;
    try {
      int length = 0;
      int next;
      boolean ended = false;
      while ((next = in.read()) != -1) {
        if (next == '\n') {
          ended = true;
          break;
        }
        if (length == line.length) {
          throw new CliException(ExitCodes.INVALID_INPUT, "the first line of standard input is longer than any"
              + " password; accepted: at most " + AccountRules.PASSWORD_MAX_LENGTH + " characters; nothing was changed");
        }
        line[length++] = (byte) next;
      }
      if (!ended && length == 0) {
        throw new CliException(ExitCodes.INVALID_INPUT, "standard input is empty: --password-stdin reads the password"
            + " from its first line; nothing was changed");
      }
      if (length > 0 && line[length - 1] == '\r') {
        length--;
      }
      chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, length));
      char[] password = new char[chars.remaining()];
      chars.get(password);
      return password;
    } catch (CharacterCodingException notUtf8) {
      throw new CliException(ExitCodes.INVALID_INPUT, "the first line of standard input is not UTF-8 text; nothing"
          + " was changed");
    } catch (IOException unreadable) {
      throw new CliException(ExitCodes.INVALID_INPUT, "standard input cannot be read (" + unreadable.getMessage()
          + "); nothing was changed", unreadable);
    } finally {
      Arrays.fill(line, (byte) 0);
      if (chars != null && chars.hasArray()) {
        Arrays.fill(chars.array(), '\0');
      }
    }
  }
}
