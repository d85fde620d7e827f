package dev.taskmanager.cli;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import dev.taskmanager.core.model.InvalidImportException;
import dev.taskmanager.core.model.InvalidTaskException;
import dev.taskmanager.core.model.TaskNotFoundException;
import dev.taskmanager.core.model.TaskStoreException;
import dev.taskmanager.core.model.Violation;
import dev.taskmanager.mongo.wiring.InvalidSettingException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where errors become messages and exit codes. Every error is one line on standard
 * error, {@code task: …}; the stack trace follows only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    // A store setting's own line, the same as the web app's; picocli's words for anything else.
    err.println("task: " + oneLine(InvalidSettingException.oneLine(ex).orElse(stripErrorPrefix(ex.getMessage()))));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    if (verbose(command)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    int exitCode = report(ex, err);
    if (verbose(command)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return exitCode;
  }

  private static int report(Exception thrown, PrintWriter err) {
    Exception ex = unwrap(thrown);
    if (ex instanceof InvalidTaskException) {
      printLines(err, ((InvalidTaskException) ex).violations().stream().map(Violation::message).collect(Collectors.toList()));
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof InvalidImportException) {
      printLines(err, ((InvalidImportException) ex).violations().stream()
          .map(v -> "record " + (v.index() + 1) + ": " + v.violation().message()).collect(Collectors.toList()));
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof TaskNotFoundException) {
      printLines(err, List.of(ex.getMessage()));
      return ExitCodes.NOT_FOUND;
    }
    if (ex instanceof TaskStoreException) {
      // The CLI's user is an operator: the store's own words say what to fix.
      printLines(err, List.of("store unavailable: " + ex.getMessage()));
      return ExitCodes.STORE_UNAVAILABLE;
    }
    if (ex instanceof CliException) {
      printLines(err, List.of(ex.getMessage()));
      return ((CliException) ex).exitCode();
    }
    printLines(err, List.of("unexpected error (" + ex.getClass().getSimpleName()
        + "); run again with --verbose to see the details"));
    return ExitCodes.INTERNAL_ERROR;
  }

  /** Guice wraps what a store's provider throws (a store that cannot start); the cause is the news. */
  private static Exception unwrap(Exception thrown) {
    Collection<Message> errors = thrown instanceof ProvisionException ? ((ProvisionException) thrown).getErrorMessages()
        : thrown instanceof CreationException ? ((CreationException) thrown).getErrorMessages() : List.of();
    for (Message error : errors) {
      if (error.getCause() instanceof Exception) {
        return unwrap((Exception) error.getCause());
      }
    }
    return thrown;
  }

  private static void printLines(PrintWriter err, List<String> messages) {
    for (String message : messages) {
      err.println("task: " + oneLine(message));
    }
  }

  /** Keeps each message on one line, whatever text it quotes. */
  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("[\\r\\n]+", " ");
  }

  private static String stripErrorPrefix(String message) {
    return message != null && message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
  }

  private static boolean verbose(CommandLine command) {
    Object root = command.getCommandSpec().root().userObject();
    return root instanceof TaskCli && ((TaskCli) root).verbose();
  }
}
