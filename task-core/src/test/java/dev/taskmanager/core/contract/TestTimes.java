package dev.taskmanager.core.contract;

import java.time.Instant;
import java.time.LocalDate;

/** A fixed time for tests that hand the store one directly, as the use cases do with their clock's. */
public final class TestTimes {

  /** A time to the millisecond, as stores keep times. */
  public static final Instant NOW = Instant.parse("2026-12-01T09:30:00.123Z");
  /** A Tuesday, to read due dates such as {@code tomorrow} by. */
  public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  private TestTimes() {}
}
