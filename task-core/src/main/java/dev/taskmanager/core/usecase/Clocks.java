package dev.taskmanager.core.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time the use cases stamp tasks with: to the millisecond, as MongoDB keeps times. */
final class Clocks {

  private Clocks() {}

  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
