package dev.taskmanager.web;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Locale;
import org.slf4j.LoggerFactory;
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
   * SLF4J loggers, its {@link System.Logger}s, and java.util.logging. Logback reads its
   * configuration when the first logger is made, which checking the settings may already have done
   * (the driver's connection-string class makes one as it loads), so it is read again here.
   */
  public void use() {
    System.setProperty(PROPERTY, name().toLowerCase(Locale.ROOT));
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    try {
      new ContextInitializer(context).autoConfig();
    } catch (JoranException unreadable) {
      throw new IllegalStateException("logback.xml, in the app's jar, cannot be read", unreadable);
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }
}
