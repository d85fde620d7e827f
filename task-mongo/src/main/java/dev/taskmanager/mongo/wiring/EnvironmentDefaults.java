package dev.taskmanager.mongo.wiring;

import java.lang.reflect.AnnotatedElement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Option;

/**
 * Gives each option whose annotation says {@code defaultValue = "${env:NAME}"} or
 * {@code "${env:NAME:-fallback}"} the value of {@code NAME} in the given environment: the annotation
 * stays the one place that names an option's variable, and this reads it the way an operator means it.
 *
 * <p>Picocli's own {@code ${env:…}} lookup reads {@link System#getenv()}, and then interpolates the
 * variable's value as well: {@code TASK_MONGO_URI=mongodb://u:pa$$w@db.example} reached the app as
 * {@code pa$w}, {@code TASK_DB='${USER}'} as the user's name, and {@code TASK_DB='a${'} stopped the
 * program with picocli's stack trace. Here a value is used exactly as set (picocli is handed it with
 * its {@code $} escaped), an empty variable counts as unset (the fallback applies, as with no
 * variable), and the environment is a map, so tests run a program's real command line in-process with
 * the environment they choose.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

  private static final Pattern FROM_ENVIRONMENT = Pattern.compile("\\$\\{env:(\\w+)(?::-([^}$]*))?}");

  private final Map<String, String> environment;

  public EnvironmentDefaults(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public String defaultValue(ArgSpec option) {
    Matcher fromEnvironment = FROM_ENVIRONMENT.matcher(annotatedDefault(option));
    if (!fromEnvironment.matches()) {
      return null;
    }
    String value = environment.get(fromEnvironment.group(1));
    if (value == null || value.isEmpty()) {
      value = fromEnvironment.group(2);
    }
    // Picocli interpolates what a provider returns, and would otherwise fall back on its own lookup.
    return value == null ? Option.NULL_VALUE : value.replace("$", "$$");
  }

  private static String annotatedDefault(ArgSpec option) {
    if (option.userObject() instanceof AnnotatedElement) {
      Option annotation = ((AnnotatedElement) option.userObject()).getAnnotation(Option.class);
      if (annotation != null) {
        return annotation.defaultValue();
      }
    }
    return "";
  }
}
