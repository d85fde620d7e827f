package dev.taskmanager.mongo.wiring;

import dev.taskmanager.core.text.Excerpts;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * A setting's value is not accepted. The message is one line for a person, the same in every program:
 * {@code TASK_DB (--db) is "a/b"; accepted: …}, naming the variable and its flag, what was wrong and
 * what is accepted, with the value shown only where it holds no secret.
 *
 * <p>It is picocli's {@link TypeConversionException}, so that a {@link SettingConverter} throws it as
 * it is and picocli neither echoes the value nor wraps the message in its own words; a program's
 * error handler prints {@link #oneLine(ParameterException)}.
 */
public final class InvalidSettingException extends TypeConversionException {

  private static final long serialVersionUID = 1L;

  private InvalidSettingException(String message) {
    super(message);
  }

  /** {@code VARIABLE (--flag) is "value"; accepted: …}, the value shown printable and cut short. */
  public static InvalidSettingException invalid(String variable, String flag, String value, String accepted) {
    return because(variable, flag, "is " + Excerpts.quote(value), accepted);
  }

  /** {@code VARIABLE (--flag) <problem>; accepted: …}: for values that must not be shown (secrets, URIs). */
  public static InvalidSettingException because(String variable, String flag, String problem, String accepted) {
    return new InvalidSettingException(variable + " (" + flag + ") " + problem + "; accepted: " + accepted);
  }

  /**
   * The one line a program prints for a command line picocli refused because of a setting: a value
   * a {@link SettingConverter} refused (or failed on), or a setting's flag given without a value;
   * empty for anything else (an unknown option), which the program words itself.
   */
  public static Optional<String> oneLine(ParameterException refused) {
    if (refused.getCause() instanceof InvalidSettingException) {
      return Optional.of(refused.getCause().getMessage());
    }
    List<ArgSpec> about = refused instanceof MissingParameterException
        ? ((MissingParameterException) refused).getMissing() : refused.getArgSpec() == null ? List.of()
        : List.of(refused.getArgSpec());
    if (about == null || about.size() != 1 || about.get(0).converters().length != 1
        || !(about.get(0).converters()[0] instanceof SettingConverter)) {
      return Optional.empty();
    }
    SettingConverter<?> setting = (SettingConverter<?>) about.get(0).converters()[0];
    if (refused instanceof MissingParameterException) {
      return Optional.of(setting.flag() + " needs a value: " + setting.accepted());
    }
    if (refused.getCause() == null) {
      return Optional.empty();
    }
    // A converter that failed in a way it did not foresee: picocli's words would show the value,
    // which may be a password, and the exception's class.
    return Optional.of(because(setting.variable(), setting.flag(), "is not accepted", setting.accepted()).getMessage());
  }
}
