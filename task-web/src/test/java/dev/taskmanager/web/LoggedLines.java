package dev.taskmanager.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * What the app logs while this is open, each line as its message (what the text format prints
 * after {@code logger: }), taken from Logback beside the console. Test classes run one at a time,
 * so the lines are the open server's.
 */
final class LoggedLines implements AutoCloseable {

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root;

  private LoggedLines() {
    LoggerContext context = logback();
    root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  /**
   * Logback, once SLF4J has found it: while another thread is still initialising SLF4J (servers
   * started at once), SLF4J hands out a stand-in factory instead.
   */
  private static LoggerContext logback() {
    for (int tries = 0; tries < 500; tries++) {
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
        return context;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("SLF4J did not bind to Logback: " + LoggerFactory.getILoggerFactory());
  }

  static LoggedLines capture() {
    return new LoggedLines();
  }

  /** Every message so far, one per line. */
  String text() {
    // The appender adds under its own lock.
    synchronized (appender) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    }
  }

  /** The messages logged at WARN or above, by the app and its libraries alike. */
  List<String> warnings() {
    synchronized (appender) {
      return appender.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
          .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).collect(Collectors.toList());
    }
  }

  /**
   * The messages once one holds this text, or after two seconds: a request's line is logged when
   * its exchange completes, which may be just after the client has read the response.
   */
  String once(String fragment) throws InterruptedException {
    for (int wait = 0; wait < 40 && !text().contains(fragment); wait++) {
      Thread.sleep(50);
    }
    return text();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
