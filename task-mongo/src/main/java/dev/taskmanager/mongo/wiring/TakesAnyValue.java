package dev.taskmanager.mongo.wiring;

import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Gives a setting's option the value it was given, whatever that looks like, as getopt does: the
 * text after {@code =}, the next argument, or its variable's value, then checked by its converter.
 *
 * <p>Picocli refuses a value that is one of the command's option names or {@code --}, and does so
 * for a variable's value too: {@code TASK_DB=--help} was "--db needs a value", and a program with an
 * option the other lacks would judge the same variable differently. With this consumer a value is
 * refused only by the setting's own rule, the same in every program.
 */
public final class TakesAnyValue implements IParameterConsumer {

  @Override
  public void consumeParameters(Stack<String> args, ArgSpec option, CommandSpec command) {
    if (args.isEmpty()) {
      throw new MissingParameterException(command.commandLine(), option,
          "Missing required parameter for option '" + ((OptionSpec) option).longestName() + "'");
    }
    String value = args.pop();
    try {
      option.setValue(option.converters()[0].convert(value));
    } catch (InvalidSettingException refused) {
      throw new ParameterException(command.commandLine(), refused.getMessage(), refused, option, value);
    } catch (Exception failed) {
      // InvalidSettingException#oneLine words it without showing the value, which may be a password.
      throw new ParameterException(command.commandLine(), "Invalid value for option '"
          + ((OptionSpec) option).longestName() + "'", failed, option, value);
    }
  }
}
