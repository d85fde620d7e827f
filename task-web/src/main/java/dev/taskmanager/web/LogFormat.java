package dev.taskmanager.web;

import java.util.Locale;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * How the app writes its log lines on stdout ({@code TASK_LOG_FORMAT}): readable text, or one JSON
 * object per line that log collectors parse without rules. Logback writes both; its configuration
 * ({@code logback.xml}) has an appender for each.
 */
public enum LogFormat {
  TEXT,
  JSON;

  /** The system property {@code logback.xml} picks its appender by. */
  static final String PROPERTY = "task.log.format";

  /**
   * Sends every log line of this JVM through Logback in this format: the app's and the libraries'
   * SLF4J loggers, its {@link System.Logger}s, and java.util.logging. Call it before the first line
   * is logged: Logback reads its configuration once, when the first logger is made.
   */
  public void use() {
    System.setProperty(PROPERTY, name().toLowerCase(Locale.ROOT));
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }
}
