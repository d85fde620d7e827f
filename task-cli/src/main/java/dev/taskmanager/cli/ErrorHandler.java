package dev.taskmanager.cli;

import dev.taskmanager.core.failure.Failure;
import dev.taskmanager.core.text.Excerpts;
import dev.taskmanager.mongo.wiring.InvalidSettingException;
import dev.taskmanager.mongo.wiring.ProvisionFailures;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where errors become messages and exit codes: a command's own failure keeps its
 * code, any other is classified by the core ({@link Failure}) and only rendered here. Every error
 * is one line on standard error, {@code task: …}; the stack trace follows only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    // A store setting's own line, the same as the web app's; picocli's words for anything else.
    String message = InvalidSettingException.oneLine(ex).or(() -> notAChoice(ex))
        .orElse(stripErrorPrefix(ex.getMessage()));
    err.println("task: " + Excerpts.joinLines(message));
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
    Throwable cause = ProvisionFailures.causeOf(thrown);
    if (cause instanceof CliException command) {
      printLines(err, List.of(command.getMessage()));
      return command.exitCode();
    }
    Failure failure = Failure.of(cause);
    switch (failure.kind()) {
      case INVALID_INPUT:
        printLines(err, failure.problems());
        return ExitCodes.INVALID_INPUT;
      case NOT_FOUND:
        printLines(err, List.of(failure.message()));
        return ExitCodes.NOT_FOUND;
      case STORE_UNAVAILABLE:
        // The CLI's user is an operator: the store's own words say what to fix.
        printLines(err, List.of("store unavailable: " + failure.message()));
        return ExitCodes.STORE_UNAVAILABLE;
      default:
        printLines(err, List.of(failure.message() + "; run again with --verbose to see the details"));
        return ExitCodes.INTERNAL_ERROR;
    }
  }

  private static void printLines(PrintWriter err, List<String> messages) {
    for (String message : messages) {
      err.println("task: " + Excerpts.joinLines(message));
    }
  }

  /**
   * For a value an enum option refused: what was given and the choices as they are typed.
   * Picocli's own words name the constants as the code spells them ({@code [JSON, JSONL, CSV]}).
   */
  private static Optional<String> notAChoice(ParameterException ex) {
    ArgSpec arg = ex.getArgSpec();
    if (arg == null || !arg.type().isEnum() || !(ex.getCause() instanceof TypeConversionException)) {
      return Optional.empty();
    }
    List<String> choices = Arrays.stream(arg.type().getEnumConstants())
        .map(choice -> ((Enum<?>) choice).name().toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(ArrayList::new));
    String name = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
    String last = choices.remove(choices.size() - 1);
    return Optional.of(name + ": " + Excerpts.quote(ex.getValue()) + " is not accepted; accepted: "
        + (choices.isEmpty() ? last : String.join(", ", choices) + " or " + last));
  }

  private static String stripErrorPrefix(String message) {
    return message != null && message.startsWith("Error: ") ? message.substring("Error: ".length()) : message;
  }

  private static boolean verbose(CommandLine command) {
    Object root = command.getCommandSpec().root().userObject();
    return root instanceof TaskCli && ((TaskCli) root).verbose();
  }
}
