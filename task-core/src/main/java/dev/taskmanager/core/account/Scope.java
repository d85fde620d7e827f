package dev.taskmanager.core.account;

import java.util.Locale;

/** What an API token may do: read tasks, or also change them (within its user's role). */
public enum Scope {
  READ,
  WRITE;

  /** {@code read} or {@code write}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a token of this scope may make a request that changes tasks ({@code writes}) or not. */
  public boolean allows(boolean writes) {
    return this == WRITE || !writes;
  }
}
