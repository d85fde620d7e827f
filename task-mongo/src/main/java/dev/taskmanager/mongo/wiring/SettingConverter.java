package dev.taskmanager.mongo.wiring;

import picocli.CommandLine.ITypeConverter;

/**
 * Reads one setting from text, as given in its environment variable or its flag, and knows how to
 * say what is wrong with it. Picocli converts every value with it, the variable's (through
 * {@link EnvironmentDefaults}) and the flag's alike, so both are checked by the same rule and get the
 * same message.
 *
 * @param <T> what the text becomes
 */
public abstract class SettingConverter<T> implements ITypeConverter<T> {

  private final String variable;
  private final String flag;
  private final String accepted;

  protected SettingConverter(String variable, String flag, String accepted) {
    this.variable = variable;
    this.flag = flag;
    this.accepted = accepted;
  }

  /**
   * The setting's value for this text.
   *
   * @throws InvalidSettingException when the text is not accepted
   */
  @Override
  public abstract T convert(String text);

  /** The environment variable, e.g. {@code TASK_DB}. */
  public final String variable() {
    return variable;
  }

  /** The flag, e.g. {@code --db}. */
  public final String flag() {
    return flag;
  }

  /** What the setting accepts, in words for a person. */
  public final String accepted() {
    return accepted;
  }

  /**
   * The text as a whole number from {@code min} to {@code max}, blanks around it allowed.
   *
   * @throws InvalidSettingException for anything else
   */
  protected final int wholeNumber(String text, int min, int max) {
    String digits = text.strip();
    // Nine digits at most: parseInt cannot overflow, and no setting goes that high.
    if (!digits.matches("[0-9]{1,9}") || Integer.parseInt(digits) < min || Integer.parseInt(digits) > max) {
      throw invalid(text);
    }
    return Integer.parseInt(digits);
  }

  /** {@code VARIABLE (--flag) is "text"; accepted: …} */
  protected final InvalidSettingException invalid(String text) {
    return InvalidSettingException.invalid(variable, flag, text, accepted);
  }

  /** {@code VARIABLE (--flag) <problem>; accepted: …}, not showing the value. */
  protected final InvalidSettingException refused(String problem) {
    return InvalidSettingException.because(variable, flag, problem, accepted);
  }
}
