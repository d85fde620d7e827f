package dev.taskmanager.mongo.wiring;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The time zone people live in, as a picocli mixin for every program ({@code @Mixin ZoneOption}):
 * "today", "tomorrow" and "overdue" follow it, so a task due today is not overdue at 1 a.m. because
 * UTC has moved on. Unset, the system's zone.
 */
public final class ZoneOption {

  static final String ACCEPTED = "a time zone such as Europe/Paris, America/New_York or UTC"
      + " (default: the system's)";

  @Option(names = "--timezone", scope = ScopeType.INHERIT, parameterConsumer = TakesAnyValue.class,
      paramLabel = "ZONE", defaultValue = "${env:TASK_TIMEZONE}", converter = ZoneConverter.class,
      description = "TASK_TIMEZONE: " + ACCEPTED + "; today and overdue follow it.")
  ZoneId zone;

  /** The zone given, or the system's. */
  public ZoneId zone() {
    return zone != null ? zone : ZoneId.systemDefault();
  }

  /** {@code TASK_TIMEZONE}: a region or offset the JDK knows; blank means the system's. */
  static final class ZoneConverter extends SettingConverter<ZoneId> {
    ZoneConverter() {
      super("TASK_TIMEZONE", "--timezone", ACCEPTED);
    }

    @Override
    public ZoneId convert(String text) {
      if (text.isBlank()) {
        return ZoneId.systemDefault();
      }
      try {
        return ZoneId.of(text.strip());
      } catch (DateTimeException unknown) {
        throw invalid(text);
      }
    }
  }
}
