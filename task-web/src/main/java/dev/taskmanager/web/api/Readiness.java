package dev.taskmanager.web.api;

import jakarta.inject.Singleton;

/**
 * Whether the app has warmed up ({@link dev.taskmanager.web.Warmup}): until then {@code
 * /health/ready} answers 503, so that a proxy or an orchestrator sends no user to a page that would
 * still pay for loading classes, reading templates and the store's first pages. Thread-safe.
 */
@Singleton
public final class Readiness {

  private volatile boolean warm;

  /** Marks the app ready; it stays so. */
  public void markWarm() {
    warm = true;
  }

  boolean isWarm() {
    return warm;
  }
}
