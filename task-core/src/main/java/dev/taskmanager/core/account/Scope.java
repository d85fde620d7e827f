package dev.taskmanager.core.account;

import java.util.Locale;

/**
 * What a token may do: read tasks, or also change them (within its user's role), on the API; or
 * only fetch its user's calendar feed, whose URL carries it (it never works on the API).
 */
public enum Scope {
  READ,
  WRITE,
  CALENDAR;

  /** {@code read}, {@code write} or {@code calendar}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
